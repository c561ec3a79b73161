// The labelled detection corpus (corpus/detection/*.jsonl, see its README) and how the detectors
// are scored on it: shared by scripts/bench/lint-quality.ts and the quality test beside it.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { findFigures } from '#app/core/figures'
import { LANGS, type Lang } from '#app/core/lang'
import { findMarketing } from '#app/core/marketing'

export const FIGURE_KINDS = ['num', 'money', 'pct', 'word', 'share', 'mult', 'vague', 'range', 'unit'] as const
export const NON_FIGURE_KINDS = ['list', 'addr', 'phone', 'bits', 'ref', 'std', 'year', 'date', 'ver', 'prod'] as const
export const LANGUAGE_KINDS = ['P', 'T'] as const
const KINDS = new Set<string>([...FIGURE_KINDS, ...NON_FIGURE_KINDS, ...LANGUAGE_KINDS])

export interface Span {
  kind: string
  start: number
  end: number
}
export interface Sentence {
  lang: Lang
  style: string
  text: string
  spans: Span[]
}

const MARKUP = /\{([A-Za-z]+):([^{}]*)\}/g

/** "{word:five thousand} users" → the text "five thousand users" and its span. */
export function parseMarkup(marked: string): { text: string; spans: Span[] } {
  const spans: Span[] = []
  let text = ''
  let at = 0
  for (const m of marked.matchAll(MARKUP)) {
    const kind = m[1]!
    if (!KINDS.has(kind)) throw new Error(`unknown span kind "${kind}" in: ${marked}`)
    text += marked.slice(at, m.index)
    spans.push({ kind, start: text.length, end: text.length + m[2]!.length })
    text += m[2]!
    at = m.index! + m[0].length
  }
  text += marked.slice(at)
  if (/[{}]/.test(text)) throw new Error(`unbalanced markup in: ${marked}`)
  return { text, spans }
}

export function loadCorpus(): Sentence[] {
  const sentences: Sentence[] = []
  for (const lang of LANGS) {
    const file = fileURLToPath(new URL(`../../corpus/detection/${lang}.jsonl`, import.meta.url))
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue
      const row = JSON.parse(line) as { style: string; s: string }
      sentences.push({ lang, style: row.style, ...parseMarkup(row.s) })
    }
  }
  return sentences
}

export interface Counts {
  tp: number
  fp: number
  fn: number
}
export interface Scores extends Counts {
  precision: number
  recall: number
  f1: number
}
export function scores(c: Counts): Scores {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp)
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn)
  return { ...c, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }
}

export interface Detected {
  start: number
  end: number
  text: string
}
/** A detector of figures for one sentence: ours by default, another for the comparison. */
export type FigureDetector = (text: string, lang: Lang) => Detected[]
export const ourFigures: FigureDetector = (text, lang) => findFigures(text, lang)

export interface LanguageReport {
  figures: Scores
  /** Recall of each figure kind (what share of its spans were found). */
  figureKinds: Record<string, { spans: number; found: number; recall: number }>
  /** Non-figure spans reported as figures, per kind. */
  nonFigures: Record<string, { spans: number; reported: number }>
  promotional: Scores
  timeRelative: Scores
  /** Mistakes, for reading: missed and spurious spans. */
  errors: Array<{ what: 'missed' | 'spurious' | 'non-figure'; kind: string; text: string; sentence: string }>
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end

/**
 * Detections are matched to gold spans by overlap, one to one: a detection overlapping a figure
 * span finds it, one overlapping a non-figure span is a non-figure reported as a figure, one
 * overlapping nothing is a false positive. The same for promotional and time-relative spans.
 */
function matchSpans(gold: Span[], found: Detected[], counts: Counts, onMissed: (s: Span) => void, onSpurious: (d: Detected) => void, onFound?: (s: Span) => void): void {
  const used = new Set<Span>()
  for (const d of found) {
    const hit = gold.find((g) => !used.has(g) && overlaps(g, d))
    if (hit) {
      used.add(hit)
      counts.tp++
      onFound?.(hit)
    } else if (gold.some((g) => overlaps(g, d))) {
      // A second detection inside one span (a range read as two numbers) is neither new nor wrong.
      continue
    } else {
      counts.fp++
      onSpurious(d)
    }
  }
  for (const g of gold) {
    if (!used.has(g)) {
      counts.fn++
      onMissed(g)
    }
  }
}

export function evaluate(sentences: readonly Sentence[], lang: Lang, detectFigures: FigureDetector = ourFigures): LanguageReport {
  const figures: Counts = { tp: 0, fp: 0, fn: 0 }
  const promotional: Counts = { tp: 0, fp: 0, fn: 0 }
  const timeRelative: Counts = { tp: 0, fp: 0, fn: 0 }
  const figureKinds: LanguageReport['figureKinds'] = Object.fromEntries(FIGURE_KINDS.map((k) => [k, { spans: 0, found: 0, recall: 1 }]))
  const nonFigures: LanguageReport['nonFigures'] = Object.fromEntries(NON_FIGURE_KINDS.map((k) => [k, { spans: 0, reported: 0 }]))
  const errors: LanguageReport['errors'] = []
  for (const s of sentences) {
    if (s.lang !== lang) continue
    const figureGold = s.spans.filter((g) => (FIGURE_KINDS as readonly string[]).includes(g.kind))
    const nonFigureGold = s.spans.filter((g) => (NON_FIGURE_KINDS as readonly string[]).includes(g.kind))
    for (const g of figureGold) figureKinds[g.kind]!.spans++
    for (const g of nonFigureGold) nonFigures[g.kind]!.spans++
    const detected = detectFigures(s.text, lang)
    // Detections on a non-figure span are counted there, not as ordinary false positives.
    const onNonFigure = detected.filter((d) => !figureGold.some((g) => overlaps(g, d)) && nonFigureGold.some((g) => overlaps(g, d)))
    for (const d of onNonFigure) {
      const g = nonFigureGold.find((n) => overlaps(n, d))!
      nonFigures[g.kind]!.reported++
      figures.fp++
      errors.push({ what: 'non-figure', kind: g.kind, text: d.text, sentence: s.text })
    }
    matchSpans(
      figureGold,
      detected.filter((d) => !onNonFigure.includes(d)),
      figures,
      (g) => errors.push({ what: 'missed', kind: g.kind, text: s.text.slice(g.start, g.end), sentence: s.text }),
      (d) => errors.push({ what: 'spurious', kind: 'figure', text: d.text, sentence: s.text }),
      (g) => figureKinds[g.kind]!.found++,
    )
    const marketing = findMarketing(s.text, lang)
    matchSpans(
      s.spans.filter((g) => g.kind === 'P'),
      marketing.filter((m) => m.category !== 'time-relative'),
      promotional,
      (g) => errors.push({ what: 'missed', kind: 'P', text: s.text.slice(g.start, g.end), sentence: s.text }),
      (d) => errors.push({ what: 'spurious', kind: 'P', text: d.text, sentence: s.text }),
    )
    matchSpans(
      s.spans.filter((g) => g.kind === 'T'),
      marketing.filter((m) => m.category === 'time-relative'),
      timeRelative,
      (g) => errors.push({ what: 'missed', kind: 'T', text: s.text.slice(g.start, g.end), sentence: s.text }),
      (d) => errors.push({ what: 'spurious', kind: 'T', text: d.text, sentence: s.text }),
    )
  }
  for (const k of Object.values(figureKinds)) k.recall = k.spans === 0 ? 1 : k.found / k.spans
  return { figures: scores(figures), figureKinds, nonFigures, promotional: scores(promotional), timeRelative: scores(timeRelative), errors }
}
