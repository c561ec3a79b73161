/**
 * Flags promotional, weasel, editorialising and time-relative language for the moderator queue.
 * It flags, it never blocks or rewrites: a finding is a prompt for a human.
 *
 * How it works: one regular expression per language, built once (on first use) from ./lexicon.ts as a
 * trie, so terms share their prefixes in the pattern and a scan costs about one pass over the text whatever
 * the lexicon size. Context guards ("leading" but not "leading zeros") are lookarounds inside the pattern.
 * At one position the longest phrase wins; scanning left to right yields sorted, non-overlapping findings.
 * The matched text, normalised, names the lexicon entry; the quotation and sentence analysis runs only
 * around matches.
 *
 * A match is dropped when
 * - it looks like a name: a lower-case lexicon term capitalised in mid-sentence ("USA Today", "Leader
 *   Price"), or written in capitals ("TOP 3" on an agenda);
 * - it lies inside a caller-provided exempt range (an attributed quotation found by the caller);
 * - it lies inside quotation marks and the same sentence attributes the quote (said, according to, laut,
 *   sagte, selon, a déclaré …, before or after it). Unattributed quotes, including scare quotes, still count;
 * - it is time-relative and its sentence gives a date: an explicit year (19xx/20xx), "as of <month>",
 *   "Stand: <date>", "au <date>", or a day with a month.
 *
 * Known limits: sentences are split with a heuristic (., !, ?, … and line breaks, skipping ordinals such as
 * "1. März" and one-letter abbreviations such as "z. B."), and only 500 characters around a match are
 * considered; a bare count such as "2000 users" reads as a year; decomposed accents (NFD) are not matched;
 * title-case headings are treated like names; the lexicon is words, not grammar.
 */
import { isLang, type Lang } from './lang'
import { ATTRIBUTION_CUES, DATE_ANCHORS, LEXICON, normalizeTerm, SUGGESTIONS, type LexiconEntry } from './lexicon'
import { grammarCategoryAt, promotionalGrammarSource } from './promo-grammar'

export type MarketingCategory = 'peacock' | 'weasel' | 'buzzword' | 'editorial' | 'time-relative' | 'doubt'

export interface MarketingFinding {
  /** Exact matched text: input.slice(start, end). */
  text: string
  /** UTF-16 offsets into the input. */
  start: number
  end: number
  category: MarketingCategory
  /** What to do instead, in the language of the text. */
  suggestion: string
}

export interface MarketingOptions {
  /** Ranges (UTF-16 [start, end)) that are attributed quotations, computed by the caller from the document (e.g. a quoted passage followed by a citation). Findings inside them are dropped. */
  exemptRanges?: ReadonlyArray<readonly [number, number]>
}

/** Lexicon entries per language (after de-duplication), for documentation. */
export function lexiconSize(): Record<Lang, number> {
  return { en: LEXICON.en.length, de: LEXICON.de.length, fr: LEXICON.fr.length }
}

export function findMarketing(text: string, lang: Lang, options?: MarketingOptions): MarketingFinding[] {
  if (typeof text !== 'string' || text.length === 0 || !isLang(lang)) return []
  const matcher = matcherFor(lang)
  const scan = new Scan(text, lang, options)
  const findings: MarketingFinding[] = []
  const regex = matcher.regex
  regex.lastIndex = 0
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    const entry = identify(matcher, text, start, match[0])
    if (entry !== undefined && !scan.isDropped(entry, start, end)) {
      findings.push({
        text: match[0],
        start,
        end,
        category: entry.category,
        suggestion: suggestionFor(entry, match[0]),
      })
      regex.lastIndex = end
    } else {
      // A dropped match must not hide a shorter one that starts inside it ("bis heute" → "heute").
      regex.lastIndex = start + 1
    }
  }
  return findings
}

// ---------------------------------------------------------------------------------------------------
// Building the matcher

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`
const SPACE = String.raw`\s+` // \s covers U+00A0 and U+202F
const GAP = String.raw`\s+(?:[\p{L}\p{M}\p{N}]+(?:[\-‐‑'’][\p{L}\p{M}\p{N}]+)*\s+){0,3}`
/** Number words of the three languages that can stand before "years", "Jahren", "ans". */
const QUANTITY_WORDS = [
  String.raw`\d+(?:[.,]\d+)?`, 'ein', 'einem', 'einer', 'eines', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben',
  'acht', 'neun', 'zehn', 'elf', 'zwölf', 'fünfzehn', 'zwanzig', 'dreißig', 'fünfzig', 'hundert', 'einigen',
  'wenigen', 'mehreren', 'vielen', 'paar', 'gut', 'knapp', 'rund', 'über', 'fast', 'etwa', 'un', 'une', 'deux',
  'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'quinze', 'vingt', 'trente',
  'cinquante', 'cent', 'quelques', 'plusieurs', 'bien', 'des', 'de', 'plus', 'moins', 'près', 'environ', 'presque',
].join('|')
const QUANTITY = String.raw`\s+(?:(?:${QUANTITY_WORDS})\s+){1,3}`

interface Matcher {
  /** The scanning pattern: the trie without entry markers, so a match allocates no capture groups. */
  regex: RegExp
  /** Entries by normalised term: identifies almost every match without a second regex run. */
  byTerm: Map<string, LexiconEntry>
  /** Phrases with a `~` or `#` gap, which the lookup cannot name, each followed by an empty capturing group. */
  gaps: MarkedPattern
  /** Every entry so marked: the last resort when the lookup fails (case folding unlike toLowerCase). */
  all: () => MarkedPattern
  lang: Lang
}

interface MarkedPattern {
  /** Sticky, so it only tests the position of the match. */
  regex: RegExp
  /** entries[i] is the entry whose marker is capturing group i + 1. */
  entries: LexiconEntry[]
}

const matchers = new Map<Lang, Matcher>()

function matcherFor(lang: Lang): Matcher {
  let matcher = matchers.get(lang)
  if (matcher === undefined) {
    matcher = buildMatcher(LEXICON[lang], lang)
    matchers.set(lang, matcher)
  }
  return matcher
}

/** One pattern unit per character (or per word gap), so terms can share prefixes in the trie. */
function termUnits(term: string): string[] {
  const units: string[] = []
  let needSpace = false
  for (const word of term.trim().split(/\s+/)) {
    if (word === '~' || word === '#') {
      units.push(word === '~' ? GAP : QUANTITY)
      needSpace = false
      continue
    }
    if (needSpace) units.push(SPACE)
    for (const char of word) units.push(charUnit(char))
    needSpace = true
  }
  return units
}

function charUnit(char: string): string {
  if (char === "'" || char === '’') return "['’]"
  if (char === '-' || char === '‐' || char === '‑') return String.raw`[\-‐‑]`
  if (char === 'ß') return '(?:ß|ss)'
  // The regex is case-insensitive; lower-casing only makes "Top" and "top" share a trie branch.
  return char.toLowerCase().replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
}

interface TrieNode {
  next: Map<string, TrieNode>
  entry?: LexiconEntry
}

function buildTrie(lexicon: readonly LexiconEntry[]): TrieNode {
  const root: TrieNode = { next: new Map() }
  for (const entry of lexicon) {
    let node = root
    for (const unit of termUnits(entry.term)) {
      let child = node.next.get(unit)
      if (child === undefined) {
        child = { next: new Map() }
        node.next.set(unit, child)
      }
      node = child
    }
    // Two terms with the same pattern cannot be told apart; the lexicon de-duplicates, keep the first.
    node.entry ??= entry
  }
  return root
}

function buildMatcher(lexicon: readonly LexiconEntry[], lang: Lang): Matcher {
  lexicon.forEach(assertNoCapturingGroups)
  const root = buildTrie(lexicon)
  const byTerm = new Map<string, LexiconEntry>()
  for (const entry of lexicon) {
    if (!hasGap(entry)) byTerm.set(normalizeTerm(entry.term), entry)
  }
  return {
    // The grammar's alternatives come first: at one position its longer phrase wins.
    regex: new RegExp(`(?<!${WORD_CHAR})(?:${promotionalGrammarSource(lang)}|${emitNode(root, [], false)})(?!${WORD_CHAR})`, 'giu'),
    lang,
    byTerm,
    gaps: markedPattern(lexicon.filter(hasGap)),
    all: lazy(() => markedPattern(lexicon)),
  }
}

/** Built on first use: the last-resort pattern is rarely needed and costs as much as the scanner. */
function lazy<T>(build: () => T): () => T {
  let value: { built: T } | undefined
  return () => (value ??= { built: build() }).built
}

function hasGap(entry: LexiconEntry): boolean {
  return entry.term.split(/\s+/).some((word) => word === '~' || word === '#')
}

function markedPattern(lexicon: readonly LexiconEntry[]): MarkedPattern {
  const entries: LexiconEntry[] = []
  const source = emitNode(buildTrie(lexicon), entries, true)
  return { regex: new RegExp(`${source}(?!${WORD_CHAR})`, 'iuy'), entries }
}

/**
 * Which entry matched. Building result arrays with hundreds of capture groups for every match would
 * dominate the scan, so the plain pattern has none: a lookup by normalised text identifies the entry,
 * and the marked pattern is run only for what the lookup cannot name (phrases with a gap).
 */
function identify(matcher: Matcher, text: string, start: number, matched: string): LexiconEntry | undefined {
  return (
    matcher.byTerm.get(lookupKey(matched)) ??
    markedEntry(matcher.gaps, text, start, matched.length) ??
    grammarEntry(matcher.lang, text, start, matched) ??
    markedEntry(matcher.all(), text, start, matched.length)
  )
}

/**
 * A phrase of ./promo-grammar.ts (a superlative, intensified praise, a set phrase): praise. German
 * capitalises nouns ("Weltklasse", "Rundum-sorglos-Paket"), so there only a capital elsewhere
 * marks a name; in English and French a lower-case phrase capitalised mid-sentence is one.
 */
function grammarEntry(lang: Lang, text: string, start: number, matched: string): LexiconEntry | undefined {
  const category = grammarCategoryAt(text, lang, start, matched.length)
  if (!category) return undefined
  return { term: lang === 'de' ? matched : matched.toLowerCase(), lang, category }
}

/** Characters that `normalizeTerm` rewrites beyond lower-casing (also a space that is not one plain space). */
const NEEDS_NORMALISING = /[’‐‑ßẞ]|\s\s|[^\S ]/

/** `normalizeTerm` for a matched text, which has no surrounding space: usually just lower case. */
function lookupKey(matched: string): string {
  return NEEDS_NORMALISING.test(matched) ? normalizeTerm(matched) : matched.toLowerCase()
}

/** The entry a marked pattern matches at `start` with the same length as the scan's match. */
function markedEntry(pattern: MarkedPattern, text: string, start: number, length: number): LexiconEntry | undefined {
  pattern.regex.lastIndex = start
  const match = pattern.regex.exec(text)
  if (match === null || match[0].length !== length) return undefined
  return pattern.entries[match.indexOf('', 1) - 1]
}

/**
 * Longer continuations come before the node's own entry, so at one start position the longest phrase
 * wins and the regex backtracks to shorter ones only if the longer ones fail.
 * Capturing groups are numbered in source order, which is the order `entries` is filled in.
 */
function emitNode(node: TrieNode, entries: LexiconEntry[], marked: boolean): string {
  const alternatives: string[] = []
  for (const [unit, child] of node.next) alternatives.push(unit + emitNode(child, entries, marked))
  if (node.entry !== undefined) {
    alternatives.push(leafPattern(node.entry) + (marked ? '()' : ''))
    entries.push(node.entry)
  }
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`
}

/** The entry's context guards, checked at the end of the term. */
function leafPattern(entry: LexiconEntry): string {
  const guard = entry.guard
  if (guard === undefined) return ''
  // A lookbehind at the end of the term must span the term itself to look before its start.
  const term = termUnits(entry.term).join('')
  let pattern = ''
  if (guard.requireBefore !== undefined) pattern += `(?<=(?:${guard.requireBefore})${term})`
  if (guard.notBefore !== undefined) pattern += `(?<!(?:${guard.notBefore})${term})`
  if (guard.requireAfter !== undefined) pattern += `(?=${guard.requireAfter})`
  if (guard.notAfter !== undefined) pattern += `(?!${guard.notAfter})`
  return pattern
}

/** A capturing group in a guard would shift the marker numbering; fail loudly at build time. */
function assertNoCapturingGroups(entry: LexiconEntry): void {
  for (const source of Object.values(entry.guard ?? {})) {
    if (typeof source !== 'string') continue
    const groups = new RegExp(`(?:${source})|`, 'u').exec('')?.length ?? 0
    if (groups !== 1) throw new Error(`Lexicon guard for "${entry.term}" has a capturing group`)
  }
}

function suggestionFor(entry: LexiconEntry, matched: string): string {
  const template = entry.suggestion ?? SUGGESTIONS[entry.lang][entry.category]
  const shown = matched.replace(/\s+/g, ' ')
  return template.replace('{t}', () => shown)
}

// ---------------------------------------------------------------------------------------------------
// Exemptions, computed lazily per call

const CONTEXT_LIMIT = 500
const MAX_QUOTE_LENGTH = 2000
const YEAR = String.raw`(?<![\p{N}.,])(?:19|20)\d{2}(?!\p{N}|[.,]\p{N})`

interface CompiledCues {
  attribution: RegExp
  date: RegExp
}
const cues = new Map<Lang, CompiledCues>()

function cuesFor(lang: Lang): CompiledCues {
  let compiled = cues.get(lang)
  if (compiled === undefined) {
    compiled = {
      attribution: new RegExp(ATTRIBUTION_CUES[lang], 'iu'),
      date: new RegExp(`${YEAR}|${DATE_ANCHORS[lang]}`, 'iu'),
    }
    cues.set(lang, compiled)
  }
  return compiled
}

type Range = readonly [number, number]

/** Per-call state: the text's quotations and exempt ranges, computed once and only when needed. */
class Scan {
  private quotes: Range[] | undefined
  private readonly attributed = new Map<number, boolean>()
  private readonly exempt: Range[]

  constructor(
    private readonly text: string,
    private readonly lang: Lang,
    options: MarketingOptions | undefined,
  ) {
    this.exempt = mergeRanges(options?.exemptRanges)
  }

  isDropped(entry: LexiconEntry, start: number, end: number): boolean {
    return (
      looksLikeName(entry, this.text, start, end) ||
      rangeContaining(this.exempt, start, end) !== -1 ||
      (entry.category === 'time-relative' && this.sentenceGivesDate(start, end)) ||
      this.insideAttributedQuote(start, end)
    )
  }

  private sentenceGivesDate(start: number, end: number): boolean {
    const from = sentenceStart(this.text, start)
    const to = sentenceEnd(this.text, end)
    return cuesFor(this.lang).date.test(this.text.slice(from, to))
  }

  private insideAttributedQuote(start: number, end: number): boolean {
    this.quotes ??= findQuotes(this.text)
    const index = rangeContaining(this.quotes, start, end)
    if (index === -1) return false
    let attributed = this.attributed.get(index)
    if (attributed === undefined) {
      const quote = this.quotes[index]
      attributed = quote !== undefined && isAttributed(this.text, quote, cuesFor(this.lang).attribution)
      this.attributed.set(index, attributed)
    }
    return attributed
  }
}

/** Valid ranges only, sorted and merged, so containment is a binary search. */
function mergeRanges(ranges: ReadonlyArray<readonly [number, number]> | undefined): Range[] {
  if (!Array.isArray(ranges)) return []
  const valid = ranges
    .filter((range): range is Range => Array.isArray(range) && Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1])
    .map(([start, end]): Range => [start, end])
    .sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [start, end] of valid) {
    const last = merged[merged.length - 1]
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** Index of the range (sorted, disjoint) that contains [start, end), or -1. */
function rangeContaining(ranges: readonly Range[], start: number, end: number): number {
  let low = 0
  let high = ranges.length - 1
  let candidate = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    const range = ranges[middle]
    if (range !== undefined && range[0] <= start) {
      candidate = middle
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  const range = ranges[candidate]
  return range !== undefined && end <= range[1] ? candidate : -1
}

// ---------------------------------------------------------------------------------------------------
// Names

const SKIPPED_BEFORE_SENTENCE = new Set([...' \t\r\u00A0\u202F"“”„‚‘’\'«»‹›([*•–—-'])
const SENTENCE_ENDS = new Set([...'.!?…:;\n'])

function isUpperCase(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase()
}

/**
 * A lower-case term written with a capital in mid-sentence is most likely a name ("USA Today", "Great
 * Firewall", "Leader Price"); a match in capitals is an acronym or an agenda item ("TOP 3").
 */
function looksLikeName(entry: LexiconEntry, text: string, start: number, end: number): boolean {
  const matched = text.slice(start, end)
  const letters = matched.replace(/[^\p{L}]/gu, '')
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return entry.term.replace(/[^\p{L}]/gu, '') !== letters
  }
  const first = matched.charAt(0)
  const termFirst = entry.term.charAt(0)
  return isUpperCase(first) && !isUpperCase(termFirst) && !isSentenceStart(text, start)
}

/** Only spaces, quotes, brackets and bullets between the previous sentence (or the text's start) and here. */
function isSentenceStart(text: string, position: number): boolean {
  const limit = Math.max(0, position - 50)
  for (let i = position - 1; i >= limit; i--) {
    const char = text.charAt(i)
    if (SENTENCE_ENDS.has(char)) return true
    if (!SKIPPED_BEFORE_SENTENCE.has(char)) return false
  }
  return limit === 0
}

// ---------------------------------------------------------------------------------------------------
// Sentences

const TERMINATORS = new Set([...'.!?…'])
const CLOSING = new Set([...'"”“’\'»«›‹)'])
/** Abbreviations whose period does not end a sentence (lower-case, without the period). */
const ABBREVIATIONS = new Set([
  'ca', 'bzw', 'vgl', 'usw', 'nr', 'dr', 'prof', 'mr', 'mrs', 'ms', 'st', 'vs', 'approx', 'inkl', 'ggf',
  'evtl', 'abs', 'mio', 'mrd', 'bspw', 'mme', 'cf', 'env', 'no', 'fig', 'resp',
])

/** Whether the character at `i` ends a sentence. */
function endsSentenceAt(text: string, i: number): boolean {
  const char = text.charAt(i)
  if (char === '\n') return true
  if (!TERMINATORS.has(char)) return false
  let next = i + 1
  while (next < text.length && CLOSING.has(text.charAt(next))) next++
  if (next < text.length && !/\s/.test(text.charAt(next))) return false // "3.5", "example.org"
  if (char !== '.') return true
  return !isAbbreviationOrOrdinal(text, i)
}

/** The word (up to 12 letters or digits) that ends right before a period. */
const WORD_BEFORE_PERIOD = /[\p{L}\p{N}]{1,12}$/u

/** "1. März" (an ordinal day), "z. B.", "e.g.", "Mio." do not end a sentence; "in 2025." does. */
function isAbbreviationOrOrdinal(text: string, period: number): boolean {
  const word = WORD_BEFORE_PERIOD.exec(text.slice(Math.max(0, period - 13), period))?.[0] ?? ''
  if (/^\d{1,2}$/.test(word) || /^\p{L}$/u.test(word)) return true
  return ABBREVIATIONS.has(word.toLowerCase())
}

/** Start of the sentence containing `position`, looking back at most CONTEXT_LIMIT characters. */
function sentenceStart(text: string, position: number): number {
  const limit = Math.max(0, position - CONTEXT_LIMIT)
  for (let i = position - 1; i >= limit; i--) {
    if (endsSentenceAt(text, i)) return i + 1
  }
  return limit
}

/** End of the sentence containing `position`, looking ahead at most CONTEXT_LIMIT characters. */
function sentenceEnd(text: string, position: number): number {
  const limit = Math.min(text.length, position + CONTEXT_LIMIT)
  for (let i = position; i < limit; i++) {
    if (endsSentenceAt(text, i)) return i + 1
  }
  return limit
}

// ---------------------------------------------------------------------------------------------------
// Quotations

/** Closing marks for each opening mark. German „…“ and »…«, French « … », English “…”. */
const CLOSERS: Readonly<Record<string, string>> = {
  '“': '”',
  '„': '“”',
  '‚': '‘’',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
  '"': '"',
  '‘': '’',
  "'": "'",
}
const SINGLE_QUOTES = new Set(["'", '‘', '’'])
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Quotations as [open, close + 1) ranges, left to right, not nested, within one line and at most
 * MAX_QUOTE_LENGTH long. A single quote ' or ‘ opens only before a word and after a non-letter, and closes
 * only before a non-letter, so apostrophes ("don't", "l'État") are not quotes.
 * Searches for closers are memoised, so the whole pass stays linear even with unmatched marks.
 */
function findQuotes(text: string): Range[] {
  const quotes: Range[] = []
  // Memoised per closing character, not per set of closers: a set such as “” in a German text,
  // where ” never occurs, would otherwise rescan to the end of the text for every quotation.
  const closerSearch = new Map<string, { from: number; at: number }>()
  const lineBreakSearch = { from: -1, at: -1 }
  // The app's plain text joins blocks with one "\n": a quote never spans blocks.
  const lineBreak = /\n/g

  const nextOf = (closer: string, from: number): number => {
    const cached = closerSearch.get(closer)
    if (cached !== undefined && cached.from <= from && (cached.at === -1 || cached.at >= from)) return cached.at
    const at = indexOfCloser(text, closer, from)
    closerSearch.set(closer, { from, at })
    return at
  }
  const nextCloser = (closers: string, from: number): number => {
    let best = -1
    for (const closer of closers) {
      const at = nextOf(closer, from)
      if (at !== -1 && (best === -1 || at < best)) best = at
    }
    return best
  }
  const nextLineBreak = (from: number): number => {
    const cached = lineBreakSearch
    if (cached.from !== -1 && cached.from <= from && (cached.at === -1 || cached.at >= from)) return cached.at
    lineBreak.lastIndex = from
    cached.from = from
    cached.at = lineBreak.exec(text)?.index ?? -1
    return cached.at
  }

  const openers = new RegExp(`[${Object.keys(CLOSERS).join('')}]`, 'g')
  for (let match = openers.exec(text); match !== null; match = openers.exec(text)) {
    const open = match.index
    const closers = CLOSERS[match[0]]
    if (closers === undefined || !canOpen(text, open)) continue
    const close = nextCloser(closers, open + 1)
    const breakAt = nextLineBreak(open + 1)
    if (close === -1 || close - open > MAX_QUOTE_LENGTH || (breakAt !== -1 && breakAt < close)) continue
    quotes.push([open, close + 1])
    openers.lastIndex = close + 1
  }
  return quotes
}

/** The first position at or after `from` holding `closer` where it can close a quote, or -1. */
function indexOfCloser(text: string, closer: string, from: number): number {
  let at = text.indexOf(closer, from)
  while (at !== -1 && !canClose(text, at)) at = text.indexOf(closer, at + 1)
  return at
}

function canOpen(text: string, i: number): boolean {
  if (!SINGLE_QUOTES.has(text.charAt(i))) return true
  return !LETTER_OR_DIGIT.test(text.charAt(i - 1)) && LETTER_OR_DIGIT.test(text.charAt(i + 1))
}

function canClose(text: string, i: number): boolean {
  if (!SINGLE_QUOTES.has(text.charAt(i))) return true
  return !/\s/.test(text.charAt(i - 1)) && !LETTER_OR_DIGIT.test(text.charAt(i + 1))
}

/**
 * A quotation is attributed when its sentence, outside the quotation marks, names a speaker: a cue before
 * it ("The minister said: …", "ZenDiS calls openDesk …") or after it ("…", selon le ministère).
 * A quote that ends its own sentence ("… pioneers." He left.) takes no cue from what follows.
 */
function isAttributed(text: string, [open, close]: Range, attribution: RegExp): boolean {
  const before = text.slice(sentenceStart(text, open), open)
  const inner = text.slice(open + 1, close - 1).trimEnd()
  const rest = text.slice(close, Math.min(text.length, close + CONTEXT_LIMIT))
  const endsOwnSentence = /[.!?…]$/.test(inner) && /^\s*(?:$|\n|\p{Lu})/u.test(rest)
  const after = endsOwnSentence ? '' : text.slice(close, sentenceEnd(text, close))
  return attribution.test(before) || attribution.test(after)
}
