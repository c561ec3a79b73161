import { isUndated } from '#app/core/as-of'
import { findConflicts, isVendorReported } from '#app/core/claims'
import { formatAsOf, formatNumber } from '#app/core/format'
import type { Translate } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { timelineSvg } from '#app/core/timeline-svg'
import type { ClaimRecord } from '#app/models/claims.server'
import { claimsStating, listConflicts, periodValues, productTimelines } from '#app/models/claims.server'
import type { FigureRecord } from '#app/models/evidence.server'
import { getProductsBySlugs } from '#app/models/products.server'
import type { DB } from '#app/models/db.server'
import { listMetrics } from '#app/models/metrics.server'
import { listClaimEvents, listUnverifiedClaims, type UnverifiedClaimView } from '#app/models/unverified-claims.server'

/** Points per metric on a product page: the page's cost stays flat however many claims gather. */
const POINTS_PER_METRIC = 24

interface TimelineRow {
  id: string
  value: string
  date: string
  undated: boolean
  vendor: boolean
  conflict: boolean
  href: string
  source: { title: string; publisher: string; url: string }
  /** Every page citing this same number from this same source (one point, several citations). */
  pages: { slug: string; title: string; lang: string; href: string }[]
  quote: string | null
}

export interface TimelineView {
  metric: string
  name: string
  definition: string | null
  total: number
  /** How many of the claims are shown (the latest ones); rows may be fewer, merging repeats. */
  shown: number
  svg: string
  rows: TimelineRow[]
}

/** Where a claim's evidence is read: its figure on the comparison, or (on a product's own text) its source. */
function evidenceHref(c: ClaimRecord): string {
  return c.page.kind === 'comparison' ? `/pages/${c.page.slug}#fig-${c.ordinal}` : c.source.url
}

function claimDateText(c: Pick<ClaimRecord, 'asOf' | 'undated' | 'source'>, lang: Lang, t: Translate): string {
  if (c.asOf) return formatAsOf(lang, c.asOf)
  const published = c.source.publishedAt?.slice(0, 7)
  return published ? t('claims.undated', { published: formatAsOf(lang, published) }) : t('claims.undatedNoDate')
}

/** A product's timelines: for each metric, the chart (SVG markup) and the same points as rows. */
export async function loadProductTimelines(db: DB, product: { slug: string; name: string }, lang: Lang, t: Translate): Promise<TimelineView[]> {
  const [timelines, metrics] = await Promise.all([productTimelines(db, product.slug, POINTS_PER_METRIC), listMetrics(db)])
  const bySlug = new Map(metrics.map((m) => [m.slug, m]))
  return timelines.map((timeline, index) => {
    const metric = bySlug.get(timeline.metric)
    const name = metric?.name[lang] ?? timeline.metric
    // The same number from the same source, cited on several pages, is one point with several
    // citations: the chart shows what sources say, not how often the wiki repeats it.
    const points: Array<{ claim: ClaimRecord; row: TimelineRow }> = []
    const byKey = new Map<string, TimelineRow>()
    for (const c of timeline.claims) {
      const key = `${c.value}\u0000${c.asOf ?? ''}\u0000${c.undated}\u0000${c.source.id}`
      const page = { slug: c.page.slug, title: c.page.title, lang: c.page.lang, href: c.page.kind === 'comparison' ? `/pages/${c.page.slug}` : `/products/${c.page.slug}` }
      const seen = byKey.get(key)
      if (seen) {
        if (!seen.pages.some((p) => p.slug === page.slug)) seen.pages.push(page)
        seen.conflict ||= c.conflict
        continue
      }
      const vendor = isVendorReported(c.source.kind)
      const row: TimelineRow = {
        id: c.id, value: c.text, date: claimDateText(c, lang, t), undated: c.undated, vendor, conflict: c.conflict, href: evidenceHref(c),
        source: { title: c.source.title, publisher: c.source.publisher, url: c.source.url }, quote: c.quote, pages: [page],
      }
      byKey.set(key, row)
      points.push({ claim: c, row })
    }
    const rows = points.map((p) => p.row)
    const svg = timelineSvg(
      points.map(({ claim: c, row }) => {
        const notes = [row.vendor ? t('claims.selfReported') : '', row.conflict ? t('claims.conflictShort') : ''].filter(Boolean).join(', ')
        return {
          id: c.id, date: c.sortDate, value: c.value, vendor: row.vendor, undated: c.undated, conflict: row.conflict, href: row.href,
          label: t('claims.pointLabel', { value: c.text, date: row.date, source: c.source.publisher || c.source.title, notes }),
        }
      }),
      { title: t('claims.chartTitle', { metric: name, product: product.name }), titleId: `timeline-${index}-title`, formatValue: (v) => formatNumber(lang, v), undatedLabel: t('claims.undatedAxis') },
    )
    return { metric: timeline.metric, name, definition: metric?.definition[lang] ?? null, total: timeline.total, shown: timeline.claims.length, svg, rows }
  })
}

export interface UnverifiedItem {
  id: string
  text: string
  seenAt: string
  seenAtUrl: string | null
  status: UnverifiedClaimView['status']
  product: { slug: string; name: string } | null
  metric: { slug: string; name: string } | null
  author: string
  createdAt: string
  settledBy: string | null
  settledAt: string | null
  note: string | null
  figure: { href: string; text: string; pageTitle: string; source: string | null } | null
  history: { id: string; action: string; actor: string; note: string | null; createdAt: string }[]
}

const URL_ONLY = /^https?:\/\/\S+$/i

/** Unverified claims as readers see them, with their history and names in the reader's language. */
export async function loadUnverifiedItems(db: DB, filters: Parameters<typeof listUnverifiedClaims>[1], limit: number, lang: Lang): Promise<{ items: UnverifiedItem[]; next: string | null }> {
  const [page, metrics] = await Promise.all([listUnverifiedClaims(db, filters, limit), listMetrics(db)])
  const events = await listClaimEvents(db, page.claims.map((c) => c.id))
  const bySlug = new Map(metrics.map((m) => [m.slug, m]))
  return {
    next: page.next,
    items: page.claims.map((c) => ({
      id: c.id, text: c.text, seenAt: c.seenAt, seenAtUrl: URL_ONLY.test(c.seenAt) ? c.seenAt : null, status: c.status,
      product: c.product ? { slug: c.product.slug, name: c.product.name ?? c.product.slug } : null,
      metric: c.metric ? { slug: c.metric, name: bySlug.get(c.metric)?.name[lang] ?? c.metric } : null,
      author: c.author, createdAt: c.createdAt, settledBy: c.settledBy, settledAt: c.settledAt, note: c.note,
      figure: c.figure ? { href: `/pages/${c.figure.page}#fig-${c.figure.ordinal}`, text: c.figure.text, pageTitle: c.figure.pageTitle, source: c.figure.source ? c.figure.source.publisher || c.figure.source.title : null } : null,
      history: (events.get(c.id) ?? []).map((e) => ({ id: e.id, action: e.action, actor: e.actor, note: e.note, createdAt: e.createdAt })),
    })),
  }
}

export interface ConflictView {
  key: string
  product: { slug: string; name: string }
  metric: { slug: string; name: string }
  period: string
  claims: { id: string; value: string; date: string; source: string; href: string; page: string }[]
  /** Claims in the conflict left out of `claims` (the product's page lists them all). */
  more: number
  /** `more` is a lower bound: counting stopped there. */
  moreAtLeast: boolean
}

/**
 * Published claims shown per conflict. A product cited by thousands of pages can have thousands in
 * one period; the moderator needs to see that the values disagree and where, not every page.
 */
const CLAIMS_SHOWN = 10

/** The pending revision's own figures are named `new-<ordinal>` among the published values' ids. */
const isOurs = (id: string) => id.startsWith('new-')

async function namesOf(db: DB, lang: Lang, productSlugs: readonly string[]): Promise<{ product: (slug: string) => string; metric: (slug: string) => string }> {
  const [metrics, products] = await Promise.all([listMetrics(db), getProductsBySlugs(db, productSlugs)])
  const metricName = new Map(metrics.map((m) => [m.slug, m.name[lang]]))
  return { product: (slug) => products.get(slug)?.name ?? slug, metric: (slug) => metricName.get(slug) ?? slug }
}

/** A published claim as a conflict lists it. */
function conflictRow(c: ClaimRecord, lang: Lang, t: Translate): ConflictView['claims'][number] {
  return { id: c.id, value: c.text, date: claimDateText(c, lang, t), source: c.source.publisher || c.source.title, href: evidenceHref(c), page: c.page.title }
}

/** The conflicts among published claims, named for moderators in their language. */
export async function loadConflicts(db: DB, lang: Lang, t: Translate): Promise<ConflictView[]> {
  const conflicts = await listConflicts(db)
  const names = await namesOf(db, lang, conflicts.map((c) => c.product))
  return conflicts.map((c) => ({
    key: `${c.product}-${c.metric}-${c.period}`,
    product: { slug: c.product, name: names.product(c.product) },
    metric: { slug: c.metric, name: names.metric(c.metric) },
    period: formatAsOf(lang, c.period),
    claims: c.claims.slice(0, CLAIMS_SHOWN).map((claim) => conflictRow(claim, lang, t)),
    more: Math.max(0, c.claims.length - CLAIMS_SHOWN),
    moreAtLeast: c.truncated,
  }))
}

/**
 * The conflicts a pending revision would create once published: its cited figures against the
 * published claims of other pages for the same product, metric and period.
 */
export async function loadPendingConflicts(db: DB, page: { id: string; slug: string; title: string }, revisionId: string, figures: readonly FigureRecord[], lang: Lang, t: Translate): Promise<ConflictView[]> {
  const mine = figures.filter((f) => f.cited && f.product && f.metric && f.value !== null && !isUndated(f.asOf) && f.asOf)
  if (mine.length === 0) return []
  const groups = [...new Map(mine.map((f) => [`${f.product}\u0000${f.metric}`, { product: f.product!, metric: f.metric! }])).values()]
  const names = await namesOf(db, lang, groups.map((g) => g.product))
  // Each product and metric is weighed on its own, all at once: the walks are many short queries.
  const perGroup = await Promise.all(groups.map(async (g) => {
    const result: ConflictView[] = []
    const ours = mine.filter((f) => f.product === g.product && f.metric === g.metric)
    const years = [...new Set(ours.map((f) => f.asOf!.slice(0, 4)).filter((y) => /^\d{4}$/.test(y)))]
    const theirs = new Map((await Promise.all(years.map((y) => periodValues(db, page.id, g, y)))).flat().map((v) => [`at-${v.asOf}-${v.value}`, v]))
    const values = [
      ...ours.map((f) => ({ id: `new-${f.ordinal}`, value: f.value!, asOf: f.asOf })),
      ...[...theirs].map(([id, v]) => ({ id, value: v.value, asOf: v.asOf })),
    ]
    for (const conflict of findConflicts(values)) {
      const mineShown = conflict.ids.filter(isOurs).map((id) => ours.find((f) => `new-${f.ordinal}` === id)!)
      const pairs = conflict.ids.filter((id) => !isOurs(id)).map((id) => theirs.get(id)!)
      if (mineShown.length === 0 || pairs.length === 0) continue
      // Values none of ours states first: they are the disagreement.
      const ourValues = new Set(mineShown.map((f) => f.value))
      const ordered = [...pairs.filter((v) => !ourValues.has(v.value)), ...pairs.filter((v) => ourValues.has(v.value))]
      const shown = await claimsStating(db, page.id, g, ordered, CLAIMS_SHOWN)
      result.push({
        key: `${g.product}-${g.metric}-${conflict.period}`,
        product: { slug: g.product, name: names.product(g.product) },
        metric: { slug: g.metric, name: names.metric(g.metric) },
        period: formatAsOf(lang, conflict.period),
        more: pairs.reduce((n, v) => n + v.count, 0) - shown.length,
        moreAtLeast: pairs.some((v) => v.capped),
        claims: [
          ...mineShown.map((f) => ({ id: `new-${f.ordinal}`, value: f.text, date: formatAsOf(lang, f.asOf!), source: '', href: `/pages/${page.slug}/revisions/${revisionId}#fig-${f.ordinal}`, page: page.title })),
          ...shown.map((c) => conflictRow(c, lang, t)),
        ],
      })
    }
    return result
  }))
  return perGroup.flat()
}
