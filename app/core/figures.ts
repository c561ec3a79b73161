import { findPhraseFigures } from './figure-phrases'
import type { Lang } from './lang'

/**
 * Figure detection for English, German and French text.
 *
 * A "figure" is a number that states a fact: users, costs, percentages, meetings per week… Every
 * figure on the wiki must be cited, so this module finds them and normalises their value so that a
 * citation's quote can be checked against the figure.
 *
 * How it works: one linear regex (FIGURE_RE) finds number candidates with an optional currency
 * prefix, scale word and currency/percent suffix. Then two kinds of exclusion drop candidates that
 * are not facts:
 *   1. spans (EXCLUDED_SPAN_RULES): dates, identifiers, phone numbers, URLs… found by their own
 *      regexes; a candidate overlapping one is dropped;
 *   2. context rules (CONTEXT_RULES): years, version and product numbers, references, ordinals…
 *      decided from the word before and after a plain number.
 * Each rule says why it exists. Pure: no I/O, no dependencies.
 *
 * Numbers in words and proportions ("five thousand", "zwei Drittel", "un sur cinq", "verdoppelt",
 * "dozens of") come from ./figure-phrases.ts and are merged in; a range ("5–8 %", "zwischen 5 und
 * 8 %") is one figure whose value is its lower bound.
 *
 * Known limits (heuristics, not a parser):
 *   - a bare 1900–2099 is always a year ("2024 users" is lost; "2,024 users" is found);
 *   - one separator before exactly 3 digits follows the page language (en "1.500" = 1.5);
 *   - space grouping joins neighbours: "5 300-page manuals" reads as 5300;
 *   - glued "m" is a million ("5m" metres or minutes reads as 5 million);
 *   - slashed and colon pairs are figures only as fractions before what they divide ("3/4 of");
 *   - unknown products are guessed from capitalisation (see isProductNumber), which misses English
 *     Title Case headings and unknown products followed by an unlisted verb;
 *   - an ungrouped five-digit number before a capitalised word is a postcode ("10000 Nutzer").
 */

export type FigureUnit = 'percent' | 'EUR' | 'USD' | 'GBP' | 'CHF'

export interface FigureMatch {
  /** The exact matched text, e.g. "2,5 Mio.", "€2.5m", "40 %", "200 000". */
  text: string
  /** UTF-16 offset into the input (inclusive). */
  start: number
  /** Exclusive; text === input.slice(start, end). */
  end: number
  /** Normalised value: "2,5 Mio." -> 2500000, "47k" -> 47000, "40 %" -> 40. */
  value: number
  unit: FigureUnit | null
}

// ---------------------------------------------------------------------------------------------
// Grammar
// ---------------------------------------------------------------------------------------------

/** Spaces that may sit inside a figure ("200 000", "40 %", "2,5 Mio."): never a line break. */
const SP = '[ \\u00A0\\u2009\\u202F]'

/**
 * Thousands separators: comma, dot, apostrophe (Swiss "1'000"), and the spaces. A grouped number
 * uses one separator throughout (backreference \k<g>), and every group after the first has
 * exactly 3 digits, so "1,2,3" or "3.32.0" never read as grouped.
 */
const GROUP_SEP = "[,.'’ \\u00A0\\u2009\\u202F]"
const BODY =
  `\\d{1,3}(?<g>${GROUP_SEP})\\d{3}(?!\\d)(?:\\k<g>\\d{3}(?!\\d))*(?:[.,]\\d+)?` + // grouped
  '|\\d+(?:[.,]\\d+)?' // plain integer or decimal

const CURRENCY_PREFIX = 'US\\$|€|\\$|£|EUR|USD|GBP|CHF'

/**
 * Scale words. Lower-case "m" and "k" only glued to the number ("€2.5m", "47k"): spaced, "5 m"
 * is metres. Upper-case "K" never alone: "4K" is a screen resolution. "k" spaced is allowed before
 * a currency ("500 k€", French usage).
 */
const SCALE_WORDS = [
  '[Mm]illions?', 'Millionen', 'Mio\\.?', '[Mm]illiards?', 'Milliarden?', 'Mrd\\.?', 'Mia\\.', 'Mds?\\.?',
  '[Bb]illions?', 'Billionen', 'bn', '[Tt]rillions?', '[Tt]housands?', 'Tausend', 'Tsd\\.', 'mille', 'milliers', 'M',
].join('|')
const SCALE = `${SP}?(?:${SCALE_WORDS})|[km](?!\\p{L})|${SP}?[kK](?=${SP}?[€$£])`

const SUFFIX = [
  // Data sizes and rates belong to their number ("500 MB", "2 To", "100 Mbit/s"): part of its text.
  '[KMGTPE]i?B(?![\\p{L}])', '[kKMGTP]o(?![\\p{L}])', '[kKMGT]bit/s', '[kKMGT]bps', '%', '€', '\\$', '£', 'EUR', 'USD', 'GBP', 'CHF', '[Ee]uros?', 'US-Dollar', '[Dd]ollars?', '[Pp]ounds?', 'Pfund',
  'Franken', `[Pp]er${SP}?cent`, 'Prozent', `pour${SP}?cent`, 'pourcent',
].join('|')

/** Units glued to a number that do not make it a word ("100GB", "50ms", "10x"); not part of the text. */
const GLUED_UNIT = '(?:[KMGTP]i?B|[KMGT]bit|[KMG]bps|ms|[x×])'

const FIGURE_CORE =
  `(?:(?<pre>${CURRENCY_PREFIX})${SP}?)?(?<num>${BODY})(?<scale>${SCALE})?(?:${SP}?(?<post>${SUFFIX}))?`

/**
 * Where a figure may start. The cheap lookahead lets the engine skip most positions. The lookbehind
 * rejects numbers glued to a word ("Element2", "M365", "IPv6", "1st" is handled at the end), the
 * continuation of a dotted/colon/slash token ("3.32.0", "11.06.2025", "10:30", "24/7"), path or
 * identifier parts ("HTTP/2", "x86_64", "SHA-256") and "letter-dot-digits" ("H.264", "Art.28").
 */
const START_GUARD = '(?=[\\d€$£CEGU])(?<![\\p{L}\\p{N}_]|\\d[.,:/]|[\\p{L}\\p{N}][/_]|\\p{L}[-‐‑.])'

/**
 * Where a figure may end: not inside a word ("5G", "4K", "1st", "2ème", "utf8") unless the word is
 * a glued unit, and not before another dotted/colon/slash part (versions, dates, times, ratios).
 */
const END_GUARD = `(?:(?=${GLUED_UNIT}(?![\\p{L}\\p{N}_]))|(?![\\p{L}\\p{N}_]|[.,:/]\\d))`

const FIGURE_RE = new RegExp(`${START_GUARD}${FIGURE_CORE}${END_GUARD}`, 'gu')

/** quoteShowsFigure's digit comparison: numbers anywhere, bounded only by digits and decimal parts. */
const LOOSE_FIGURE_RE = new RegExp(`(?<!\\p{N}|\\d[.,])${FIGURE_CORE}(?!\\p{N}|[.,]\\d)`, 'gu')

interface Parts {
  pre: string | undefined
  num: string
  scale: string | undefined
  post: string | undefined
}

function partsOf(groups: Record<string, string | undefined> | undefined): Parts | null {
  const num = groups?.num
  if (num === undefined) return null
  return { pre: groups?.pre, num, scale: groups?.scale, post: groups?.post }
}

// ---------------------------------------------------------------------------------------------
// Reading a number
// ---------------------------------------------------------------------------------------------

interface Digits {
  int: string
  frac: string
  /** Written with a thousands separator ("25,000"): never a year, version or product number. */
  grouped: boolean
}

/**
 * More significant digits than this is not a count but an identifier (order number, IBAN part,
 * phone number without spaces), and beyond it a double would not even hold the value exactly.
 */
const MAX_DIGITS = 15
/** Longer than any number with MAX_DIGITS digits and its separators: no need to read it. */
const MAX_NUMBER_LENGTH = 2 * MAX_DIGITS
/** Ungrouped integers this long are identifiers or phone numbers; counts this big are grouped or scaled. */
const MAX_UNGROUPED_DIGITS = 9

const SPACE_LIKE = new Set([' ', '\u00A0', '\u2009', '\u202F', "'", '’'])

/** The decimal separator each language writes. */
function decimalSeparator(lang: Lang): '.' | ',' {
  return lang === 'en' ? '.' : ','
}

/**
 * Splits "1.234,5" into integer and fraction digits.
 *
 * Ambiguity: one separator followed by exactly 3 digits ("1,500", "1.500"). It is a thousands
 * separator unless it is the language's decimal separator: en "1,500" = 1500 but en "1.500" = 1.5;
 * de "1.500" = 1500 but de "1,500" = 1.5. French writes decimals with a comma, so a French "1.500"
 * can only be grouping (1500) and "1,500" is 1.5. Everything else is unambiguous whatever the
 * language: "12,5" (not 3 digits), "0,500" (a group never follows a lone 0), "1234,567" (a first
 * group has at most 3 digits), "1,500,000" (decimals do not repeat), "1.234,56" (two separators).
 */
function readDigits(num: string, lang: Lang): Digits | null {
  if (num.length > MAX_NUMBER_LENGTH) return null
  const seps: string[] = []
  const chunks: string[] = []
  let current = ''
  for (const ch of num) {
    if (ch >= '0' && ch <= '9') current += ch
    else {
      seps.push(ch)
      chunks.push(current)
      current = ''
    }
  }
  chunks.push(current)
  const first = seps[0]
  if (first === undefined) return { int: num, frac: '', grouped: false }
  const last = seps[seps.length - 1]!
  if (seps.length === 1) {
    const left = chunks[0]!
    const right = chunks[1]!
    const couldGroup = right.length === 3 && left.length <= 3 && left !== '0'
    if (SPACE_LIKE.has(first)) return couldGroup ? { int: left + right, frac: '', grouped: true } : null
    if (couldGroup && first !== decimalSeparator(lang)) return { int: left + right, frac: '', grouped: true }
    return { int: left, frac: right, grouped: false }
  }
  // Two or more separators: all but possibly the last are the same grouping separator.
  const groupSep = first
  const lastIsDecimal = last !== groupSep
  const groupCount = lastIsDecimal ? seps.length - 1 : seps.length
  for (let i = 1; i < groupCount; i++) if (seps[i] !== groupSep) return null
  if (lastIsDecimal && (SPACE_LIKE.has(last) || !(last === '.' || last === ','))) return null
  const groupChunks = chunks.slice(0, groupCount + 1)
  if (groupChunks[0]!.length > 3 || groupChunks.slice(1).some((c) => c.length !== 3)) return null
  return { int: groupChunks.join(''), frac: lastIsDecimal ? chunks[chunks.length - 1]! : '', grouped: true }
}

/**
 * Powers of ten of the scale words. "billion" is 10^9 in English but 10^12 in German ("Billion")
 * and French ("billion"), where 10^9 is "Milliarde"/"milliard".
 */
function scaleExponent(scale: string, lang: Lang): number {
  const word = scale.replace(/[ \u00A0\u2009\u202F.]/g, '').toLowerCase()
  switch (word) {
    case 'k': case 'thousand': case 'thousands': case 'tausend': case 'tsd': case 'mille': case 'milliers':
      return 3
    case 'm': case 'million': case 'millions': case 'millionen': case 'mio':
      return 6
    case 'milliard': case 'milliards': case 'milliarde': case 'milliarden': case 'mrd': case 'mia': case 'md': case 'mds': case 'bn':
      return 9
    case 'billion': case 'billions': case 'billionen':
      return lang === 'en' ? 9 : 12
    case 'trillion': case 'trillions':
      return lang === 'en' ? 12 : 18
    default:
      return 0
  }
}

function unitOf(symbol: string | undefined): FigureUnit | null {
  if (symbol === undefined) return null
  const s = symbol.replace(/[ \u00A0\u2009\u202F]/g, '').toLowerCase()
  if (s === '%' || s === 'percent' || s === 'prozent' || s === 'pourcent') return 'percent'
  if (s === '€' || s === 'eur' || s === 'euro' || s === 'euros') return 'EUR'
  if (s === '$' || s === 'us$' || s === 'usd' || s.startsWith('dollar') || s === 'us-dollar') return 'USD'
  if (s === '£' || s === 'gbp' || s.startsWith('pound') || s === 'pfund') return 'GBP'
  if (s === 'chf' || s === 'franken') return 'CHF'
  return null
}

interface Reading {
  value: number
  unit: FigureUnit | null
  digits: Digits
  /** No currency, scale or percent: only such numbers can be years, versions, references… */
  plain: boolean
}

function readParts(parts: Parts, lang: Lang): Reading | null {
  const digits = readDigits(parts.num, lang)
  if (digits === null) return null
  // Leading zeros ("007", "0800", "05") belong to codes, phone numbers and padded dates, not counts.
  if (digits.int.length > 1 && digits.int.startsWith('0')) return null
  if (digits.int.length + digits.frac.length > MAX_DIGITS) return null
  if (!digits.grouped && digits.frac === '' && digits.int.length > MAX_UNGROUPED_DIGITS) return null
  const exponent = parts.scale === undefined ? 0 : scaleExponent(parts.scale, lang)
  // Built from the decimal string so 1.1 million is exactly 1100000, not 1100000.0000000002.
  const value = Number(`${digits.int}${digits.frac}e${exponent - digits.frac.length}`)
  if (!Number.isFinite(value)) return null
  const unit = unitOf(parts.pre) ?? unitOf(parts.post)
  return { value, unit, digits, plain: parts.pre === undefined && parts.scale === undefined && parts.post === undefined }
}

// ---------------------------------------------------------------------------------------------
// Excluded spans: text that contains digits but states no figure
// ---------------------------------------------------------------------------------------------

interface Span {
  start: number
  end: number
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec']
const MONTHS_DE = ['Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember', 'Mär', 'Mrz', 'Okt', 'Dez']
const MONTHS_FR = ['janvier', 'février', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'aout', 'septembre', 'octobre', 'novembre', 'décembre', 'decembre', 'janv', 'févr', 'fevr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc']

/**
 * English and German month names are always capitalised, and must stay case-sensitive: "10 may be
 * removed" is a count, "10 May" a date. French ones are lower-case, or capitalised at a sentence
 * start. All languages' names are used on every page: pages quote sources in other languages.
 */
function monthAlternation(names: readonly string[]): string {
  const variants = new Set<string>()
  for (const name of names) {
    variants.add(name)
    variants.add(name.charAt(0).toUpperCase() + name.slice(1))
  }
  return [...variants].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')
}
const MONTH = `(?:${monthAlternation([...MONTHS_EN, ...MONTHS_DE, ...MONTHS_FR])})\\.?(?!\\p{L})`
const MONTH_EN = `(?:${monthAlternation(MONTHS_EN)})\\.?(?!\\p{L})`
const DAY = '(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th|er|\\.)?'

interface SpanRule {
  name: string
  re: RegExp
  langs?: readonly Lang[]
  /** The rule cannot match a text without this string (or a match of this pattern): skip the scan. */
  needs?: string | RegExp
  /** Extra check on a match; the span is kept only when it returns true. */
  keep?: (match: string) => boolean
}

/** A thousands-grouped number with a plus sign ("+200 000") is an increase, not a phone number. */
function looksLikePhoneNumber(match: string): boolean {
  if (/^\+\d{1,3}([ .,'\u00A0\u202F])\d{3}(?:\1\d{3})*$/.test(match)) return false
  return (match.match(/\d/g) ?? []).length >= 8
}

const EXCLUDED_SPAN_RULES: readonly SpanRule[] = [
  // Day-first dates and day ranges state when, not how many: "25 July 2025", "2 Oct 2025",
  // "2. Oktober 2025", "23 mai 2024", "1er janvier", "le 25 juillet", "27 Nov", "11–18 Mar 2020".
  {
    name: 'day-month date',
    re: new RegExp(`(?<![\\p{L}\\p{N}.,])${DAY}(?:${SP}*[–—-]${SP}*${DAY})?${SP}*(?:of${SP}+)?${MONTH}(?:,?${SP}+\\d{4}(?!\\p{N}))?`, 'gu'),
  },
  // Month-first English dates: "March 5, 2024", "May 2". ("March 2020" is caught as a year.)
  // Not before a percent sign: "in March 40 % of schools…".
  {
    name: 'month-day date',
    re: new RegExp(`(?<!\\p{L})${MONTH_EN}${SP}+(?:the${SP}+)?(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?!\\p{N}|[.,]\\d|${SP}?%)(?:,?${SP}+\\d{4}(?!\\p{N}))?`, 'gu'),
  },
  // ISO dates and year-month or academic-year forms: "2025-10-02", "2025-10", "2020-21", "2023/24".
  // The end guard cannot see these: "10" after "2025-" looks like the start of a range.
  { name: 'iso date', re: /(?<!\p{N})(?:19|20)\d{2}[-–/]\d{2}(?:-\d{2})?(?!\p{N})/gu },
  // German numeric dates without a year: "am 11.06." would otherwise read as the decimal 11.06.
  // Only German: there the decimal separator is a comma, so "5.3." cannot be a number.
  {
    name: 'german short date',
    langs: ['de'],
    re: /(?<![\p{N}.,])(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?!\d)/gu,
  },
  // Arguments of a call or sub-clause written right after a word: "alert(1)", "setTimeout(0)",
  // "Art. 6(1)", "§ 5(2)". No space before the bracket: a count in prose is "(1,200 users)" after a space.
  { name: 'call arguments', needs: '(', re: /(?<=[\p{L}\p{N}_])\([ \d.,'"]*\d[ \d.,'"]*\)/gu },
  // Language standards and versions glued to "++" or "#": "C++20", "C# 12", "F# 8".
  { name: 'language version', needs: /\+\+|#/u, re: /(?<=\p{L}(?:\+\+|#))[ \u00A0]?\d+(?:\.\d+)?/gu },
  // French clock times: "14 h 30", "9h30", "à 9 h", "vers 17 h". ("3 h de vidéo" stays a duration.)
  {
    name: 'french clock time',
    langs: ['fr'],
    needs: 'h',
    re: /(?<!\p{N})(?:(?:[01]?\d|2[0-3])[ \u00A0\u202F]?h[ \u00A0\u202F]?[0-5]\d|(?<=(?:^|[\s(])(?:à|vers|dès|avant|après|jusqu’à|jusqu'à)[ \u00A0]+)(?:[01]?\d|2[0-3])[ \u00A0\u202F]?h)(?![\p{L}\p{N}])/gu,
  },
  // Inline code in backticks carries literals, not facts: "`retries = 3`".
  { name: 'inline code', needs: '`', re: /`[^`\n]{1,200}`/gu },
  // Footnote and reference markers: "[1]", "[12, 14]".
  { name: 'footnote', needs: '[', re: /\[\d+(?:[,–-] ?\d+)*\]/gu },
  // Links and e-mail addresses carry digits that are paths, ids and dates.
  { name: 'url', re: /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"]+/gu },
  { name: 'email', needs: '@', re: /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu },
  // International phone numbers: "+49 30 1234567", "+33 1 23 45 67 89".
  { name: 'phone', needs: '+', re: /\+\d[\d ()./\u00A0-]{6,24}\d/gu, keep: looksLikePhoneNumber },
  // Phone numbers announced as such: "Tel. 030 123456", "Fax: (089) 12 34 56".
  {
    name: 'labelled phone',
    // Every label below contains one of these, and this plain scan is far cheaper than the rule's.
    needs: /tel|tél|fax|phone|mobil|handy|portable/iu,
    re: /(?<!\p{L})(?:tel|tél|fax|phone|telefon|téléphone|mobil|mobile|handy|portable)\.?:?[ \u00A0]*[+(\d][\d ()./\u00A0-]{4,24}\d/giu,
  },
  // National phone numbers with a trunk prefix or area code: "030 18 681-0", "0800 123 456",
  // "(202) 555-0143", "(089) 12 34 56". At least seven digits, so "0,5" or "(2) 3" never match.
  {
    name: 'national phone',
    re: /(?<![\p{L}\p{N}.,])(?:\(0?\d{2,5}\)[ \u00A0]?|0\d{1,4}[ \u00A0/-])\d{2,4}(?:[ \u00A0-]\d{1,4}){0,4}(?![\p{N}]|[.,]\d)/gu,
    keep: (match) => (match.match(/\d/g) ?? []).length >= 7,
  },
  // French national phone numbers: "01 23 45 67 89".
  { name: 'french phone', re: /(?<!\p{N})0[1-9](?:[ .\u00A0]\d{2}){4}(?!\p{N})/gu },
  // Postal addresses: "Hauptstr. 5, 10115 Berlin" — house number and postcode.
  { name: 'address', re: new RegExp(`(?<!\\p{N})\\d{1,4}[a-z]?,${SP}*\\d{5}${SP}+\\p{Lu}`, 'gu') },
]

function collectExcludedSpans(text: string, lang: Lang): Span[] {
  const spans: Span[] = identifierSpans(text)
  for (const rule of EXCLUDED_SPAN_RULES) {
    if (rule.langs && !rule.langs.includes(lang)) continue
    if (rule.needs !== undefined && !(typeof rule.needs === 'string' ? text.includes(rule.needs) : rule.needs.test(text))) continue
    for (const m of text.matchAll(rule.re)) {
      if (rule.keep && !rule.keep(m[0])) continue
      const start = m.index ?? 0
      spans.push({ start, end: start + m[0].length })
    }
  }
  return mergeSpans(spans)
}

const JOINER_BEFORE_DIGIT_RE = /[-‐‑/_](?=\d)/g
const IDENTIFIER_CHAR_RE = /[\p{L}\p{N}_\-‐‑/]/u
const WORD_CHUNK_RE = /[\p{L}\p{N}_]+/uy

/**
 * Identifiers joined by hyphen, slash or underscore that start with a letter: "CVE-2024-1234",
 * "SHA-256", "AES-256", "COVID-19", "ISO-8601", "x86_64". (Compounds that start with the number,
 * "30-day trial", "5-year contract", keep their figure; so do ranges, "10-20 users".)
 *
 * START_GUARD already refuses a number right after "letter-hyphen"; this catches the later parts,
 * "1234" in "CVE-2024-1234". It scans from each joiner before a digit, not from every word, and
 * walks back to the token start reusing the previous walk, so "1-1-1-…" stays linear.
 */
function identifierSpans(text: string): Span[] {
  const spans: Span[] = []
  let previousJoiner = -1
  let previousTokenStart = -1
  for (const m of text.matchAll(JOINER_BEFORE_DIGIT_RE)) {
    const joiner = m.index ?? 0
    let tokenStart = joiner
    while (tokenStart > 0 && IDENTIFIER_CHAR_RE.test(text[tokenStart - 1]!)) {
      tokenStart--
      if (tokenStart === previousJoiner) {
        tokenStart = previousTokenStart
        break
      }
    }
    previousJoiner = joiner
    previousTokenStart = tokenStart
    if (!/\p{L}/u.test(text[tokenStart] ?? '')) continue
    WORD_CHUNK_RE.lastIndex = joiner + 1
    const chunk = WORD_CHUNK_RE.exec(text)?.[0] ?? ''
    spans.push({ start: joiner, end: joiner + 1 + chunk.length })
  }
  return spans
}

/** Sorted, disjoint spans, so that candidates can be checked with one forward pointer. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start)
  const merged: Span[] = []
  for (const span of spans) {
    const last = merged[merged.length - 1]
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ ...span })
  }
  return merged
}

// ---------------------------------------------------------------------------------------------
// Context: the words around a plain number
// ---------------------------------------------------------------------------------------------

/** How far the context rules look around a number; keeps each candidate O(1). */
const CONTEXT_REACH = 40

function isInlineSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\u00A0' || ch === '\u2009' || ch === '\u202F' || ch === '\t'
}
/** Whitespace ends a token; a char-code test, because this runs for every character walked. */
function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0x1680 || code === 0xfeff
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}
function isDash(ch: string | undefined): boolean {
  return ch === '-' || ch === '–' || ch === '—'
}

interface Context {
  /** The token right before the number ("Art.", "Windows", "§"), opening punctuation removed. */
  prev: string
  /** The token was directly before the number, without a space ("§5", "n°5", "'24"). */
  glued: boolean
  /** The character right before the number ('' at the start). */
  charBefore: string
  /** The previous token starts a sentence (or a bracket or quotation). */
  prevStartsSentence: boolean
  /** The word after the number, if a word follows. */
  next: string | null
  /** The characters right after the number (a few). */
  after: string
  /** The last character before the number and the spaces before it ('' at the start). */
  charBeforeSpaces: string
  /** The text after the number, as far as the rules look. */
  words: string
  /** The token before `prev` in the same sentence ('' when `prev` starts it). */
  wordBeforePrev: string
}

const OPENING_PUNCTUATION = /^[(["'“„«‹{]+/u
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…', '\n', '\r', '•', '·'])
const NEXT_WORD_RE = /[ \u00A0\u2009\u202F]{1,2}(\p{L}[\p{L}'’-]{0,39})/uy

function contextOf(text: string, start: number, end: number): Context {
  let i = start
  const floor = Math.max(0, start - CONTEXT_REACH)
  while (i > floor && isInlineSpace(text[i - 1])) i--
  // Second number of a range ("§§ 5–7", "chapters 3 - 5"): the word before the first number counts.
  if (i > floor && isDash(text[i - 1])) {
    let j = i - 1
    while (j > floor && isInlineSpace(text[j - 1])) j--
    let k = j
    while (k > floor && (isDigit(text[k - 1]) || text[k - 1] === '.' || text[k - 1] === ',')) k--
    if (k < j) {
      i = k
      while (i > floor && isInlineSpace(text[i - 1])) i--
    }
  }
  const glued = i === start
  let s = i
  while (s > floor && !isWhitespace(text.charCodeAt(s - 1))) s--
  const raw = text.slice(s, i)
  const prev = raw.replace(OPENING_PUNCTUATION, '')
  let b = s
  while (b > floor && isInlineSpace(text[b - 1])) b--
  const before = text[b - 1]
  const prevStartsSentence = b === 0 || prev !== raw || (before !== undefined && SENTENCE_END.has(before))
  let w = b
  while (w > floor && !isWhitespace(text.charCodeAt(w - 1))) w--
  const wordBeforePrev = prevStartsSentence ? '' : text.slice(w, b)
  NEXT_WORD_RE.lastIndex = end
  const next = NEXT_WORD_RE.exec(text)?.[1] ?? null
  let c = start
  while (c > 0 && isInlineSpace(text[c - 1])) c--
  return {
    prev, glued, charBefore: text[start - 1] ?? '', prevStartsSentence, next, after: text.slice(end, end + 8), charBeforeSpaces: text[c - 1] ?? '',
    words: text.slice(end, end + CONTEXT_REACH), wordBeforePrev,
  }
}

// ---------------------------------------------------------------------------------------------
// Context rules: plain numbers that are not figures
// ---------------------------------------------------------------------------------------------

/** Words that introduce a reference to a part of a text or a standard, not a quantity. */
const REFERENCE_WORDS = new Set([
  '§', '§§', '#', 'n°', 'nº', 'no°', '№', 'no.', 'nr.', 'num.', 'number',
  'section', 'sections', 'sect.', 'sec.', 'abschnitt', 'art.', 'art', 'article', 'articles', 'artikel', 'artikels',
  'chapter', 'chapters', 'chap.', 'ch.', 'kapitel', 'kap.', 'chapitre', 'chapitres',
  'abs.', 'absatz', 'satz', 'ziff.', 'ziffer', 'lit.', 'rn.', 'rz.', 'al.', 'alinéa', 'paragraph', 'para.', 'paragraphe',
  'page', 'pages', 'p.', 'pp.', 's.', 'seite', 'seiten', 'line', 'lines', 'zeile', 'ligne',
  'figure', 'fig.', 'abb.', 'abbildung', 'table', 'tab.', 'tabelle', 'tableau', 'annex', 'annexe', 'anhang', 'appendix',
  'footnote', 'fußnote', 'note', 'recital', 'erwägungsgrund', 'considérant', 'clause', 'klausel', 'item', 'step', 'schritt', 'étape',
  'rfc', 'iso', 'iso/iec', 'iec', 'din', 'en', 'bs', 'ecma', 'ieee', 'cve', 'kw', 'volume', 'vol.', 'bd.', 'band', 'issue', 'heft',
  'point', 'rule', 'regel', 'règle', 'anlage', 'title', 'titre', 'titel', 'l.', 'r.', 'annexes', 'articolo',
])
// "en" is a French preposition ("en 5 minutes") as well as the European-norm prefix "EN 301 549";
// only the upper-case norm is a reference.
REFERENCE_WORDS.delete('en')

/** Numbering labels: "level 2", "Gruppe 3", "Platz 1", "phase 2" name a thing, they do not count. */
// Not "day", "week", "Tag", "Woche": "pro Tag 500 Anfragen" counts. Not "type", "tour": verbs.
const LABEL_WORDS = new Set([
  'level', 'stufe', 'niveau', 'phase', 'tier', 'stage', 'group', 'gruppe', 'groupe', 'platz', 'rang', 'rank',
  'class', 'klasse', 'classe', 'room', 'raum', 'salle', 'typ', 'season', 'staffel', 'saison', 'episode', 'folge',
  'part', 'teil', 'partie', 'lot', 'round', 'runde', 'port', 'ports',
])

/** Words that introduce a version: "version 7", "Version 2.1", "v. 2". */
// Not "release", "build", "patch" or "update": as verbs they precede counts ("build 300 schools").
const VERSION_WORDS = new Set(['version', 'versions', 'ver.', 'v.', 'v', 'fassung', 'sp'])

/**
 * Products and technologies whose following number is a version or edition: "Microsoft 365",
 * "Windows 11 users", "PHP 8.2", "Nextcloud Hub 9" (by its last word "Hub"). Case-sensitive: they
 * are proper names.
 */
const KNOWN_PRODUCTS = new Set([
  'Microsoft', 'Windows', 'Office', 'Word', 'Excel', 'PowerPoint', 'Outlook', 'Exchange', 'SharePoint', 'OneDrive', 'Teams', 'Skype', 'Server', 'Studio', 'Dynamics', 'Azure',
  'Google', 'Workspace', 'Suite', 'Android', 'iOS', 'iPadOS', 'macOS', 'OS', 'iPhone', 'iPad', 'Pixel', 'Galaxy', 'Surface', 'Xbox', 'PlayStation',
  'Matrix', 'Element', 'Jitsi', 'Nextcloud', 'ownCloud', 'Hub', 'Zoom', 'Slack', 'Mattermost', 'Rocket.Chat', 'Signal', 'Threema', 'Wire', 'BigBlueButton', 'Moodle',
  'LibreOffice', 'OpenOffice', 'OnlyOffice', 'ONLYOFFICE', 'Collabora', 'Thunderbird', 'Firefox', 'Chrome', 'Chromium', 'Edge', 'Safari',
  'Raspberry', 'Pi', 'Ubuntu', 'Debian', 'Fedora', 'RHEL', 'CentOS', 'Linux', 'Kernel', 'KDE', 'Plasma', 'GNOME', 'Qt', 'GTK',
  'PHP', 'Python', 'Java', 'Node.js', 'Node', 'Perl', 'Ruby', 'Rails', 'Django', 'Go', 'Rust', 'TypeScript', 'ECMAScript', 'ES', 'Vue', 'React', 'Angular',
  'PostgreSQL', 'Postgres', 'MySQL', 'MariaDB', 'Oracle', 'SQL', 'Kubernetes', 'Docker', 'OpenStack',
  'HTTP', 'HTML', 'CSS', 'TLS', 'SSL', 'SSH', 'USB', 'Wi-Fi', 'WiFi', 'Bluetooth', 'OAuth', 'SAML', 'WebDAV', 'CalDAV', 'CardDAV', 'IMAP', 'SMTP', 'Unicode', 'Web',
  'GPL', 'AGPL', 'LGPL', 'GPLv', 'MPL', 'Apache', 'BSD', 'CC', 'BY', 'BY-SA', 'Copilot', 'GPT', 'Gemini', 'Llama', 'Claude', 'Mistral',
  'Photoshop', 'Illustrator', 'GIMP', 'Inkscape', 'Krita', 'Blender', 'AutoCAD', 'FreeCAD', 'QGIS', 'ArcGIS', 'MATLAB', 'SPSS', 'SAP', 'Odoo', 'WordPress', 'Drupal', 'Joomla',
  'Jira', 'Confluence', 'GitLab', 'GitHub', 'Keycloak', 'Zimbra', 'Roundcube', 'SOGo', 'Dovecot', 'Postfix', 'Samba', 'Vista', 'XP',
])

/** Capitalised words that precede a count: the generic product heuristic must not fire on them. */
const NEVER_PRODUCT = new Set(['I', 'EUR', 'USD', 'GBP', 'CHF', 'Euro', 'Euros', 'Dollar', 'Mio.', 'Mrd.', 'Tsd.', 'Ca.', 'Approx.'])

/** Words that follow a version in a sentence ("Jitsi 2 is…"), as opposed to a counted noun. */
const FUNCTION_WORDS = new Set([
  'is', 'was', 'are', 'were', 'has', 'had', 'have', 'and', 'or', 'in', 'on', 'at', 'to', 'of', 'for', 'with', 'by', 'from',
  'as', 'the', 'a', 'an', 'which', 'that', 'will', 'can', 'also', 'now', 'still', 'introduced', 'introduces', 'supports',
  'offers', 'added', 'adds', 'brings', 'released', 'ships', 'uses', 'requires', 'runs', 'comes',
  // Verbs in the third person that look like plurals: "the Fairphone 5 costs", "Kolab 16 includes".
  'costs', 'includes', 'provides', 'features', 'gets', 'needs', 'lets', 'allows', 'enables', 'delivers', 'makes', 'takes',
  'gives', 'shows', 'works', 'seems', 'remains', 'becomes', 'contains', 'lacks', 'handles', 'integrates', 'replaces', 'fixes',
  'improves', 'changes', 'drops', 'removes', 'keeps', 'sells', 'starts', 'stores', 'syncs', 'sends', 'appears', 'looks',
  'arrives', 'launches', 'ends', 'expires', 'targets', 'lands', 'debuts', 'marks', 'follows', 'replaced', 'took', 'came',
  'got', 'made', 'gave', 'brought', 'became', 'began', 'went', 'would', 'could', 'should', 'may', 'might', 'must', 'does', 'did',
  'est', 'et', 'ou', 'de', 'du', 'des', 'la', 'le', 'les', 'en', 'pour', 'avec', 'sur', 'dans', 'par', 'qui', 'que', 'sont',
  'était', 'propose', 'offre', 'apporte', 'introduit', 'utilise', 'permet',
])

/** German articles and prepositions that precede an ordinal "3." ("der 3. Platz", "im 21. Jahrhundert"). */
const GERMAN_ORDINAL_LEADS = new Set([
  'der', 'die', 'das', 'dem', 'den', 'des', 'am', 'im', 'zum', 'zur', 'vom', 'beim', 'ins', 'jeder', 'jede', 'jedem', 'jeden', 'ihr', 'ihre', 'ihrem', 'sein', 'seine', 'seinem',
])

interface Candidate {
  start: number
  end: number
  reading: Reading
  lang: Lang
}

type ContextRule = (c: Candidate, ctx: Context) => boolean

/**
 * Years state when, not how many: "in 2024", "since 2021", "2023–2026", "Office 2019". A bare
 * four-digit 1900–2099 is taken as a year even before a noun ("2024 users"): such counts are rare
 * and are usually written "2,024". Grouped, decimal, currency or percent values are never years.
 */
const isYear: ContextRule = (c) => {
  const { int, frac, grouped } = c.reading.digits
  if (grouped || frac !== '' || int.length !== 4) return false
  const n = Number(int)
  return n >= 1900 && n <= 2099
}

/** Abbreviated years: "’24", "the class of '98". */
const isAbbreviatedYear: ContextRule = (c, ctx) =>
  (ctx.charBefore === "'" || ctx.charBefore === '’') && /^\d{2}$/.test(c.reading.digits.int) && c.reading.digits.frac === ''

/**
 * German ordinals are written "3.": "der 3. Platz", "im 21. Jahrhundert", "vom 2. bis 5.". A
 * sentence-final "3." is still a count, so the dot must be followed by a lower-case word or be
 * preceded by an article. (English and French ordinals, "1st", "21st", "1er", "2e", "2ème", are
 * glued to letters and never match the grammar.)
 */
const isGermanOrdinal: ContextRule = (c, ctx) => {
  if (c.lang !== 'de' || c.reading.digits.frac !== '' || c.reading.digits.grouped) return false
  if (!/^\.\s/u.test(ctx.after)) return false
  if (/^\.\s+\p{Ll}/u.test(ctx.after)) return true
  return GERMAN_ORDINAL_LEADS.has(ctx.prev.toLowerCase())
}

/** Section, article, page, standard and footnote numbers point into a text: "§ 5", "Art. 28", "RFC 9110". */
const isReference: ContextRule = (_c, ctx) => {
  // French elision: "l'article 6", "d'article 12".
  const word = ctx.prev.toLowerCase().replace(/^(?:l|d|qu)['’]/u, '')
  if (REFERENCE_WORDS.has(word)) return true
  // European norms are written "EN 301 549" (the accessibility standard public buyers cite), and
  // their number is spaced like a grouped one; lower-case "en" stays a French preposition.
  if (ctx.prev === 'EN') return true
  // "n°5", "§5", "#1": a reference sign glued to the number.
  return /[§#№°º]/u.test(ctx.charBefore)
}

/** Numbering labels name a thing ("level 2", "Gruppe 3"); they do not count anything. */
const isLabel: ContextRule = (c, ctx) => !c.reading.digits.grouped && LABEL_WORDS.has(ctx.prev.toLowerCase())

/**
 * Version numbers: "version 7", "Version 2.1", "v. 3"; and a decimal named a release: "the 2.0
 * release", "Release 4.1". (A whole number after "release" may be a count: "release 300 records".)
 */
const isVersion: ContextRule = (c, ctx) => {
  if (VERSION_WORDS.has(ctx.prev.toLowerCase())) return true
  if (c.reading.digits.frac === '' || c.reading.digits.grouped) return false
  return RELEASE_WORDS.has(ctx.prev.toLowerCase()) || (ctx.next !== null && RELEASE_WORDS.has(ctx.next.toLowerCase()))
}
const RELEASE_WORDS = new Set(['release', 'releases', 'version', 'versions', 'update', 'build', 'edition', 'ausgabe', 'fassung', 'mise'])

/**
 * Word sizes and key lengths: "32-bit", "64-Bit-Version", "256 bits". They name a kind of
 * machine or key, not a quantity of anything.
 */
const isWordSize: ContextRule = (_c, ctx) => /^[-‐‑ \u00A0]?bits?(?![a-z])/iu.test(ctx.after)

/**
 * List markers: "1. Install…", "2) Restart…" at the start of a line, of the text or after the
 * end of the previous item ("… the package. 2. Edit …", "installieren, 2. Konfiguration …").
 */
const isListMarker: ContextRule = (c, ctx) =>
  !c.reading.digits.grouped && c.reading.digits.frac === '' && c.reading.digits.int.length <= 2 &&
  /^[.)][ \t\u00A0]+\S/u.test(ctx.after) && (ctx.charBeforeSpaces === '' || /[\n\r.:;!?,•·–—]/u.test(ctx.charBeforeSpaces))

/** Street types a house number stands before (French and English order: "12 rue de la Paix"). */
const STREET_AFTER = /^(?:rue|avenue|av\.|boulevard|bd|place|allée|chemin|impasse|quai|route|square|street|st\.|road|rd\.|lane|drive)$/iu
/** Street names a house number follows (German order: "Friedrichstraße 130", "Marktplatz 1"). */
const STREET_BEFORE = /(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|steig|pfad)$/iu

/** A street named before its type: "1600 Pennsylvania Avenue", "10 Downing Street". */
const NAMED_STREET = /^[ \u00A0]+(?:\p{Lu}[\p{L}'’.-]*[ \u00A0]+){1,3}(?:Avenue|Street|Road|Lane|Boulevard|Drive|Place|Square|Way|Terrace|Court)(?!\p{L})/u

/** House numbers: "au 12 rue de la Paix", "1600 Pennsylvania Avenue", "Friedrichstraße 130". */
const isHouseNumber: ContextRule = (c, ctx) =>
  !c.reading.digits.grouped && c.reading.digits.frac === '' && c.reading.digits.int.length <= 4 &&
  ((ctx.next !== null && STREET_AFTER.test(ctx.next)) || STREET_BEFORE.test(ctx.prev) || NAMED_STREET.test(ctx.words))

/** Versions and editions of known products: "Microsoft 365", "Windows 11", "PHP 8.2", "Matrix 2.0". */
const isKnownProductNumber: ContextRule = (c, ctx) => !c.reading.digits.grouped && !ctx.glued && KNOWN_PRODUCTS.has(ctx.prev)

/**
 * Numbers in product names and labels we do not know ("Kolab 16 was released", "the Tixeo 15
 * client", "Hall 3, Gate 4"): a number directly after a capitalised word is a name unless a
 * counted noun follows it.
 *
 * English and French count with a plural ("Foo 3 users", "300 équipes"): a lower-case word after
 * the number that is not plural ("the Foo 15 client"), a verb ("Proton 7 took") or nothing ("Hall
 * 3,") makes it a name. German capitalises every noun, so there a capitalised word followed by an
 * article ("die Stadt 300 bezahlt") is a common noun, and a following capitalised noun is what is
 * counted; at the start of a German sentence only a word that looks like a name (camel case,
 * capitals, digits) counts as one.
 *
 * At the start of a sentence any word is capitalised, so there the word must not be one that
 * leads into a count ("Over 300 were", "Rund 300 kamen", "Près de 300").
 *
 * Limits: English Title Case headings ("Saving 200 Licences") lose their figures, and so does a
 * terse list of capitalised names and bare counts ("Germany 300, France 200").
 */
const isProductNumber: ContextRule = (c, ctx) => {
  const { grouped } = c.reading.digits
  if (grouped || ctx.glued || NEVER_PRODUCT.has(ctx.prev)) return false
  // An acronym names a standard or protocol wherever it stands ("ODF 1.2 is…", "TLS 1.3").
  const acronym = /^\p{Lu}[\p{Lu}\p{N}/&-]*\p{Lu}$/u.test(ctx.prev)
  if (acronym && c.reading.digits.frac !== '') return true
  if (!/^\p{Lu}[\p{L}\p{N}.+&-]*$/u.test(ctx.prev) || !/[\p{L}\p{N}]$/u.test(ctx.prev)) return false
  // A quantity compound counts whatever precedes it: "Editing 200-page documents".
  if (/^[-‐‑]\p{L}/u.test(ctx.after)) return false
  if (ctx.prevStartsSentence && !acronym && LEADS_INTO_COUNT[c.lang].has(ctx.prev.toLowerCase())) return false
  if (c.lang === 'de') {
    const looksLikeName = /\p{Lu}/u.test(ctx.prev.slice(1)) || /\p{N}/u.test(ctx.prev)
    if (!looksLikeName && (ctx.prevStartsSentence || GERMAN_DETERMINERS.has(ctx.wordBeforePrev.toLowerCase()))) return false
    return ctx.next === null || !/^\p{Lu}/u.test(ctx.next)
  }
  if (ctx.next === null) return true
  if (!/^\p{Ll}/u.test(ctx.next)) return true
  const next = ctx.next.toLowerCase()
  if (FUNCTION_WORDS.has(next) || (c.lang === 'en' && /.ed$/u.test(next) && next.length > 4)) return true
  return c.reading.value !== 1 && !looksPlural(next, c.lang)
}

/** A plural noun, as far as its ending tells ("users", "postes", "bureaux"), or a word counted as one. */
function looksPlural(word: string, lang: Lang): boolean {
  if (COUNTED_AS_PLURAL.has(word)) return true
  if (lang === 'fr') return /[sx]$/u.test(word)
  return /[^su]s$|ies$|sses$/u.test(word)
}
const COUNTED_AS_PLURAL = new Set([
  'people', 'staff', 'personnel', 'children', 'men', 'women', 'police', 'data', 'media', 'gens', 'personnel', 'h', 'min', 'km', 'kg', 'm',
])

/** Words that lead into a count at the start of a sentence, and so are capitalised there. */
const LEADS_INTO_COUNT: Record<Lang, ReadonlySet<string>> = {
  en: new Set([
    'about', 'above', 'across', 'after', 'all', 'almost', 'already', 'also', 'among', 'an', 'and', 'another', 'any', 'approximately',
    'around', 'as', 'at', 'barely', 'because', 'before', 'below', 'between', 'both', 'but', 'by', 'circa', 'ca.', 'during', 'each',
    'every', 'exactly', 'fewer', 'for', 'from', 'her', 'his', 'in', 'including', 'its', 'just', 'last', 'least', 'less', 'like',
    'many', 'more', 'most', 'my', 'nearly', 'next', 'nor', 'of', 'on', 'only', 'or', 'our', 'out', 'over', 'overall', 'past',
    'per', 'plus', 'precisely', 'roughly', 'since', 'so', 'some', 'still', 'than', 'that', 'the', 'their', 'these', 'those',
    'through', 'to', 'today', 'total', 'under', 'until', 'up', 'well', 'what', 'when', 'where', 'while', 'with', 'within', 'yet',
    'your', 'only', 'even', 'then', 'there', 'here', 'now', 'again', 'another', 'another', 'altogether', 'together', 'combined',
  ]),
  de: new Set([
    'ab', 'alle', 'allein', 'als', 'am', 'an', 'auf', 'aus', 'bei', 'beim', 'bereits', 'bis', 'bislang', 'bisher', 'ca.', 'circa',
    'dabei', 'damit', 'danach', 'dann', 'darunter', 'das', 'davon', 'dem', 'den', 'der', 'des', 'die', 'dies', 'diese', 'durch',
    'ein', 'eine', 'einer', 'etwa', 'fast', 'für', 'genau', 'gerade', 'gut', 'heute', 'höchstens', 'im', 'in', 'inzwischen',
    'insgesamt', 'ja', 'je', 'jeweils', 'jetzt', 'kaum', 'knapp', 'mehr', 'mindestens', 'mit', 'nach', 'nicht', 'noch', 'nun',
    'nur', 'oder', 'ohne', 'pro', 'rund', 'schon', 'seit', 'so', 'sogar', 'um', 'und', 'unter', 'über', 'vom', 'von', 'vor',
    'weitere', 'weniger', 'wie', 'zu', 'zum', 'zur', 'zusammen', 'zwischen', 'zudem', 'außerdem', 'weit', 'deutlich',
  ]),
  fr: new Set([
    'à', 'au', 'aux', 'après', 'avant', 'avec', 'ce', 'ces', 'chaque', 'dans', 'de', 'depuis', 'des', 'déjà', 'dont', 'du', 'en',
    'encore', 'entre', 'environ', 'et', 'jusqu’à', "jusqu'à", 'la', 'le', 'les', 'leurs', 'moins', 'nos', 'ou', 'par', 'parmi',
    'plus', 'pour', 'presque', 'près', 'quelque', 'quelques', 'sans', 'selon', 'seulement', 'soit', 'sur', 'tous', 'toutes',
    'un', 'une', 'vers', 'aujourd’hui', "aujourd'hui", 'désormais', 'bien', 'pas', 'ainsi', 'puis', 'mais', 'donc', 'or',
    'au-delà', 'quasi', 'guère', 'tout', 'ensemble', 'seuls', 'seules', 'dès',
  ]),
}

/** Articles and possessives before a German noun: "die Stadt 300 bezahlt" is a common noun, not a name. */
const GERMAN_DETERMINERS = new Set([
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen', 'kein', 'keine', 'jede', 'jeder',
  'jedes', 'diese', 'dieser', 'dieses', 'diesem', 'diesen', 'ihre', 'ihr', 'ihrer', 'sein', 'seine', 'seiner', 'unser', 'unsere',
])

/**
 * Clock times: "10 am", "3 p.m.", "14 Uhr". ("10:30" never matches: the end guard refuses ":30".)
 * "am/pm" only in English: German "am" is a preposition ("von 5 am Montag auf 10").
 */
const isTimeOfDay: ContextRule = (c, ctx) =>
  /^[ \u00A0\u202F]?Uhr(?!\p{L})/u.test(ctx.after) || (c.lang === 'en' && /^[ \u00A0\u202F]?[aApP]\.?[mM]\.?(?!\p{L})/u.test(ctx.after))

/**
 * Postcodes before a city: "75007 Paris", "24103 Kiel". All three languages group numbers of five
 * digits or more ("24,103", "24.103", "24 103"), so an ungrouped five-digit number before a
 * capitalised word is taken as a postcode. Limit: a German count written without grouping before
 * its noun ("10000 Nutzer") is lost; house number + postcode is also caught by the "address" span.
 */
const isPostcode: ContextRule = (c, ctx) =>
  !c.reading.digits.grouped && c.reading.digits.frac === '' && ctx.next !== null &&
  ((c.reading.digits.int.length === 5 && /^\p{Lu}\p{Ll}/u.test(ctx.next)) || (c.reading.digits.int.length === 4 && FOUR_DIGIT_POSTCODE_CITIES.has(ctx.next)))

/**
 * Austria, Switzerland, Belgium and Luxembourg have four-digit postcodes, which look like counts
 * before a German noun ("1200 Schulen"); only before one of their larger towns are they postcodes.
 */
const FOUR_DIGIT_POSTCODE_CITIES = new Set([
  'Wien', 'Vienna', 'Vienne', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Klagenfurt', 'Zürich', 'Zurich', 'Bern', 'Berne', 'Basel', 'Bâle',
  'Genève', 'Geneva', 'Genf', 'Lausanne', 'Luzern', 'Lucerne', 'Lugano', 'Winterthur', 'St.', 'Biel', 'Bienne', 'Bruxelles', 'Brussels', 'Brüssel',
  'Luxembourg', 'Luxemburg', 'Liège', 'Namur', 'Antwerpen', 'Anvers', 'Gent', 'Gand', 'Charleroi', 'Leuven', 'Louvain', 'Mons',
])

/** Rules for plain numbers (no currency, scale or percent), in the order they are tried. */
const CONTEXT_RULES: readonly ContextRule[] = [
  isYear, isAbbreviatedYear, isListMarker, isGermanOrdinal, isVersion, isWordSize, isHouseNumber, isKnownProductNumber,
  isProductNumber, isTimeOfDay, isPostcode,
]

/** Where the last number that names a part or a label ended ("port 8443", "Article 5"), or -1. */
interface LabelState {
  end: number
}

function isExcludedByContext(candidate: Candidate, text: string, labels: LabelState): boolean {
  if (!candidate.reading.plain) return false
  const ctx = contextOf(text, candidate.start, candidate.end)
  if (isReference(candidate, ctx) || isLabel(candidate, ctx)) {
    labels.end = candidate.end
    return true
  }
  return CONTEXT_RULES.some((rule) => rule(candidate, ctx)) || echoesLabel(candidate, ctx, text, labels)
}

/**
 * A bare number that follows a labelled one in the same sentence and counts nothing is another
 * label of the same kind: "Articles 5, 6 and 7 of the act", "use port 8443 if 443 is taken",
 * "Nimm Port 8443, falls 443 belegt ist". A number before a counted noun stays a figure
 * ("Article 5 applies to 300 companies").
 */
function echoesLabel(c: Candidate, ctx: Context, text: string, labels: LabelState): boolean {
  if (labels.end < 0 || c.start - labels.end > 60 || c.reading.digits.grouped) return false
  if (/[.!?;:](?:\s|$)|\n/u.test(text.slice(labels.end, c.start))) return false
  if (ctx.next === null) return true
  if (c.lang === 'de') return !/^\p{Lu}/u.test(ctx.next)
  return !/^\p{Ll}/u.test(ctx.next) || FUNCTION_WORDS.has(ctx.next.toLowerCase()) || ctx.next === 'if'
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Results of recent texts, per language. A save or a lint of a long page re-reads mostly the same
 * blocks and quotes as the one before it (an edit changes a paragraph, not the page), and each
 * read runs every exclusion rule. The cache is bounded by the characters it holds; its keys are
 * the callers' own strings, and callers get copies, so nothing they do can reach it.
 */
const FOUND_CACHE_CHARS = 4_000_000
const foundCache = new Map<string, Map<string, readonly FigureMatch[]>>()
let foundCacheChars = 0

function remember(text: string, lang: Lang, figures: FigureMatch[]): void {
  if (text.length > FOUND_CACHE_CHARS / 8) return
  let forLang = foundCache.get(lang)
  if (!forLang) foundCache.set(lang, (forLang = new Map()))
  forLang.set(text, figures.map((f) => ({ ...f })))
  foundCacheChars += text.length
  // Oldest first (a Map keeps insertion order, and a hit re-inserts): least recently used goes.
  while (foundCacheChars > FOUND_CACHE_CHARS) {
    const texts = [...foundCache.values()].find((m) => m.size > 0)
    if (!texts) break
    const oldest = texts.keys().next().value as string
    texts.delete(oldest)
    foundCacheChars -= oldest.length
  }
}

/** All figures in `text`, sorted by start and non-overlapping. Never throws. */
export function findFigures(text: string, lang: Lang): FigureMatch[] {
  if (typeof text !== 'string' || text.length === 0) return []
  const forLang = foundCache.get(lang)
  const known = forLang?.get(text)
  if (known) {
    forLang!.delete(text)
    forLang!.set(text, known)
    return known.map((f) => ({ ...f }))
  }
  const figures = scanFigures(text, lang)
  remember(text, lang, figures)
  return figures
}

function scanFigures(text: string, lang: Lang): FigureMatch[] {
  const excluded = collectExcludedSpans(text, lang)
  const figures: FigureMatch[] = []
  const labels: LabelState = { end: -1 }
  let next = 0
  for (const m of text.matchAll(FIGURE_RE)) {
    const start = m.index ?? 0
    const end = start + m[0].length
    while (next < excluded.length && excluded[next]!.end <= start) next++
    const span = excluded[next]
    if (span && span.start < end) continue
    const parts = partsOf(m.groups)
    const reading = parts && readParts(parts, lang)
    if (!reading) continue
    if (isExcludedByContext({ start, end, reading, lang }, text, labels)) continue
    figures.push({ text: m[0], start, end, value: reading.value, unit: reading.unit })
  }
  const phrases = findPhraseFigures(text, lang)
    .filter((p) => !excluded.some((span) => span.start < p.end && p.start < span.end))
    // "page two", "chapter three", "Phase Two", "version two": a number in words can be a label too.
    .filter((p) => p.kind !== 'words' || !namesAPart(contextOf(text, p.start, p.end).prev))
    .map((p): FigureMatch => ({ text: p.text, start: p.start, end: p.end, value: p.value, unit: p.percent ? 'percent' : null }))
  return joinRanges(text, lang, longestFirst([...figures, ...phrases]))
}

function namesAPart(prev: string): boolean {
  const word = prev.toLowerCase().replace(/^(?:l|d|qu)['’]/u, '')
  return REFERENCE_WORDS.has(word) || LABEL_WORDS.has(word) || VERSION_WORDS.has(word)
}

/** Overlapping figures (a digit inside "9 out of 10") keep the longest; sorted by start. */
function longestFirst(figures: FigureMatch[]): FigureMatch[] {
  figures.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: FigureMatch[] = []
  for (const f of figures) {
    const last = kept[kept.length - 1]
    if (last && f.start < last.end) {
      if (f.end - f.start > last.end - last.start) kept[kept.length - 1] = f
      continue
    }
    kept.push(f)
  }
  return kept
}

const RANGE_DASH = /^[ \u00A0\u2009\u202F]*[-–—][ \u00A0\u2009\u202F]*$/u
const RANGE_WORD: Record<Lang, RegExp> = { en: /^[ \u00A0]+(?:to|or)[ \u00A0]+$/u, de: /^[ \u00A0]+(?:bis|oder)[ \u00A0]+$/u, fr: /^[ \u00A0]+(?:à|ou)[ \u00A0]+$/u }
const RANGE_AND: Record<Lang, RegExp> = { en: /^[ \u00A0]+and[ \u00A0]+$/u, de: /^[ \u00A0]+und[ \u00A0]+$/u, fr: /^[ \u00A0]+et[ \u00A0]+$/u }
const BETWEEN: Record<Lang, RegExp> = { en: /(?<!\p{L})between[ \u00A0]+$/iu, de: /(?<!\p{L})zwischen[ \u00A0]+$/iu, fr: /(?<!\p{L})entre[ \u00A0]+$/iu }
/**
 * "from X to Y" after a verb of change states two figures, the old and the new ("fell from €120
 * to €45", "est passé de 120 € à 45 €"); without one it is a range ("quotas from 1 GB to 2 TB").
 * German writes a change "von X auf Y", which is never joined.
 */
const CHANGE_FROM: Record<Lang, RegExp | null> = {
  en: /(?<!\p{L})(?:went|gone|go|goes|rose|risen|rise|rises|fell|fallen|fall|falls|grew|grown|grow|grows|dropped|drops|cut|cuts|increased|increase|decreased|decrease|climbed|jumped|reduced|reduce|moved|raised|lowered|shrank|shrunk|changed|up|down)(?:[ \u00A0]+\p{L}+){0,4}[ \u00A0]+from[ \u00A0]+$/iu,
  de: null,
  fr: /(?<!\p{L})pass\p{L}*(?:[ \u00A0]+\p{L}+){0,3}[ \u00A0]+(?:de|d['’])[ \u00A0]*$/iu,
}

/** A range is one figure: "5–8 %", "between 5 and 8 %", "zwischen 5 und 8 %", "de 5 à 8 %", "two or three". */
function joinRanges(text: string, lang: Lang, figures: FigureMatch[]): FigureMatch[] {
  const joined: FigureMatch[] = []
  for (const f of figures) {
    const last = joined[joined.length - 1]
    if (last) {
      const gap = text.slice(last.end, f.start)
      const before = text.slice(Math.max(0, last.start - 60), last.start)
      const change = CHANGE_FROM[lang]?.test(before) ?? false
      const between = BETWEEN[lang].exec(before)
      const joins = RANGE_DASH.test(gap) || (RANGE_WORD[lang].test(gap) && !change) || (RANGE_AND[lang].test(gap) && between !== null)
      if (joins && gap.length <= 6) {
        const start = between ? last.start - between[0].length : last.start
        joined[joined.length - 1] = { text: text.slice(start, f.end), start, end: f.end, value: last.value, unit: last.unit ?? f.unit }
        continue
      }
    }
    joined.push(f)
  }
  return joined
}

/** Approximation signs an editor may include when marking a figure ("~40 %", "> 220,000"). */
const LEADING_APPROXIMATION = /^[~≈<>≤≥+][ \u00A0\u2009\u202F]?/u

/**
 * Reads a string that is one figure, e.g. a figure the editor marked: "2,5 Mio.", "€2.5m", "~40 %".
 * Consistent with findFigures: the string (after a leading approximation sign) must be exactly one
 * match of findFigures, so "2024" (a year), "Windows 11" or "40 % and 50 %" give null.
 */
export function parseFigure(text: string, lang: Lang): { value: number; unit: FigureUnit | null } | null {
  if (typeof text !== 'string') return null
  const rest = text.replace(LEADING_APPROXIMATION, '')
  const found = findFigures(rest, lang)
  const only = found.length === 1 ? found[0] : undefined
  if (!only || only.start !== 0 || only.end !== rest.length) return null
  return { value: only.value, unit: only.unit }
}

const LANG_ORDER: Record<Lang, readonly Lang[]> = { en: ['en', 'de', 'fr'], de: ['de', 'en', 'fr'], fr: ['fr', 'de', 'en'] }

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

function compatibleUnits(a: FigureUnit | null, b: FigureUnit | null): boolean {
  return a === null || b === null || a === b
}

/**
 * Does `quote` show the number of `figureText`?
 *
 * Values are compared after normalisation: "220,000" matches "220 000", "220.000" and also "220k"
 * (same value); "2.5 million" matches "2,5 millions" and "2 500 000"; "40%" matches "40 %" and
 * "40 Prozent". Quotes are often in another language than the page, so the quote is read in every
 * language (the page's first). Units must not contradict each other ("€5" vs "$5"), but a quote
 * without a unit may show a figure with one.
 *
 * Also accepted: the quote contains the same digits as the figure's integer, written with other
 * separators, even where the quote's number would not count as a figure (a year, a product name).
 */
export function quoteShowsFigure(quote: string, figureText: string, lang: Lang, figure?: { value: number; unit: FigureUnit | null } | null): boolean {
  if (typeof quote !== 'string' || typeof figureText !== 'string' || quote.length === 0) return false
  // A caller that has read the figure already passes it: reading it runs every exclusion rule.
  const target = figure !== undefined ? figure : (parseFigure(figureText.trim(), lang) ?? findFigures(figureText, lang)[0] ?? null)
  if (target && quoteHasValue(quote, target, lang)) return true
  return quoteHasSameDigits(quote, figureText, lang)
}

function quoteHasValue(quote: string, target: { value: number; unit: FigureUnit | null }, lang: Lang): boolean {
  return LANG_ORDER[lang].some((quoteLang) =>
    findFigures(quote, quoteLang).some((f) => sameValue(f.value, target.value) && compatibleUnits(f.unit, target.unit)),
  )
}

interface LooseInteger {
  digits: string
  unit: FigureUnit | null
}

/**
 * Integers written with thousands separators, without scale words or decimals: "200,000",
 * "200 000", "200.000" all give "200000". A decimal ("2.5") or a scale ("2.5 million") gives
 * nothing, so "2.5" never matches "25".
 *
 * The figure is read in its page's language ("1.500" on an English page is 1.5, not an integer);
 * the quote, whose language is unknown, in any language where it is an integer.
 */
function looseIntegers(text: string, lang: Lang | 'any'): LooseInteger[] {
  const found: LooseInteger[] = []
  for (const m of text.matchAll(LOOSE_FIGURE_RE)) {
    const parts = partsOf(m.groups)
    if (!parts || parts.scale !== undefined) continue
    const langs = lang === 'any' ? LANG_ORDER.en : [lang]
    const digits = langs.map((l) => readDigits(parts.num, l)).find((d) => d !== null && d.frac === '')
    if (!digits) continue
    found.push({ digits: digits.int, unit: unitOf(parts.pre) ?? unitOf(parts.post) })
  }
  return found
}

function quoteHasSameDigits(quote: string, figureText: string, lang: Lang): boolean {
  const figure = looseIntegers(figureText, lang)[0]
  if (!figure) return false
  return looseIntegers(quote, 'any').some((q) => q.digits === figure.digits && compatibleUnits(q.unit, figure.unit))
}
