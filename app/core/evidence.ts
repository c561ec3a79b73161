import type { DocNode } from './content'
import { monthsSince } from './format'
import { findMetricMismatches } from './metric-mismatch'
import { metricRegistry, type MetricRegistry } from './metrics'
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
 * The figures readers see marked "not comparable": those set beside figures of a metric they
 * cannot be compared with, in one sentence, table row or column — the same rule as the
 * `metric-mismatch` finding (app/core/metric-mismatch.ts), so the editor, the moderator and the
 * reader agree. Without a registry, metrics are compared by their words.
 */
export function notComparableFigures(body: DocNode, figures: readonly Located[], registry: MetricRegistry = metricRegistry([])): Set<number> {
  const flat = flattenDoc(body)
  const byStart = new Map(figures.map((f) => [f.start, f.ordinal]))
  const located = figures.flatMap((f) => (f.metric ? [{ start: f.start, end: f.end, text: '', metric: f.metric }] : []))
  return new Set(findMetricMismatches(flat, located, registry).map((m) => byStart.get(m.start)!))
}
