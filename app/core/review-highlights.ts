import type { Finding } from './analyse'
import type { DocNode } from './content'
import type { MarketingCategory } from './marketing'
import { flattenDoc } from './plain-text'
import type { HighlightRange } from './render-html'
import type { BlockHighlight } from './revision-diff'

/** What each highlight says, in the moderator's UI language (the suggestion stays in the content's). */
export interface HighlightLabels {
  uncited: string
  mismatch: string
  marketing: (category: MarketingCategory, suggestion: string) => string
  /** Figures of metrics that cannot be compared, set side by side (decision 026). */
  metricMismatch?: string
}

type FindingLike = Pick<Finding, 'kind' | 'field' | 'start' | 'end' | 'category' | 'message'>

/**
 * Every finding of a revision's body as a highlight range for `renderBody`: uncited figures,
 * figures whose quote does not show them, and promotional language with its category and
 * suggestion (as a tooltip and as text for screen readers). Cited figures are not highlighted:
 * they render as evidence buttons, which is what "a verifiable claim with evidence" looks like.
 * Drawn from the findings of `analyseContent`, so the page shows what the editor and the lint API say.
 */
export function reviewHighlights(findings: readonly FindingLike[], labels: HighlightLabels): HighlightRange[] {
  const ranges: HighlightRange[] = []
  for (const f of findings) {
    if (f.field !== 'body' || f.start === null || f.end === null) continue
    if (f.kind === 'uncited-figure') ranges.push({ start: f.start, end: f.end, className: 'hl-uncited', title: labels.uncited, label: labels.uncited })
    else if (f.kind === 'quote-mismatch') ranges.push({ start: f.start, end: f.end, className: 'hl-mismatch', title: labels.mismatch, label: labels.mismatch })
    else if (f.kind === 'metric-mismatch' && labels.metricMismatch) ranges.push({ start: f.start, end: f.end, className: 'hl-metric', title: f.message, label: labels.metricMismatch })
    else if (f.kind === 'marketing' && f.category !== null) {
      const label = labels.marketing(f.category, f.message)
      ranges.push({ start: f.start, end: f.end, className: 'hl-marketing', title: label, label })
    }
  }
  return ranges.sort((a, b) => a.start - b.start)
}

/**
 * The same highlights by text block, for the diff against the stable revision
 * (`renderBodyDiff`'s `highlights`): offsets become relative to each block of `body`, looked up by
 * its node object, so the diff must be computed from this very `body`.
 */
export function highlightsByBlock(body: DocNode, ranges: readonly HighlightRange[]): (block: DocNode) => BlockHighlight[] {
  const byBlock = new Map<DocNode, BlockHighlight[]>()
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  let first = 0
  for (const block of flattenDoc(body).blocks) {
    while (first < sorted.length && sorted[first]!.end <= block.start) first++
    const inside: BlockHighlight[] = []
    for (let i = first; i < sorted.length && sorted[i]!.start < block.end; i++) {
      const r = sorted[i]!
      if (r.end <= block.start) continue
      inside.push({ start: Math.max(r.start, block.start) - block.start, end: Math.min(r.end, block.end) - block.start, className: r.className, title: r.title, label: r.label ?? r.title })
    }
    if (inside.length > 0) byBlock.set(block.node, inside)
  }
  return (block) => byBlock.get(block) ?? []
}

export interface Segment<T> {
  text: string
  mark: T | null
}

/** Cuts a short text (a title, a summary) into plain and marked segments; overlapping ranges keep the first. */
export function splitByRanges<T extends { start: number | null; end: number | null }>(text: string, ranges: readonly T[]): Segment<T>[] {
  const sorted = ranges
    .filter((r): r is T & { start: number; end: number } => r.start !== null && r.end !== null && r.start < r.end && r.end <= text.length && r.start >= 0)
    .sort((a, b) => a.start - b.start)
  const segments: Segment<T>[] = []
  let at = 0
  for (const r of sorted) {
    if (r.start < at) continue
    if (r.start > at) segments.push({ text: text.slice(at, r.start), mark: null })
    segments.push({ text: text.slice(r.start, r.end), mark: r })
    at = r.end
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: null })
  return segments
}

export { referencedSourceIds } from './source-refs'
