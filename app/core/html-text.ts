/**
 * The readable text of an HTML page, for the link checker to look for cited quotes in: tags,
 * comments, scripts and styles removed, entities decoded, whitespace collapsed.
 *
 * Not a parser: a single left-to-right scan, linear in the input even on hostile markup (an
 * unclosed `<script` or a thousand `<a` without `>` cost one pass, not one pass each), which
 * matters because the input is whatever a cited server chose to send (at most 1 MiB).
 * Written here rather than taken from a package: the checker needs only "the words a reader
 * sees, in order", and 100 lines keep the link checker free of a parser's attack surface.
 */

/** Elements whose content is never shown as text. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'svg', 'math'])

/**
 * Inline elements: removed without a space, so "2<b>0</b>0" stays one word. Every other tag
 * (block elements, table cells, line breaks, unknown elements) separates words.
 */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
])

/**
 * A tag: name, then attributes where quoted values may hold ">" and unquoted text may not hold
 * "<" (so a scan from one "<" never runs past the next one: linear overall).
 */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9:-]*)(?:[^<>"']|"[^"]*"|'[^']*')*>/y

export function htmlToText(html: string): string {
  const lower = html.toLowerCase()
  const out: string[] = []
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      out.push(html.slice(i))
      break
    }
    out.push(html.slice(i, lt))
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? html.length : end + 3
      out.push(' ')
      continue
    }
    const next = html[lt + 1]
    if (next === '!' || next === '?') {
      // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
      const end = html.indexOf('>', lt)
      i = end < 0 ? html.length : end + 1
      out.push(' ')
      continue
    }
    TAG.lastIndex = lt
    const tag = TAG.exec(html)
    if (!tag) {
      out.push('<')
      i = lt + 1
      continue
    }
    i = lt + tag[0].length
    const name = tag[1]!.toLowerCase()
    const closing = tag[0][1] === '/'
    if (!closing && HIDDEN_CONTENT.has(name) && !tag[0].endsWith('/>')) {
      const end = lower.indexOf(`</${name}`, i)
      if (end < 0) {
        i = html.length
      } else {
        const close = html.indexOf('>', end)
        i = close < 0 ? html.length : close + 1
      }
      out.push(' ')
      continue
    }
    out.push(INLINE.has(name) ? '' : ' ')
  }
  return collapseWhitespace(decodeEntities(out.join('')))
}

/** Runs of whitespace (including no-break and other Unicode spaces) become one space; trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ').trim()
}

// Code points 160–255 in order: the HTML 4 Latin-1 entity names.
const LATIN1_NAMES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute ' +
  'micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig ' +
  'Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash ' +
  'Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc ' +
  'euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ')

/** Entities that HTML also accepts without the final ";" (the legacy ones). */
const LEGACY: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"',
  ...Object.fromEntries(LATIN1_NAMES.map((name, index) => [name, String.fromCodePoint(160 + index)])),
}

/**
 * Named entities beyond Latin-1 that prose uses: typographic quotes, dashes and spaces, the euro.
 * A name not listed stays as written; at worst a quote containing it is reported "not found",
 * which a person then looks at.
 */
const NAMED: Record<string, string> = {
  ...LEGACY,
  apos: "'", OElig: 'Œ', oelig: 'œ', Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', fnof: 'ƒ', circ: 'ˆ', tilde: '˜',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200C', zwj: '\u200D', lrm: '\u200E', rlm: '\u200F',
  ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', dagger: '†',
  Dagger: '‡', bull: '•', hellip: '…', permil: '‰', prime: '′', Prime: '″', lsaquo: '‹', rsaquo: '›', oline: '‾',
  euro: '€', trade: '™', minus: '−', NonBreakingSpace: '\u00A0', nnbsp: '\u202F', hyphen: '‐', dash: '‐',
  sdot: '⋅', le: '≤', ge: '≥', asymp: '≈', ne: '≠', larr: '←', rarr: '→', check: '✓',
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g

/** Decodes numeric and the common named character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16)
      // NUL, surrogates and out-of-range become U+FFFD, as the HTML standard says.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD'
      return String.fromCodePoint(code)
    }
    const withSemicolon = whole.endsWith(';')
    const decoded = withSemicolon ? NAMED[name!] : LEGACY[name!]
    return decoded ?? whole
  })
}
