import type { Lang } from './lang'

/**
 * Figure detection: numbers that state a fact ("200,000 users", "2,5 Mio. €", "40 %"), in
 * English, German and French. Everything else a number can be — a year, a date, a version, part
 * of a product name, an ordinal, a section or standard number — is excluded, and each exclusion
 * below says why it exists. Offsets are UTF-16 indexes, like every offset in the product.
 */

export type FigureUnit = 'percent' | 'EUR' | 'USD' | 'GBP' | 'CHF'

export interface FigureMatch {
  text: string
  start: number
  end: number
  value: number
  unit: FigureUnit | null
}

// Grouping spaces: ordinary, no-break (U+00A0), narrow no-break (U+202F, French typography) and
// thin (U+2009).
const SP = '[ \\u00A0\\u202F\\u2009]'
const GROUPED = `\\d{1,3}(?:(?:,|\\.|${SP})\\d{3})+`
const NUMBER = `(?:${GROUPED}|\\d+)(?:[.,]\\d+)?`

const CURRENCY_BEFORE = '(?:US\\$|€|\\$|£|EUR|USD|CHF|GBP)'
const SCALE = '(?:bn|k|K|M|m|Mio\\.?|Mrd\\.?|Md|millions?|Millionen|Million|billions?|milliards?|Milliarden?|thousand|Tausend|mille)'
const CURRENCY_AFTER = '(?:€|\\$|£|EUR|USD|CHF|GBP|euros?|Euro|dollars?)'
const PERCENT = '(?:%|percent\\b|per cent\\b|Prozent\\b|pour ?cent\\b)'

/**
 * One scan for candidates: an optional currency, the number, then an optional percent sign or a
 * scale word and a currency. The lookahead at the end stops "5G" or "1st" from matching as "5"
 * and "1"; those are judged in `excluded` with the glued letters in view.
 */
const CANDIDATE = new RegExp(
  `(?<cur1>${CURRENCY_BEFORE}${SP}?)?(?<num>${NUMBER})` +
    `(?:(?<pct>${SP}?${PERCENT})|(?<scale>${SP}?${SCALE}(?![\\p{L}\\p{N}]))?(?<cur2>${SP}?${CURRENCY_AFTER}(?![\\p{L}]))?)`,
  'gu',
)

const SCALES: Record<string, number> = {
  k: 1e3, thousand: 1e3, tausend: 1e3, mille: 1e3,
  m: 1e6, mio: 1e6, million: 1e6, millions: 1e6, millionen: 1e6,
  bn: 1e9, mrd: 1e9, md: 1e9, billion: 1e9, billions: 1e9, milliard: 1e9, milliards: 1e9, milliarde: 1e9, milliarden: 1e9,
}

const CURRENCIES: Record<string, FigureUnit> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR',
  $: 'USD', us$: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD',
  '£': 'GBP', gbp: 'GBP', chf: 'CHF',
}

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'januar', 'jänner', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'okt', 'dez',
  'janvier', 'février', 'fevrier', 'mars', 'avril', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre',
  'janv', 'févr', 'fév', 'avr', 'juil', 'déc',
].join('|')

/**
 * Dates are masked before numbers are judged: "25 July 2025", "2. Oktober 2025", "1er janvier",
 * "11–18 Mar 2020", "July 25", "11.06.2025", "2025-10-02", "10:30". A date is when a figure was
 * true, not a figure.
 */
const DATES = new RegExp(
  [
    `\\b\\d{1,2}(?:\\.|er|st|nd|rd|th)?(?:${SP}?[–-]${SP}?\\d{1,2}\\.?)?${SP}+(?:${MONTHS})\\b\\.?(?:${SP}+\\d{4})?`,
    `\\b(?:${MONTHS})\\.?${SP}+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?${SP}+\\d{4})?`,
    '\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b',
    '\\b\\d{4}-\\d{2}(?:-\\d{2})?\\b',
    '\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b',
  ].join('|'),
  'giu',
)

/**
 * Telephone numbers ("+33 1 23 45 67 89", "01 23 45 67 89") are identifiers: masked like dates.
 */
const PHONES = /\+\d[\d \u00A0().-]{6,}\d|\b0\d(?:[ .]\d{2}){4}\b/gu

/**
 * Words after which a number refers to a part of a text or a standard, not a quantity:
 * "section 4.2", "Art. 28", "§ 5", "RFC 9110", "ISO 27001", "Kapitel 2", "page 12", "Table 3".
 */
const REFERENCE_BEFORE = new RegExp(
  `(?:§|¶|\\b(?:sections?|sec\\.|chapters?|articles?|art\\.|annex|appendix|paragraphs?|para\\.|clause|footnote|note|figure|fig\\.|table|page|pages|p\\.|pp\\.|step|item|no\\.|nr\\.|n°|number|rfc|iso|iso/iec|iec|din|en|bsi|cve|version|versions|release|v\\.|kapitel|abschnitt|abs\\.|absatz|anhang|anlage|seite|s\\.|tabelle|abbildung|abb\\.|ziffer|randnummer|rn\\.|chapitre|alinéa|annexe|tableau|numéro|édition|edition|level|niveau|stufe|tier|phase|wave|vague|welle|lot|los|zone|gen\\.|generation|génération))${SP}*$`,
  'iu',
)

/**
 * Products whose names contain numbers ("Microsoft 365", "Windows 11", "Nextcloud Hub 9",
 * "Matrix 2.0"): a number right after one of these is part of the name. For English and French,
 * any capitalised word that does not start a sentence counts too, because those languages do not
 * capitalise common nouns; German capitalises every noun ("Postfächer 40.000" is rare, but
 * "Bund 23" must stay a figure), so there only the list counts.
 */
const PRODUCTS = new Set(
  [
    'microsoft', 'windows', 'office', 'teams', 'exchange', 'sharepoint', 'outlook', 'excel', 'word', 'powerpoint', 'onedrive', 'azure', 'dynamics', 'server', 'sql',
    'matrix', 'element', 'synapse', 'dendrite', 'jitsi', 'nextcloud', 'hub', 'owncloud', 'libreoffice', 'openoffice', 'collabora', 'onlyoffice', 'thunderbird', 'firefox',
    'chrome', 'chromium', 'android', 'ios', 'ipados', 'macos', 'ubuntu', 'debian', 'fedora', 'rhel', 'suse', 'linux', 'kernel', 'python', 'php', 'java', 'node', 'node.js',
    'postgresql', 'mysql', 'mariadb', 'keycloak', 'openproject', 'openxchange', 'open-xchange', 'zoom', 'slack', 'webex', 'bigbluebutton', 'moodle', 'wordpress',
    'drupal', 'tiptap', 'remix', 'react', 'vue', 'angular', 'google', 'workspace', 'gmail', 'pixel', 'galaxy', 'iphone', 'ipad', 'edition', 'suite', 'plan', 'pro',
    'plus', 'enterprise', 'business', 'premium', 'standard', 'professional', 'home', 'education', 'gpt', 'llama', 'http', 'html', 'css', 'tls', 'ssl', 'wcag',
    'opendesk', 'tchap', 'visio', 'proton', 'signal', 'whatsapp', 'telegram', 'skype', 'intune', 'defender', 'copilot', 'dynamics', 'visual', 'studio', 'netflix',
  ].map((p) => p.toLowerCase()),
)

/** Count nouns after which a number after a capitalised word is still a quantity ("Tchap 200 users"). */
const COUNT_NOUN_AFTER = /^[ \u00A0\u202F]*(?:users?|people|persons?|agents?|employees?|staff|accounts?|mailboxes?|workplaces?|seats?|licen[cs]es?|messages?|meetings?|inquiries|authorities|Nutzer\w*|Personen|Mitarbeit\w*|Beschäftigte\w*|Postfäch\w*|Arbeitspl\w*|Lizenzen|Konten|Anfragen|utilisat\w*|agents?|inscrits?|personnes|comptes|messages|réunions|licences|postes)\b/u

const LETTER = /[\p{L}\p{M}]/u
const WORDCHAR = /[\p{L}\p{M}\p{N}_]/u

function charBefore(text: string, index: number): string {
  return index > 0 ? text[index - 1]! : ''
}

/** The word (letters, digits, dots) just before `index`, skipping one space. */
function wordBefore(text: string, index: number): { word: string; start: number } {
  let end = index
  while (end > 0 && /[ \u00A0\u202F\u2009]/.test(text[end - 1]!)) end--
  let start = end
  while (start > 0 && /[\p{L}\p{M}\p{N}.\-/]/u.test(text[start - 1]!)) start--
  return { word: text.slice(start, end), start }
}

function startsSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index)
  return index === 0 || /(^|[.!?:;«»"“„(\n]\s*)$/u.test(before) || /\n\s*$/.test(before)
}

function isProductWord(word: string, wordStart: number, text: string, lang: Lang): boolean {
  const clean = word.replace(/[.\-/]+$/, '')
  if (clean === '') return false
  if (PRODUCTS.has(clean.toLowerCase())) return true
  // CamelCase and all-caps names ("OnlyOffice", "OX App Suite", "BWI") are names in every language.
  if (/^\p{Lu}{2,}$/u.test(clean) || /^\p{Ll}+\p{Lu}/u.test(clean) || /^\p{Lu}\p{Ll}+\p{Lu}/u.test(clean)) return !/^(EUR|USD|CHF|GBP|US)$/.test(clean)
  if (lang === 'de') return false
  return /^\p{Lu}/u.test(clean) && !startsSentence(text, wordStart) && !MONTH_WORD.test(clean)
}

const MONTH_WORD = new RegExp(`^(?:${MONTHS})$`, 'iu')

/** The numeric value of a number as written in `lang` (the grouping and decimal conventions differ). */
export function parseNumber(raw: string, lang: Lang): number {
  const compact = raw.replace(/[ \u00A0\u202F\u2009]/g, ' ')
  const separators = [...compact.matchAll(/[.,' ]/g)]
  if (separators.length === 0) return Number(compact)
  const last = separators[separators.length - 1]!
  const tail = compact.slice(last.index + 1)
  const decimalMark = lang === 'en' ? '.' : ','
  // The last separator is the decimal mark when it is this language's, or when what follows it
  // cannot be a group of thousands (e.g. English "2,5" or German "2.5" written the other way).
  const isDecimal = last[0] === decimalMark || (tail.length !== 3 && last[0] !== ' ') || (last[0] === '.' && lang === 'en')
  const integer = (isDecimal ? compact.slice(0, last.index) : compact).replace(/[.,' ]/g, '')
  return Number(isDecimal ? `${integer}.${tail}` : integer)
}

function unitOf(groups: Record<string, string | undefined>): FigureUnit | null {
  if (groups.pct) return 'percent'
  const currency = (groups.cur1 ?? groups.cur2 ?? '').trim().toLowerCase()
  return CURRENCIES[currency] ?? null
}

function scaleOf(raw: string | undefined, hasCurrency: boolean): number | null {
  if (!raw) return 1
  const word = raw.trim().replace(/\.$/, '')
  // A bare "m" is metres or minutes unless money is being counted ("€2.5m").
  if (word === 'm' && !hasCurrency) return null
  if (word === 'M') return 1e6
  return SCALES[word.toLowerCase()] ?? null
}

function overlaps(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  return ranges.some(([s, e]) => start < e && s < end)
}

function maskedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const pattern of [DATES, PHONES]) {
    pattern.lastIndex = 0
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length])
  }
  return ranges
}

/** Why a candidate is not a figure, or null when it is one. */
function excluded(text: string, m: RegExpExecArray, numStart: number, numEnd: number, lang: Lang, masked: ReadonlyArray<readonly [number, number]>): string | null {
  const g = m.groups!
  const num = g.num!
  const hasUnit = Boolean(g.pct || g.cur1 || g.cur2 || g.scale)
  const before = charBefore(text, m.index)
  const after = text[numEnd] ?? ''
  const afterAll = text[m.index + m[0].length] ?? ''

  // Glued to a word or another number: "M365", "IPv6", "x86_64", "Element2", "Q3".
  if (WORDCHAR.test(before)) return 'glued'
  // Joined by - . / to a word or number: "CVE-2024-1234", "SHA-256", "H.264", "HTTP/2", "24/7".
  if (/[-./:]/.test(before) && WORDCHAR.test(charBefore(text, m.index - 1))) return 'identifier'
  // Ordinals and glued letters: "1st", "21st", "2nd", "3rd", "4th", "1er", "2e", "3ème", "5G", "4K".
  if (!g.pct && !g.scale && !g.cur2 && LETTER.test(after)) return 'ordinal or code'
  if (LETTER.test(afterAll)) return 'glued'
  // Screen resolutions: "4K", "8K" are names, not four thousand.
  if (g.scale === 'K' && num.length === 1 && !g.cur1 && !g.cur2) return 'resolution'
  // Part of a dotted or slashed sequence: versions "3.32.0", fractions "1/3", ratios "16:9".
  if (/[./:]/.test(after) && /\d/.test(text[numEnd + 1] ?? '')) return 'version'
  // Inside a masked date or telephone number.
  if (overlaps(masked, numStart, numEnd)) return 'date'
  // Footnote markers such as "[1]".
  if (before === '[' && after === ']') return 'footnote'
  const plain = /^\d+$/.test(num)
  // A four-digit number from 1900 to 2099 without a unit is a year ("in 2024", "2023–2026").
  if (plain && !hasUnit && num.length === 4 && /^(19|20)\d\d$/.test(num)) return 'year'
  // German ordinals: "der 3. Platz", "die 2. Welle" (a number, a dot, then a word).
  if (lang === 'de' && plain && !hasUnit && after === '.' && /^[ \u00A0][\p{L}]/u.test(text.slice(numEnd + 1, numEnd + 3))) return 'ordinal'
  // Postcodes in German and French addresses: "24103 Kiel", "75007 Paris".
  if (lang !== 'en' && plain && !hasUnit && num.length === 5 && /^[ \u00A0]\p{Lu}/u.test(text.slice(numEnd, numEnd + 2))) return 'postcode'
  const { word, start: wordStart } = wordBefore(text, m.index)
  // Sections, articles, standards and versions: "section 4.2", "ISO 27001", "version 7".
  if (REFERENCE_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return 'reference'
  // Numbers in product names: "Microsoft 365", "Windows 11", "Matrix 2.0", "Nextcloud Hub 9".
  if (!hasUnit && !/[ \u00A0\u202F\u2009]\d{3}/.test(num) && isProductWord(word, wordStart, text, lang) && !COUNT_NOUN_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) {
    return 'product'
  }
  return null
}

/** Every figure in `text`, sorted and non-overlapping. Never throws. */
export function findFigures(text: string, lang: Lang): FigureMatch[] {
  if (typeof text !== 'string' || text.length === 0 || !/\d/.test(text)) return []
  const masked = maskedRanges(text)
  const result: FigureMatch[] = []
  CANDIDATE.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = CANDIDATE.exec(text)) !== null) {
    if (m[0].length === 0) {
      CANDIDATE.lastIndex++
      continue
    }
    const g = m.groups!
    const numStart = m.index + (g.cur1?.length ?? 0)
    const numEnd = numStart + g.num!.length
    if (excluded(text, m, numStart, numEnd, lang, masked)) continue
    const scale = scaleOf(g.scale, Boolean(g.cur1 || g.cur2))
    // An unknown scale ("5 m" of distance) leaves the number alone, without the word.
    const end = scale === null ? numEnd : m.index + m[0].length
    const value = parseNumber(g.num!, lang) * (scale ?? 1)
    if (!Number.isFinite(value)) continue
    const matched = text.slice(m.index, end).replace(/[ \u00A0\u202F\u2009]+$/, '')
    result.push({ text: matched, start: m.index, end: m.index + matched.length, value: round(value), unit: scale === null ? null : unitOf(g) })
  }
  return result
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/** Reads a string that is exactly one figure ("2,5 Mio.", "40 %"); null if it is not. */
export function parseFigure(text: string, lang: Lang): { value: number; unit: FigureUnit | null } | null {
  const trimmed = text.trim().replace(/^(?:~|≈|>|<|≥|≤|\+)\s*/, '')
  const found = findFigures(trimmed, lang)
  if (found.length !== 1 || found[0]!.start !== 0 || found[0]!.end !== trimmed.length) return null
  return { value: found[0]!.value, unit: found[0]!.unit }
}

const LANGS: Lang[] = ['en', 'de', 'fr']

function candidateValues(text: string, lang: Lang, languages: Lang[]): Set<number> {
  const values = new Set<number>()
  for (const l of [lang, ...languages.filter((x) => x !== lang)]) {
    for (const f of findFigures(text, l)) values.add(f.value)
    // A quote may state the figure as a year-like number ("2000 users"): count plain numbers too.
    for (const n of text.matchAll(/\d+(?:[.,]\d+)?/g)) values.add(parseNumber(n[0], l))
  }
  return values
}

/**
 * Does the quote show the figure's number? Values are compared after normalising separators and
 * scale words, in every language (a French source can back an English page): "220,000" is shown
 * by "220 000 inscrits", "2.5 million" by "2,5 millions" or "2 500 000".
 */
export function quoteShowsFigure(quote: string, figureText: string, lang: Lang): boolean {
  if (!quote || !figureText) return false
  const wanted = new Set<number>()
  for (const l of [lang, ...LANGS.filter((x) => x !== lang)]) for (const f of findFigures(figureText, l)) wanted.add(f.value)
  if (wanted.size === 0) {
    const plain = figureText.trim().toLowerCase()
    return plain !== '' && quote.toLowerCase().includes(plain)
  }
  const shown = candidateValues(quote, lang, LANGS)
  for (const w of wanted) for (const s of shown) if (Math.abs(w - s) <= Math.abs(w) * 1e-9) return true
  return false
}
