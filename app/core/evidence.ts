import type { DocNode } from './content'
import { monthsSince } from './format'
import { flattenDoc } from './plain-text'

/** Default age after which a figure carries a "may be outdated" badge (configurable). */
export const DEFAULT_MAX_FIGURE_AGE_MONTHS = 18

export function isOutdated(asOf: string | null, now: Date, maxMonths = DEFAULT_MAX_FIGURE_AGE_MONTHS): boolean {
  if (!asOf) return false
  const months = monthsSince(asOf, now)
  return months !== null && months > maxMonths
}

interface Located {
  ordinal: number
  start: number
  end: number
  metric: string | null
}

/**
 * Figures that share a table row but measure different things (registered users next to daily
 * active users): putting them side by side invites a comparison the numbers cannot support.
 */
export function notComparableFigures(body: DocNode, figures: readonly Located[]): Set<number> {
  const flat = flattenDoc(body)
  const result = new Set<number>()
  let blockIndex = 0
  const visit = (node: DocNode): void => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      blockIndex++
      return
    }
    if (node.type === 'tableRow') {
      const first = blockIndex
      for (const child of node.content ?? []) visit(child)
      const start = flat.blocks[first]?.start ?? 0
      const end = flat.blocks[blockIndex - 1]?.end ?? start
      const inRow = figures.filter((f) => f.start >= start && f.end <= end && f.metric)
      const metrics = new Set(inRow.map((f) => normaliseMetric(f.metric!)))
      if (metrics.size > 1) for (const f of inRow) result.add(f.ordinal)
      return
    }
    for (const child of node.content ?? []) visit(child)
  }
  visit(body)
  return result
}

function normaliseMetric(metric: string): string {
  return metric.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}
