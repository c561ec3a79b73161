import type { Lang } from './lang'

/**
 * Figures written in words and proportions, in English, German and French: numbers written out
 * ("five thousand", "fünfundzwanzig", "trois millions"), fractions and shares ("two thirds",
 * "nine out of ten", "jeder vierte", "un sur cinq", "3/4 of"), multipliers and growth ("twice as
 * many", "a fivefold increase", "verdoppelt", "quatre fois plus", "×2") and vague magnitudes that
 * still state a fact ("dozens of", "1,000s", "Tausende", "des centaines de").
 *
 * It is a grammar, not a word list per phrase: each language has its number words (German builds
 * them as one word from parts, "dreitausendfünfhundert"), and each kind of phrase is a pattern
 * over those numbers. `findFigures` merges these with the digit figures.
 *
 * Not figures: "one"/"ein"/"un" alone (articles and "one of"), ordinals ("second to none"),
 * number words capitalised in mid-sentence (names: "Channel Four"), hyphenated compounds that
 * name a kind of thing ("two-factor", "Zwei-Faktor", "deux-roues"), and in French "neuf" meaning
 * "new" ("un serveur neuf").
 */

type PhraseKind = 'words' | 'share' | 'multiplier' | 'vague'

export interface PhraseFigure {
  kind: PhraseKind
  text: string
  start: number
  end: number
  value: number
  percent: boolean
}

// ---------------------------------------------------------------------------------------------
// Number words and their values
// ---------------------------------------------------------------------------------------------

/** Units and tens add to the current group; "hundred" multiplies it; scales close it. */
interface NumberLexicon {
  add: Readonly<Record<string, number>>
  hundred: readonly string[]
  scales: Readonly<Record<string, number>>
  /** Words that only join ("and", "und", "et", "a"). */
  joiners: readonly string[]
}

const EN: NumberLexicon = {
  add: {
    one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
    thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
    twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  },
  hundred: ['hundred'],
  scales: { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12 },
  joiners: ['and', 'a', 'an'],
}

const DE: NumberLexicon = {
  add: {
    ein: 1, eins: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12,
    dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
    zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  },
  hundred: ['hundert'],
  scales: { tausend: 1e3, million: 1e6, millionen: 1e6, milliarde: 1e9, milliarden: 1e9, 'mio.': 1e6, 'mrd.': 1e9, dutzend: 12 },
  joiners: ['und'],
}

const FR: NumberLexicon = {
  add: {
    un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
    treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  },
  hundred: ['cent', 'cents'],
  scales: { mille: 1e3, million: 1e6, millions: 1e6, milliard: 1e9, milliards: 1e9, douzaine: 12, douzaines: 12 },
  joiners: ['et'],
}

const LEXICONS: Record<Lang, NumberLexicon> = { en: EN, de: DE, fr: FR }

/** The value of a sequence of number words, or null when a token is not one. */
function valueOfTokens(tokens: readonly string[], lex: NumberLexicon): number | null {
  let total = 0
  let current = 0
  let previous = ''
  for (const raw of tokens) {
    const token = raw.toLowerCase()
    if (lex.joiners.includes(token)) {
      previous = token
      continue
    }
    const add = lex.add[token]
    if (add !== undefined) {
      // French "quatre-vingt(s)" is 4 × 20.
      if ((token === 'vingt' || token === 'vingts') && previous === 'quatre') current += 76
      else current += add
    } else if (lex.hundred.includes(token)) {
      current = (current === 0 ? 1 : current) * 100
    } else if (lex.scales[token] !== undefined) {
      const scale = lex.scales[token]!
      if (scale === 12) current = (current === 0 ? 1 : current) * 12
      else {
        total += (current === 0 ? 1 : current) * scale
        current = 0
      }
    } else return null
    previous = token
  }
  return total + current
}

/** German number words are written as one word: "dreitausendfünfhundertzwanzig". */
const DE_MORPHEMES = [
  'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig',
  'sechzig', 'siebzig', 'achtzig', 'neunzig', 'hundert', 'tausend', 'sieben', 'sechs', 'zwölf', 'zwei', 'drei', 'vier', 'fünf',
  'acht', 'neun', 'zehn', 'eins', 'ein', 'elf', 'und',
]
const DE_MORPHEME = `(?:${DE_MORPHEMES.join('|')})`
const DE_MORPHEME_RE = new RegExp(DE_MORPHEME, 'giy')

function germanTokens(word: string): string[] | null {
  const tokens: string[] = []
  const lower = word.toLowerCase()
  DE_MORPHEME_RE.lastIndex = 0
  while (DE_MORPHEME_RE.lastIndex < lower.length) {
    const at = DE_MORPHEME_RE.lastIndex
    const m = DE_MORPHEME_RE.exec(lower)
    if (!m || m.index !== at) return null
    tokens.push(m[0])
  }
  return tokens
}

function tokensOf(phrase: string, lang: Lang): string[] | null {
  const words = phrase.split(/[\s\u00A0\u202F-]+/u).filter((w) => w !== '')
  if (lang !== 'de') return words
  const tokens: string[] = []
  for (const w of words) {
    const lower = w.toLowerCase()
    if (DE.scales[lower] !== undefined || /^eine[mnr]?$/u.test(lower)) tokens.push(lower === 'eine' ? lower : lower.replace(/^eine[mnr]$/u, 'eine'))
    else {
      const parts = germanTokens(w)
      if (!parts) return null
      tokens.push(...parts)
    }
  }
  return tokens
}

function numberWordsValue(phrase: string, lang: Lang): number | null {
  const tokens = tokensOf(phrase, lang)
  return tokens && tokens.length > 0 ? valueOfTokens(tokens, LEXICONS[lang]) : null
}

// ---------------------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------------------

/**
 * Letters of the three languages (Latin-1 and Latin Extended-A), spelled out rather than \p{L}:
 * without the `u` flag the engine scans these patterns several times faster, and they run over
 * every text a page holds.
 */
const L = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F'
const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE'
const B = `(?<![${L}0-9_]|\\d[.,])`
const E = `(?![${L}0-9_])`
const S = '[\\s\\u00A0\\u202F]+'
/** Whole numbers only: the parts of a share ("9 out of 10", "9 demandes sur 10"). */
const INTEGER = '(?:\\d{1,3}(?:[.,\\u00A0\\u202F ]\\d{3})+|\\d+)(?![.,]\\d)'

const EN_WORD = `(?:${[...Object.keys(EN.add), ...EN.hundred, 'thousand', 'million', 'billion', 'trillion', 'dozen'].sort((a, b) => b.length - a.length).join('|')})`
const EN_NUM = `(?:(?:an?${S}(?=(?:hundred|thousand|million|billion|dozen)${E}))?${EN_WORD}(?:(?:(?<=hundred|thousand|million|billion)${S}and${S}|[\\s\\u00A0-]+)${EN_WORD})*)`
const DE_WORD = `(?:${DE_MORPHEME}+)`
const DE_SCALE = '(?:Millionen|Million|Milliarden|Milliarde|Mio\\.|Mrd\\.|Dutzend)'
const DE_NUM = `(?:(?:${DE_WORD}|eine)(?:${S}${DE_SCALE})?|(?:eine[mnr]?|ein)${S}${DE_SCALE})`
const FR_WORD = `(?:${[...Object.keys(FR.add), ...FR.hundred, 'mille', 'millions', 'million', 'milliards', 'milliard', 'douzaines', 'douzaine'].sort((a, b) => b.length - a.length).join('|')})`
const FR_NUM = `(?:${FR_WORD}(?:(?:[\\s\\u00A0-]+et(?=[\\s\\u00A0-]+(?:un|une|onze)${E}))?[\\s\\u00A0-]+${FR_WORD})*)`

const NUMBER: Record<Lang, string> = { en: EN_NUM, de: DE_NUM, fr: FR_NUM }

const PERCENT: Record<Lang, string> = {
  en: `(?:(?:${S})?%|${S}per(?:${S})?cent${E}|${S}percent${E})`,
  de: `(?:(?:${S})?%|${S}Prozent${E})`,
  fr: `(?:(?:${S})?%|${S}pour(?:${S})?cent${E}|${S}pourcent${E})`,
}

const DENOMINATORS: Record<Lang, string> = {
  en: '(?:halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twentieths?|hundredths?)',
  de: '(?:Drittel|Viertel|Fünftel|Sechstel|Siebtel|Achtel|Neuntel|Zehntel|Zwanzigstel|Hundertstel)n?',
  fr: '(?:tiers|quarts?|cinquièmes?|sixièmes?|septièmes?|huitièmes?|neuvièmes?|dixièmes?|vingtièmes?|centièmes?)',
}
const DENOMINATOR_VALUE: Record<string, number> = {
  half: 2, halves: 2, third: 3, quarter: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, twentieth: 20, hundredth: 100,
  drittel: 3, viertel: 4, fünftel: 5, sechstel: 6, siebtel: 7, achtel: 8, neuntel: 9, zehntel: 10, zwanzigstel: 20, hundertstel: 100,
  tiers: 3, quart: 4, cinquième: 5, sixième: 6, septième: 7, huitième: 8, neuvième: 9, dixième: 10, vingtième: 20, centième: 100,
}
const ARTICLE_ONE: Record<Lang, string> = { en: '(?:an?|one)', de: '(?:ein|eine|einem|einen|einer|eines)', fr: '(?:un|une)' }

const APPROX: Record<Lang, string> = {
  en: `(?:(?:at${S}least|more${S}than|less${S}than|over|nearly|almost|about|around|roughly|just${S}over|just${S}under|under)${S})?`,
  de: `(?:(?:mindestens|mehr${S}als|weniger${S}als|über|fast|knapp|rund|etwa|gut|beinahe)${S})?`,
  fr: `(?:(?:au${S}moins|plus${S}de|moins${S}de|près${S}de|presque|environ|quasiment)${S})?`,
}

/** "half" as a share: "half of", "half the", "at least half"; not "the first half", "half-day". */
/** "half a million", "eine halbe Million", "un demi-million": a number, not a share. */
const HALF_SCALE: Record<Lang, string> = {
  en: `half${S}an?${S}(?<hs0>million|billion|thousand|dozen)`,
  de: `(?:eine[nmr]?|ein)${S}halbe[nmr]?${S}(?<hs0>Million|Milliarde|Dutzend)`,
  fr: `(?:un|une)${S}demi-(?<hs0>million|milliard|douzaine|millier)`,
}
const HALF_SCALE_VALUE: Record<string, number> = { million: 5e5, billion: 5e8, thousand: 500, dozen: 6, milliarde: 5e8, dutzend: 6, milliard: 5e8, douzaine: 6, millier: 500 }

const HALF: Record<Lang, string> = {
  en: `(?<!(?:first|second|the|latter|other)${S})${APPROX.en}half(?=${S}(?:of|the|our|their|its|all|his|her|my|your)${E})`,
  de: `${APPROX.de}(?:die|der|zur)${S}Hälfte`,
  fr: `${APPROX.fr}(?:la|une)${S}moitié`,
}

/** "nine out of ten", "one in five", "neun von zehn", "une administration sur cinq". */
const OUT_OF: Record<Lang, string> = {
  en: `(?<n>NUM|${ARTICLE_ONE.en}|${INTEGER})${S}(?:out${S}of|in)${S}(?<d>NUM|${INTEGER})${E}`,
  de: `(?<n>NUM|${ARTICLE_ONE.de}|${INTEGER})${S}von${S}(?<d>NUM|${INTEGER})${E}`,
  fr: `(?<n>NUM|${ARTICLE_ONE.fr}|${INTEGER})(?:${S}(?!(?:millions?|milliards?|mille|euros?|de|d['’][${L}]*)${E})[${L}][${L}'’-]*){0,2}${S}sur${S}(?<d>NUM|${INTEGER})${E}`,
}

/** "jeder vierte", "jede fünfte Behörde": one in N. */
const EVERY_NTH_DE = `jede[rsnm]?${S}(?<nth>zweite|dritte|vierte|fünfte|sechste|siebte|achte|neunte|zehnte|zwanzigste|hundertste)[rsnm]?${E}`
const NTH_VALUE: Record<string, number> = { zweite: 2, dritte: 3, vierte: 4, fünfte: 5, sechste: 6, siebte: 7, achte: 8, neunte: 9, zehnte: 10, zwanzigste: 20, hundertste: 100 }

const MULTIPLIER: Record<Lang, string> = {
  en: [
    `(?:twice|thrice|(?:NUM|\\d+(?:[.,]\\d+)?)${S}times)${S}(?:as${S}(?:many|much|fast|large|big|quick|quickly|often|high|long|cheap|efficient|likely)|more|less|fewer|faster|slower|bigger|larger|smaller|cheaper|higher|lower|quicker|longer|greater|better)${E}`,
    `(?:doubl|tripl|trebl|quadrupl|quintupl)(?:ed|es|ing)${E}`,
    `halv(?:ed|ing)${E}`,
    `(?:NUM|\\d+)[\\s-]?fold${E}`,
  ].join('|'),
  de: [
    `(?:ver(?:doppel|doppl|dreifach|vierfach|fünffach|sechsfach|zehnfach|hundertfach|tausendfach)|halbier)[${L}]*`,
    `(?:doppelt|halb|(?:${DE_WORD}|\\d+)[\\s-]?mal)${S}so${S}[${L}]+`,
    `(?:${DE_WORD}|\\d+)-?(?:mal|fach(?:e[nrms]?)?)${E}`,
  ].join('|'),
  fr: [
    `(?:doubl|tripl|quadrupl|quintupl|décupl|centupl)(?:ée?s?|er|ent|ait|aient|ant|ement)${E}`,
    `multipli(?:ée?s?|er|ent|ait)${S}par${S}(?:NUM|\\d+(?:[.,]\\d+)?)${E}`,
    `(?:NUM|\\d+(?:[.,]\\d+)?)${S}fois${S}(?:plus|moins)${E}`,
  ].join('|'),
}
/** "×2", "x10": a multiplier sign before a small number (not "x86", "x64"). */
const TIMES_SIGN = `(?:×(?:${S})?\\d+(?:[.,]\\d+)?|x(?:[2-9]|1\\d|20))${E}`

const VAGUE: Record<Lang, string> = {
  en: [
    `(?:(?:tens|hundreds)${S}of${S})?(?:dozens|scores|hundreds|thousands|millions|billions)(?:${S}of)?${E}`,
    `(?:a${S}few|several|some|a${S}couple${S}of)${S}(?:dozen|hundred|thousand|million|billion)${E}`,
  ].join('|'),
  de: [
    `(?:Dutzende|Hunderte|Tausende|Zehntausende|Hunderttausende)n?${E}`,
    `(?:Millionen|Milliarden)(?=${S}(?:von${S})?[${UPPER}])`,
    `(?:millionen|milliarden|tausend|hundert)fach${E}`,
    `(?:mehrere|einige|ein${S}paar|etliche)${S}(?:hundert|tausend|Dutzend|Millionen|Milliarden)${E}`,
  ].join('|'),
  fr: `(?:des|plusieurs|quelques|une|quelque)${S}(?:dizaines?|centaines?|milliers?|millions|milliards)(?:${S}de${S}milliers)?(?:${S}d['’]|${S}de${E})?`,
}
/** "1,000s", "100s", "10,000s" (not decades: "the 1990s"). */
const DIGIT_PLURAL = `(?:1(?:0{2,})|1(?:0{0,2})(?:[,.'’]000)+)s${E}`
/** "3/4 of", "2/3 der", "3/4 des": a fraction before what it divides (not "24/7", "16:9"). */
const DIGIT_FRACTION = `(?<n>\\d{1,2})(?:${S})?/(?:${S})?(?<d>\\d{1,2})(?=${S}(?:of|der|des|aller|de|du|d['’]))`

const VAGUE_VALUE: Record<string, number> = {
  dozens: 24, scores: 40, hundreds: 200, thousands: 2e3, millions: 2e6, billions: 2e9,
  dutzende: 24, hunderte: 200, tausende: 2e3, zehntausende: 2e4, hunderttausende: 2e5, millionen: 2e6, milliarden: 2e9,
  dizaine: 10, dizaines: 20, centaine: 100, centaines: 200, millier: 1e3, milliers: 2e3,
}

interface Compiled {
  re: RegExp
  /** Only the numbers in words, sticky: the fallback at a position where a longer phrase failed. */
  words: RegExp
}
const compiled = new Map<Lang, Compiled>()

function patternFor(lang: Lang): Compiled {
  let c = compiled.get(lang)
  if (c) return c
  const num = NUMBER[lang]
  const sub = (s: string) => s.replaceAll('NUM', num)
  const parts = [
    `(?<halfscale>${HALF_SCALE[lang].replace('hs0', 'hs')})${E}`,
    `(?<share>(?<sn>${num}|${ARTICLE_ONE[lang]})[\\s\\u00A0-]+(?<sd>${DENOMINATORS[lang]})${E})`,
    `(?<half>${HALF[lang]})`,
    `(?<outof>${sub(OUT_OF[lang])})`,
    ...(lang === 'de' ? [`(?<every>${EVERY_NTH_DE})`] : []),
    `(?<fraction>${DIGIT_FRACTION})`,
    `(?<mult>${sub(MULTIPLIER[lang])}|${TIMES_SIGN})`,
    `(?<vague>${VAGUE[lang]}|${DIGIT_PLURAL})`,
    `(?<words>${num}(?<pct>${PERCENT[lang]})?)${E}`,
  ]
  // Named groups may appear once per pattern: number the inner ones of the repeated parts.
  let n = 0
  const source = parts.join('|').replace(/\(\?<(n|d)>/g, (_m, g: string) => `(?<${g}${n++}>`)
  c = { re: new RegExp(`${B}(?:${source})`, 'gi'), words: new RegExp(`${B}(?<words>${num}(?<pct>${PERCENT[lang]})?)${E}`, 'iy') }
  compiled.set(lang, c)
  return c
}

// ---------------------------------------------------------------------------------------------
// Reading matches
// ---------------------------------------------------------------------------------------------

function numberValue(text: string | undefined, lang: Lang): number | null {
  if (text === undefined) return null
  const t = text.trim()
  if (/^\d/.test(t)) return digitValue(t)
  if (new RegExp(`^${ARTICLE_ONE[lang]}$`, 'iu').test(t)) return 1
  return numberWordsValue(t, lang)
}

/** "12 000", "12,000", "12.000" are grouped; "1,5" and "2.5" decimals. */
function digitValue(t: string): number | null {
  const grouped = /^\d{1,3}([.,\s\u00A0\u202F'’])\d{3}(?:\1\d{3})*$/u.test(t)
  const n = Number(grouped ? t.replace(/[^\d]/g, '') : t.replace(/[\s\u00A0\u202F]/g, '').replace(',', '.'))
  return Number.isFinite(n) ? n : null
}

function groupValues(groups: Record<string, string | undefined>, prefix: string): Array<string | undefined> {
  return Object.entries(groups).filter(([k, v]) => v !== undefined && new RegExp(`^${prefix}\\d+$`).test(k)).map(([, v]) => v)
}

function isSentenceStart(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && /[\s"“„«‹([*•–—-]/u.test(text[i]!)) i--
  return i < 0 || /[.!?:;…\n]/u.test(text[i]!)
}

const ONE_OF_THE: Record<Lang, RegExp> = {
  en: /(?<!\p{L})(?:one|each|both|either|neither|any|none)[\s\u00A0]+of[\s\u00A0]+the[\s\u00A0]+$/iu,
  de: /(?<!\p{L})(?:eine[rsm]?|jede[rsm]?|keine[rsm]?)[\s\u00A0]+der[\s\u00A0]+$/iu,
  fr: /(?<!\p{L})(?:l['’]une?|chacune?|aucune?)[\s\u00A0]+des[\s\u00A0]+$/iu,
}

const HYPHEN_COMPOUND = /^[-‐‑]\p{L}/u

function read(m: RegExpExecArray, text: string, lang: Lang): PhraseFigure | null {
  const g = m.groups ?? {}
  const start = m.index
  const matched = m[0]
  const end = start + matched.length
  const figure = (kind: PhraseKind, value: number, percent = false): PhraseFigure => ({ kind, text: matched, start, end, value, percent })
  if (g.share !== undefined) {
    const n = numberValue(g.sn, lang)
    const d = DENOMINATOR_VALUE[g.sd!.toLowerCase().replace(/s$/u, '').replace(/n$/u, '')] ?? DENOMINATOR_VALUE[g.sd!.toLowerCase()]
    if (n === null || d === undefined) return null
    // "a third party", "un tiers de confiance": a singular ordinal, not a share, unless "of" follows.
    const singular = n === 1 && lang !== 'de'
    const after = text.slice(end, end + 20)
    const by = /(?:^|[^\p{L}])(?:by|de|d['’]|par)[\s\u00A0]*$/iu.test(text.slice(Math.max(0, start - 6), start))
    if (singular && !by && !/^[\s\u00A0]+(?:of|de|des|du|d['’])(?![\p{L}])|^\s*(?:[.,;:!?)]|$)/u.test(after)) return null
    if (lang === 'fr' && /^[\s\u00A0]+de[\s\u00A0]+confiance/u.test(after)) return null
    return figure('share', n / d)
  }
  if (g.half !== undefined) return figure('share', 0.5)
  if (g.halfscale !== undefined) return figure('words', HALF_SCALE_VALUE[(g.hs ?? '').toLowerCase()] ?? 0.5)
  if (g.outof !== undefined) {
    const [n, d] = [...groupValues(g, 'n'), ...groupValues(g, 'd')].map((v) => numberValue(v, lang))
    if (n == null || d == null || !(n < d) || d > 1000) return null
    return figure('share', n / d)
  }
  if (g.every !== undefined && g.nth !== undefined) return figure('share', 1 / (NTH_VALUE[g.nth.toLowerCase().replace(/[rsnm]$/u, '')] ?? NTH_VALUE[g.nth.toLowerCase()] ?? 1))
  if (g.fraction !== undefined) {
    const [n, d] = [...groupValues(g, 'n'), ...groupValues(g, 'd')].map(Number)
    if (!(n! > 0 && n! < d!)) return null
    return figure('share', n! / d!)
  }
  if (g.mult !== undefined) {
    const factor = multiplierValue(matched, lang)
    return factor === null ? null : figure('multiplier', factor)
  }
  if (g.vague !== undefined) {
    const digits = /^\d[\d,.'’]*/.exec(matched)?.[0]
    const noun = matched.toLowerCase().split(/[\s\u00A0]+/u).find((w) => VAGUE_VALUE[w] !== undefined || /fach$/u.test(w))
    return figure('vague', digits ? Number(digits.replace(/[,.'’]/g, '')) : (VAGUE_VALUE[noun ?? ''] ?? 1))
  }
  if (g.words !== undefined) {
    const words = g.words.slice(0, g.words.length - (g.pct?.length ?? 0))
    const value = numberWordsValue(words, lang)
    if (value === null || value < 2) return null
    // A name ("Channel Four", "les Quatre Saisons"), except at the start of a sentence.
    if (/^\p{Lu}/u.test(matched) && lang !== 'de' && !isSentenceStart(text, start)) return null
    if (lang === 'de' && /^\p{Lu}/u.test(matched) && !isSentenceStart(text, start) && !/^(?:Tausend|Hundert)/u.test(matched)) return null
    // "one of the two", "l'un des deux", "einer der drei": the number names a known set, it counts nothing new.
    if (ONE_OF_THE[lang].test(text.slice(Math.max(0, start - 24), start))) return null
    // "two-factor", "Zwei-Faktor-Authentifizierung", "deux-roues": a kind of thing, not a count.
    if (HYPHEN_COMPOUND.test(text.slice(end, end + 2)) || /[-‐‑]$/u.test(text.slice(Math.max(0, start - 1), start))) return null
    // French "neuf" is also "new": "un serveur neuf", "tout neuf", "à neuf".
    if (lang === 'fr' && /^neuf$/iu.test(words.trim())) {
      const after = text.slice(end, end + 6)
      if (!/^[\s\u00A0]+\p{L}/u.test(after) || /^[\s\u00A0]+(?:et|ou)(?!\p{L})/u.test(after) || /(?:tout|à|flambant)[\s\u00A0]+$/iu.test(text.slice(Math.max(0, start - 10), start))) return null
    }
    return figure('words', value, g.pct !== undefined)
  }
  return null
}

/** Verbs and adverbs of growth by their factor: "doubled", "verdreifacht", "quadruplé", "halved". */
const MULTIPLIER_STEMS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:twice|doubl|verdoppel|verdoppl|doppelt)/u, 2], [/^(?:thrice|tripl|trebl|verdreifach)/u, 3], [/^(?:quadrupl|vervierfach)/u, 4],
  [/^(?:quintupl|verfünffach)/u, 5], [/^versechsfach/u, 6], [/^(?:décupl|verzehnfach)/u, 10], [/^(?:centupl|verhundertfach)/u, 100],
  [/^vertausendfach/u, 1000], [/^(?:halv|halbier|halb\s)/u, 0.5],
]

function multiplierValue(matched: string, lang: Lang): number | null {
  const lower = matched.toLowerCase()
  for (const [stem, value] of MULTIPLIER_STEMS) if (stem.test(lower)) return value
  const digits = /\d[\d.,\s\u00A0]*\d|\d/u.exec(lower)?.[0]
  if (digits) return digitValue(digits.trim())
  // "multiplié par cinq": the factor follows; otherwise it leads ("five times", "zehnmal", "tenfold").
  const words = /par[\s\u00A0]+(.+)$/u.exec(lower)?.[1] ?? lower.replace(/[\s\u00A0-]*(?:times|fold|fois|mal|fach)[\s\S]*$/u, '')
  const value = numberWordsValue(words, lang)
  return value !== null && value >= 2 ? value : null
}

/** Figures in words and proportions, sorted and non-overlapping (the longest at each start wins). */
export function findPhraseFigures(text: string, lang: Lang): PhraseFigure[] {
  const { re, words } = patternFor(lang)
  const found: PhraseFigure[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let figure = read(m, text, lang)
    if (!figure && m.groups?.words === undefined) {
      // A phrase that is not a share or a multiplier after all ("five in 2024") may still start
      // with a number in words.
      words.lastIndex = m.index
      const w = words.exec(text)
      if (w) figure = read(w, text, lang)
    }
    if (figure) {
      found.push(figure)
      re.lastIndex = figure.end
    } else {
      // Not from inside the rejected words: "Four" of "Channel Four Thousand" rejects "Thousand" too.
      words.lastIndex = m.index
      re.lastIndex = Math.max(m.index + 1, words.exec(text) ? words.lastIndex : 0)
    }
  }
  return found
}
