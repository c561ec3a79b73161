import type { Lang } from './lang'

/**
 * The metric registry (DESIGN.md, "Facts beyond the text"; decision 026): what a number counts,
 * defined in EN/DE/FR so that a reader can check a figure's source against the definition. A
 * figure mark names a metric by its slug; any other value is an unregistered metric, which must
 * come with a written definition and is a finding for the moderator.
 */

type Localized = Record<Lang, string>

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
  if (a === b || normaliseMetric(a) === normaliseMetric(b)) return true
  const ma = registry.get(a)
  const mb = registry.get(b)
  if (!ma || !mb) return false
  return ma.comparableWith.includes(b) || mb.comparableWith.includes(a)
}

/**
 * Whether a reader could take figures of `a` and `b` for measures of the same thing: registered
 * metrics of one kind of quantity. An unregistered metric has no kind; it is read by its words
 * (revisions from before the registry carry free text): "registered users" and "monthly active
 * users" name the same kind of thing, "requests" and "years" do not.
 */
export function couldBeConfused(registry: MetricRegistry, a: string, b: string): boolean {
  const ma = registry.get(a)
  const mb = registry.get(b)
  if (ma && mb) return ma.quantity === mb.quantity
  const words = wordsOf(mb ?? b)
  return [...wordsOf(ma ?? a)].some((w) => words.has(w))
}

function normaliseMetric(metric: string): string {
  return metric.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** Words too common to say two metrics count the same kind of thing. */
const FUNCTION_WORDS = new Set([
  'with', 'from', 'that', 'this', 'than', 'into', 'over', 'only', 'also', 'each', 'total', 'defined', 'further',
  'nicht', 'oder', 'eine', 'einer', 'einem', 'einen', 'sind', 'wird', 'über', 'insgesamt',
  'pour', 'dans', 'avec', 'sans', 'sont', 'plus', 'leur', 'leurs', 'être',
])

/** The significant words of a metric: of its text, or of a registered metric's slug and names. */
function wordsOf(metric: string | Metric): Set<string> {
  const text = typeof metric === 'string' ? metric : [metric.slug.replace(/-/g, ' '), metric.name.en, metric.name.de, metric.name.fr].join(' ')
  return new Set((normaliseMetric(text).match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 4 && !FUNCTION_WORDS.has(w)))
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
