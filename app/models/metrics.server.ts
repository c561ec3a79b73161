import { areComparable, metricRegistry, QUANTITIES, type Metric, type MetricRegistry, type Quantity } from '#app/core/metrics'
import type { MetricsTable } from '#db/schema'
import type { DB } from './db.server'
import { stablePageOf } from './stable-pages.server'

/** The metric registry (decision 026): a few dozen rows, read whole. */

function toMetric(row: MetricsTable): Metric {
  let comparableWith: string[] = []
  try {
    const parsed: unknown = JSON.parse(row.comparable_with)
    if (Array.isArray(parsed)) comparableWith = parsed.filter((s): s is string => typeof s === 'string')
  } catch {
    // A broken list compares with nothing but itself, the registry's default.
  }
  return {
    slug: row.slug,
    name: { en: row.name_en, de: row.name_de, fr: row.name_fr },
    definition: { en: row.definition_en, de: row.definition_de, fr: row.definition_fr },
    unit: { en: row.unit_en, de: row.unit_de, fr: row.unit_fr },
    quantity: (QUANTITIES as readonly string[]).includes(row.quantity) ? (row.quantity as Quantity) : 'count',
    comparableWith,
  }
}

/** Every registered metric, by slug. */
export async function listMetrics(db: DB): Promise<Metric[]> {
  const rows = await db.selectFrom('metrics').selectAll().orderBy('slug').execute()
  return rows.map(toMetric)
}

export async function getMetric(db: DB, slug: string): Promise<Metric | null> {
  const row = await db.selectFrom('metrics').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row ? toMetric(row) : null
}

/** The registry as the analysis reads it (which metrics exist, which compare). */
export async function loadMetricRegistry(db: DB): Promise<MetricRegistry & { all: readonly Metric[] }> {
  return metricRegistry(await listMetrics(db))
}

/** Whether figures of the two metrics may be set side by side (app/core/metrics.ts). */
export async function metricsComparable(db: DB, a: string, b: string): Promise<boolean> {
  if (a === b) return true
  const [ma, mb] = await Promise.all([getMetric(db, a), getMetric(db, b)])
  return areComparable(metricRegistry([ma, mb].filter((m): m is Metric => m !== null)), a, b)
}

/** A figure using a metric, with the page whose stable revision cites it. */
interface MetricFigure {
  pageSlug: string
  pageTitle: string
  pageKind: string
  text: string
  product: string | null
  asOf: string | null
}

/** Figures a metric's page reads per window of its walk (see figuresUsingMetric). */
const METRIC_WINDOW = 500

/**
 * Figures in stable revisions that use a metric, newest revision first: page slug and title, with
 * the figure's text. Walks the (metric, revision) index (migration 0105) a window at a time and
 * probes each figure's page, so fifty cost the same however many revisions ever used the metric.
 * The window is a subquery with its own LIMIT: joined directly, SQLite's planner expected 260,000
 * figures per metric and built a Bloom filter over all 100,000 pages first (64 ms, not 0.3).
 */
export async function figuresUsingMetric(db: DB, slug: string, limit = 50, window = METRIC_WINDOW): Promise<MetricFigure[]> {
  const page = stablePageOf(db, 'f')
  const found: MetricFigure[] = []
  let after: { revisionId: string; ordinal: number } | null = null
  while (found.length < limit) {
    let walk = db.selectFrom('figures').where('metric', '=', slug)
    if (after) {
      const { revisionId, ordinal } = after
      walk = walk.where((eb) => eb.or([eb('revision_id', '<', revisionId), eb.and([eb('revision_id', '=', revisionId), eb('ordinal', '>', ordinal)])]))
    }
    walk = walk.orderBy('revision_id', 'desc').orderBy('ordinal')
    const [rows, end] = await Promise.all([
      db
        .selectFrom(walk.select(['revision_id', 'ordinal', 'text', 'product', 'as_of']).limit(window).as('f'))
        .crossJoin(page.table)
        .where(page.on)
        .select(['p.slug', 'p.title', 'p.kind', 'f.text', 'f.product', 'f.as_of'])
        .orderBy('f.revision_id', 'desc')
        .orderBy('f.ordinal')
        .limit(limit - found.length)
        .execute(),
      // The window's last figure: where the next window starts, if this one was full.
      walk.select(['revision_id', 'ordinal']).limit(1).offset(window - 1).executeTakeFirst(),
    ])
    found.push(...rows.map((r) => ({ pageSlug: r.slug, pageTitle: r.title, pageKind: r.kind, text: r.text, product: r.product, asOf: r.as_of })))
    if (!end) break
    after = { revisionId: end.revision_id, ordinal: Number(end.ordinal) }
  }
  return found
}
