import { sql } from 'kysely'
import { isUndated } from '#app/core/as-of'
import { findConflicts } from '#app/core/claims'
import type { DB } from './db.server'
import { newId, nowIso } from './ids.server'

/**
 * Claims (decision 027): rows derived from the cited figures of each page's stable revision that
 * name a product and a metric. Rebuilt for a page whenever its stable revision moves, like the
 * search and product indexes; conflict flags follow for every product and metric the page touched.
 */
export interface ClaimRecord {
  id: string
  product: string
  metric: string
  text: string
  value: number
  unit: string | null
  asOf: string | null
  undated: boolean
  sortDate: string
  conflict: boolean
  quote: string | null
  ordinal: number
  revisionId: string
  page: { slug: string; title: string; lang: string; kind: string }
  source: { id: string; title: string; publisher: string; kind: string; url: string; publishedAt: string | null }
}

const CHUNK = 60
/** Pages whose claims a rebuild reads in one query. */
const REBUILD_PAGES = 500

/** A figure's as-of as a claim stores it: a date, or undated (`figures.as_of` = 'undated', decision 026). */
function claimDate(asOf: string | null): { asOf: string | null; undated: boolean } {
  return isUndated(asOf) ? { asOf: null, undated: true } : { asOf, undated: false }
}

/** Replaces the page's claims with those of its stable revision (none when it has no stable revision). */
export async function indexClaims(db: DB, pageId: string): Promise<void> {
  const before = await db.selectFrom('claims').select(['product_slug', 'metric']).distinct().where('page_id', '=', pageId).execute()
  await db.deleteFrom('claims').where('page_id', '=', pageId).execute()
  const written = await writeClaims(db, [pageId])
  const groups = new Map<string, { product: string; metric: string }>()
  for (const g of [...before.map((b) => ({ product: b.product_slug, metric: b.metric })), ...written]) groups.set(`${g.product}\u0000${g.metric}`, g)
  for (const g of groups.values()) await refreshConflicts(db, g.product, g.metric)
}

/**
 * Writes the claims of these pages' stable revisions (the pages have none yet) and says which
 * products and metrics they name; their conflict flags are the caller's to refresh.
 */
async function writeClaims(db: DB, pageIds: string[]): Promise<Array<{ product: string; metric: string }>> {
  const figures = await db
    .selectFrom('figures')
    .innerJoin('pages', (join) => join.onRef('pages.stable_revision_id', '=', 'figures.revision_id'))
    .innerJoin('sources', 'sources.id', 'figures.source_id')
    .select([
      'pages.id as page_id', 'figures.revision_id', 'figures.ordinal', 'figures.text', 'figures.value', 'figures.unit', 'figures.metric', 'figures.as_of',
      'figures.quote', 'figures.product', 'sources.id as source_id', 'sources.published_at',
    ])
    .where('pages.id', 'in', pageIds)
    .where('figures.cited', '=', 1)
    .where('figures.product', 'is not', null)
    .where('figures.metric', 'is not', null)
    .where('figures.value', 'is not', null)
    .orderBy('pages.id')
    .orderBy('figures.ordinal')
    .execute()
  const rows = figures.map((f) => {
    const date = claimDate(f.as_of)
    return {
      id: newId(), page_id: f.page_id, revision_id: f.revision_id, ordinal: Number(f.ordinal), product_slug: f.product!, metric: f.metric!,
      text: f.text, value: Number(f.value), unit: f.unit, as_of: date.asOf, undated: date.undated ? 1 : 0,
      sort_date: date.asOf ?? (f.published_at ?? '').slice(0, 10), source_id: f.source_id, quote: f.quote, conflict: 0,
    }
  })
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('claims').values(rows.slice(i, i + CHUNK)).execute()
  return rows.map((r) => ({ product: r.product_slug, metric: r.metric }))
}

/** Sets the conflict flag on every claim of one product and metric (app/core/claims.ts decides). */
async function refreshConflicts(db: DB, product: string, metric: string): Promise<void> {
  const claims = await db.selectFrom('claims').select(['id', 'value', 'as_of', 'conflict']).where('product_slug', '=', product).where('metric', '=', metric).execute()
  const conflicting = new Set(findConflicts(claims.map((c) => ({ id: c.id, value: Number(c.value), asOf: c.as_of }))).flatMap((c) => c.ids))
  const changed = claims.filter((c) => (Number(c.conflict) === 1) !== conflicting.has(c.id))
  for (const flag of [0, 1]) {
    const ids = changed.filter((c) => conflicting.has(c.id) === (flag === 1)).map((c) => c.id)
    for (let i = 0; i < ids.length; i += CHUNK) await db.updateTable('claims').set({ conflict: flag }).where('id', 'in', ids.slice(i, i + CHUNK)).execute()
  }
}

/** Rebuilds every page's claims once (after migration 0051, or a restore from before it). */
export async function ensureClaimsIndex(db: DB): Promise<number> {
  const marker = await db.selectFrom('meta').select('value').where('key', '=', 'claims_indexed_at').executeTakeFirst()
  if (marker) return 0
  // Every page's claims first, then each product and metric's conflicts once: refreshing them
  // after each page, as a single save does, reads a popular product's claims once per page that
  // names it — hours at 100,000 pages.
  await db.deleteFrom('claims').execute()
  const published = await db.selectFrom('pages').select('id').where('stable_revision_id', 'is not', null).execute()
  for (let i = 0; i < published.length; i += REBUILD_PAGES) await writeClaims(db, published.slice(i, i + REBUILD_PAGES).map((p) => p.id))
  const groups = await db.selectFrom('claims').select(['product_slug', 'metric']).distinct().execute()
  for (const g of groups) await refreshConflicts(db, g.product_slug, g.metric)
  await db.insertInto('meta').values({ key: 'claims_indexed_at', value: nowIso() }).execute()
  return published.length
}

function baseQuery(db: DB) {
  return db
    .selectFrom('claims')
    .innerJoin('pages', 'pages.id', 'claims.page_id')
    .innerJoin('sources', 'sources.id', 'claims.source_id')
    .select([
      'claims.id', 'claims.product_slug', 'claims.metric', 'claims.text', 'claims.value', 'claims.unit', 'claims.as_of', 'claims.undated', 'claims.sort_date',
      'claims.conflict', 'claims.quote', 'claims.ordinal', 'claims.revision_id', 'pages.slug as page_slug', 'pages.title as page_title', 'pages.lang as page_lang',
      'pages.kind as page_kind', 'sources.id as source_id', 'sources.title as source_title', 'sources.publisher', 'sources.kind as source_kind', 'sources.url',
      'sources.published_at',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number]

function toRecord(r: Row): ClaimRecord {
  return {
    id: r.id, product: r.product_slug, metric: r.metric, text: r.text, value: Number(r.value), unit: r.unit, asOf: r.as_of, undated: Number(r.undated) === 1,
    sortDate: r.sort_date, conflict: Number(r.conflict) === 1, quote: r.quote, ordinal: Number(r.ordinal), revisionId: r.revision_id,
    page: { slug: r.page_slug, title: r.page_title, lang: r.page_lang, kind: r.page_kind },
    source: { id: r.source_id, title: r.source_title, publisher: r.publisher, kind: r.source_kind, url: r.url, publishedAt: r.published_at },
  }
}

export interface ClaimFilters {
  product?: string | null
  metric?: string | null
  /** The slug of the page the claim is cited on. */
  page?: string | null
  source?: string | null
  /** Claims as of this date or later (undated ones by their source's date). */
  since?: string | null
}

/** Where a page of claims ends: the sort key of its last claim. */
export type ClaimCursor = [product: string, metric: string, sortDate: string, id: string]

function encodeClaimCursor(c: ClaimRecord): string {
  return Buffer.from(JSON.stringify([c.product, c.metric, c.sortDate, c.id])).toString('base64url')
}

export function decodeClaimCursor(value: string): ClaimCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    if (Array.isArray(parsed) && parsed.length === 4 && parsed.every((p) => typeof p === 'string')) return parsed as ClaimCursor
  } catch {
    // not ours: the caller answers 400
  }
  return null
}

/**
 * Claims by product, metric and as-of (keyset pagination: `after` is the cursor of the previous
 * page's last claim), so a page costs the same however deep it is.
 */
export async function listClaims(db: DB, filters: ClaimFilters, page: { limit: number; after?: ClaimCursor | null }): Promise<{ claims: ClaimRecord[]; next: string | null }> {
  let query = baseQuery(db)
  if (filters.product) query = query.where('claims.product_slug', '=', filters.product)
  if (filters.metric) query = query.where('claims.metric', '=', filters.metric)
  if (filters.page) query = query.where('pages.slug', '=', filters.page)
  if (filters.source) query = query.where('claims.source_id', '=', filters.source)
  if (filters.since) query = query.where('claims.sort_date', '>=', filters.since)
  if (page.after) {
    const [p, m, d, id] = page.after
    query = query.where(sql<boolean>`(claims.product_slug, claims.metric, claims.sort_date, claims.id) > (${p}, ${m}, ${d}, ${id})`)
  }
  const rows = await query.orderBy('claims.product_slug').orderBy('claims.metric').orderBy('claims.sort_date').orderBy('claims.id').limit(page.limit + 1).execute()
  const claims = rows.slice(0, page.limit).map(toRecord)
  return { claims, next: rows.length > page.limit ? encodeClaimCursor(claims[claims.length - 1]!) : null }
}

export interface MetricTimeline {
  metric: string
  total: number
  /** The latest claims (by as-of), oldest first; at most the limit asked for. */
  claims: ClaimRecord[]
}

/**
 * A product's claims grouped by metric, each with its latest `perMetric` claims: the product page
 * reads a bounded number of rows however many claims a product gathers.
 */
export async function productTimelines(db: DB, product: string, perMetric: number): Promise<MetricTimeline[]> {
  const counts = await db
    .selectFrom('claims')
    .select(['metric', (eb) => eb.fn.countAll<number>().as('n')])
    .where('product_slug', '=', product)
    .groupBy('metric')
    .orderBy('metric')
    .execute()
  return Promise.all(
    counts.map(async (c) => {
      const rows = await baseQuery(db)
        .where('claims.product_slug', '=', product)
        .where('claims.metric', '=', c.metric)
        .orderBy('claims.sort_date', 'desc')
        .orderBy('claims.id', 'desc')
        .limit(perMetric)
        .execute()
      return { metric: c.metric, total: Number(c.n), claims: rows.map(toRecord).reverse() }
    }),
  )
}

export interface ConflictGroup {
  product: string
  metric: string
  period: string
  claims: ClaimRecord[]
  /** The read stopped inside this product and metric: it has more claims in conflict than `claims`. */
  truncated: boolean
}

/** Conflicts among the published claims, for moderators, from the first `limit` claims in conflict (by product, metric, as-of). */
export async function listConflicts(db: DB, limit = 200): Promise<ConflictGroup[]> {
  const rows = (await baseQuery(db).where('claims.conflict', '=', 1).orderBy('claims.product_slug').orderBy('claims.metric').orderBy('claims.sort_date').orderBy('claims.id').limit(limit + 1).execute()).map(toRecord)
  const cut = rows.length > limit ? rows.pop()! : null
  const key = (c: ClaimRecord) => `${c.product}\u0000${c.metric}`
  const groups = new Map<string, ClaimRecord[]>()
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r])
  const result: ConflictGroup[] = []
  for (const [k, claims] of groups) {
    for (const conflict of findConflicts(claims.map((c) => ({ id: c.id, value: c.value, asOf: c.asOf })))) {
      result.push({ product: claims[0]!.product, metric: claims[0]!.metric, period: conflict.period, claims: conflict.ids.map((id) => claims.find((c) => c.id === id)!), truncated: cut !== null && key(cut) === k })
    }
  }
  return result
}

/** Claims a count reads at most before it says "more than": a moderator weighs 1,000 and 40,000 alike. */
const COUNT_CAP = 1000
/** Distinct dates and values a year's walk visits at most (real products have a handful). */
const PERIOD_STEPS = 400

/** One value of one date among published claims, with how many claims state it. */
export interface PeriodValue {
  asOf: string
  value: number
  count: number
  /** The count stopped at COUNT_CAP: there are at least that many. */
  capped: boolean
}

/**
 * The distinct (as-of, value) pairs among the published claims of a product and metric dated in
 * `year`, on other pages than `pageId`, each with how many claims state it. Every period a
 * figure's conflicts can involve lies inside its year. The walk goes through the claims_period
 * index (migration 0106) one pair at a time, and counts each within the index, up to COUNT_CAP:
 * a year cited by 40,000 pages with three values costs a few seeks, where reading the claims
 * cost 1.7 s.
 */
export async function periodValues(db: DB, pageId: string, group: { product: string; metric: string }, year: string): Promise<PeriodValue[]> {
  const claims = db.selectFrom('claims').where('product_slug', '=', group.product).where('metric', '=', group.metric)
  const next = String(Number(year) + 1)
  // The page's own published claims are what the pending revision replaces: left out of the counts.
  const pair = (asOf: string | null, value: number) => `${asOf}\u0000${value}`
  const own = new Map<string, number>()
  for (const c of await claims.select(['as_of', 'value']).where('page_id', '=', pageId).execute()) own.set(pair(c.as_of, Number(c.value)), (own.get(pair(c.as_of, Number(c.value))) ?? 0) + 1)
  const result: PeriodValue[] = []
  let date: string | null = null
  for (let steps = 0; steps < PERIOD_STEPS; steps++) {
    const at: { as_of: string | null } | undefined = await claims.select('as_of').where('as_of', date === null ? '>=' : '>', date ?? year).where('as_of', '<', next).orderBy('as_of').limit(1).executeTakeFirst()
    if (!at?.as_of) break
    date = at.as_of
    let value: number | null = null
    for (; steps < PERIOD_STEPS; steps++) {
      const found: { value: number } | undefined = await (value === null ? claims : claims.where('value', '>', value)).select('value').where('as_of', '=', date).orderBy('value').limit(1).executeTakeFirst()
      if (!found) break
      value = Number(found.value)
      const mine = own.get(pair(date, value)) ?? 0
      const limit = COUNT_CAP + mine
      const counted = await db
        .selectFrom(claims.select(sql<number>`1`.as('one')).where('as_of', '=', date).where('value', '=', value).limit(limit).as('capped'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      const n = Number(counted.n)
      if (n > mine) result.push({ asOf: date, value, count: n - mine, capped: n === limit })
    }
  }
  return result
}

/**
 * Published claims of a product and metric stating these (as-of, value) pairs, on other pages
 * than `pageId`: at most `limit`, taken from the pairs in the order given.
 */
export async function claimsStating(db: DB, pageId: string, group: { product: string; metric: string }, pairs: readonly { asOf: string; value: number }[], limit: number): Promise<ClaimRecord[]> {
  const result: ClaimRecord[] = []
  for (const pair of pairs) {
    if (result.length >= limit) break
    const rows = await baseQuery(db)
      .where('claims.product_slug', '=', group.product)
      .where('claims.metric', '=', group.metric)
      .where('claims.as_of', '=', pair.asOf)
      .where('claims.value', '=', pair.value)
      .where('claims.page_id', '!=', pageId)
      .orderBy('claims.id')
      .limit(limit - result.length)
      .execute()
    result.push(...rows.map(toRecord))
  }
  return result
}

/** The first claim on a page with this figure text and metric (the demo settles its claims by it). */
export async function findClaimByText(db: DB, where: { pageSlug: string; text: string; metric: string }): Promise<{ pageId: string; revisionId: string; ordinal: number; text: string; sourceId: string | null } | null> {
  const row = await db
    .selectFrom('claims')
    .innerJoin('pages', 'pages.id', 'claims.page_id')
    .select(['claims.page_id', 'claims.revision_id', 'claims.ordinal', 'claims.text', 'claims.source_id'])
    .where('pages.slug', '=', where.pageSlug)
    .where('claims.text', '=', where.text)
    .where('claims.metric', '=', where.metric)
    .orderBy('claims.ordinal')
    .executeTakeFirst()
  return row ? { pageId: row.page_id, revisionId: row.revision_id, ordinal: Number(row.ordinal), text: row.text, sourceId: row.source_id } : null
}
