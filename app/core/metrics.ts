import type { Lang } from './lang'

/**
 * The metric registry (DESIGN.md, "Facts beyond the text"; decision 026): what a number counts,
 * defined in EN/DE/FR so that a reader can check a figure's source against the definition. A
 * figure mark names a metric by its slug; any other value is an unregistered metric, which must
 * come with a written definition and is a finding for the moderator.
 */

export type Localized = Record<Lang, string>

/**
 * The kind of quantity a metric counts. Only figures of the same kind can be mistaken for one
 * another: "80,000 registered within 3 months" sets a count of accounts beside a duration, which
 * nobody reads as a comparison, while registered accounts beside daily active users is the
 * mismatch the finding exists for.
 */
export const QUANTITIES = ['people', 'activity', 'money', 'duration', 'share', 'count'] as const
export type Quantity = (typeof QUANTITIES)[number]

export interface Metric {
  slug: string
  name: Localized
  definition: Localized
  unit: Localized
  quantity: Quantity
  /** Other metrics its figures may be compared with (the relation is read both ways). */
  comparableWith: string[]
}

export const METRIC_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

export function isMetricSlugShape(value: string): boolean {
  return value.length <= 80 && METRIC_SLUG.test(value)
}

/** What the analysis needs to know about the registry; the models load it from `metrics`. */
export interface MetricRegistry {
  get(slug: string): Metric | undefined
}

export function metricRegistry(metrics: readonly Metric[]): MetricRegistry & { all: readonly Metric[] } {
  const bySlug = new Map(metrics.map((m) => [m.slug, m]))
  return { all: metrics, get: (slug) => bySlug.get(slug) }
}

/**
 * Whether figures of metrics `a` and `b` may be set side by side: the same metric, or one
 * declares the other comparable (none but itself by default). Unregistered metrics compare only
 * with the same written metric.
 */
export function areComparable(registry: MetricRegistry, a: string, b: string): boolean {
  if (a === b) return true
  const ma = registry.get(a)
  const mb = registry.get(b)
  if (!ma || !mb) return false
  return ma.comparableWith.includes(b) || mb.comparableWith.includes(a)
}

/**
 * Whether a reader could take figures of `a` and `b` for measures of the same thing: registered
 * metrics of one kind of quantity; any pair involving an unregistered metric, whose kind is unknown.
 */
export function couldBeConfused(registry: MetricRegistry, a: string, b: string): boolean {
  const ma = registry.get(a)
  const mb = registry.get(b)
  return !ma || !mb || ma.quantity === mb.quantity
}

/** The slugs a metric is comparable with, both ways, sorted. */
export function comparableSlugs(metrics: readonly Metric[], slug: string): string[] {
  const own = metrics.find((m) => m.slug === slug)?.comparableWith ?? []
  const declaredByOthers = metrics.filter((m) => m.comparableWith.includes(slug)).map((m) => m.slug)
  return [...new Set([...own, ...declaredByOthers])].filter((s) => s !== slug).sort()
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/**
 * Metrics matching a search in the cite dialog: every word must appear in the slug, or the name
 * or definition in any language (an editor may cite a French source on an English page). Names
 * matching come first.
 */
export function searchMetrics(metrics: readonly Metric[], query: string, lang: Lang): Metric[] {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...metrics].sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang))
  const scored: Array<{ metric: Metric; score: number }> = []
  for (const metric of metrics) {
    const names = fold([metric.slug, metric.name.en, metric.name.de, metric.name.fr].join(' '))
    const all = `${names} ${fold([metric.definition.en, metric.definition.de, metric.definition.fr].join(' '))}`
    if (!words.every((w) => all.includes(w))) continue
    scored.push({ metric, score: words.filter((w) => names.includes(w)).length })
  }
  return scored.sort((a, b) => b.score - a.score || a.metric.name[lang].localeCompare(b.metric.name[lang], lang)).map((s) => s.metric)
}
