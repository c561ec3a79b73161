import { BROKEN_STATUSES, parseQuoteResults, type QuoteResult } from '#app/core/link-check'
import type { DB } from './db.server'
import { newId } from './ids.server'

/** One visit of the link checker to a source, as recorded. */
export interface LinkCheck {
  id: string
  sourceId: string
  checkedAt: string
  status: string
  httpStatus: number | null
  finalUrl: string | null
  reason: string | null
  quoteResults: QuoteResult[]
}

const columns = ['id', 'source_id', 'checked_at', 'status', 'http_status', 'final_url', 'reason', 'quote_results'] as const

type Row = {
  id: string; source_id: string; checked_at: string; status: string; http_status: number | null
  final_url: string | null; reason: string | null; quote_results: string
}

function toLinkCheck(row: Row): LinkCheck {
  return {
    id: row.id,
    sourceId: row.source_id,
    checkedAt: row.checked_at,
    status: row.status,
    httpStatus: row.http_status === null ? null : Number(row.http_status),
    finalUrl: row.final_url,
    reason: row.reason,
    quoteResults: parseQuoteResults(row.quote_results),
  }
}

/**
 * Sources due for a check: never checked, checked before `regular`, or broken and checked before
 * `broken` (see app/core/link-check.ts). Oldest check first, so a backlog is worked in order.
 */
export async function listSourcesDue(db: DB, thresholds: { regular: string; broken: string }, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('sources')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('link_checked_at', 'is', null),
        eb('link_checked_at', '<', thresholds.regular),
        eb.and([eb('link_status', 'in', [...BROKEN_STATUSES]), eb('link_checked_at', '<', thresholds.broken)]),
      ]),
    )
    .orderBy('link_checked_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** URLs of sources the checker last reached, most recent first: probes of whether the network works. */
export async function listReachableSourceUrls(db: DB, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('sources')
    .select('url')
    .where('link_status', 'in', ['ok', 'redirected'])
    .orderBy('link_checked_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => r.url)
}

/**
 * Every quote that cites the source in what readers see (each page's stable revision) and what
 * editors see (its latest revision): figures' and citations' quotes, duplicates left in (the
 * checker folds them by their normalised form).
 */
export async function listQuotesCitingSource(db: DB, sourceId: string): Promise<string[]> {
  const figures = await db
    .selectFrom('figures as f')
    .innerJoin('pages as p', (join) => join.on((eb) => eb.or([eb('p.stable_revision_id', '=', eb.ref('f.revision_id')), eb('p.latest_revision_id', '=', eb.ref('f.revision_id'))])))
    .select('f.quote')
    .where('f.source_id', '=', sourceId)
    .where('f.quote', 'is not', null)
    .orderBy('f.id')
    .execute()
  const citations = await db
    .selectFrom('citations as c')
    .innerJoin('pages as p', (join) => join.on((eb) => eb.or([eb('p.stable_revision_id', '=', eb.ref('c.revision_id')), eb('p.latest_revision_id', '=', eb.ref('c.revision_id'))])))
    .select('c.quote')
    .where('c.source_id', '=', sourceId)
    .where('c.quote', 'is not', null)
    .orderBy('c.id')
    .execute()
  return [...figures, ...citations].map((r) => r.quote).filter((q): q is string => q !== null && q.trim() !== '')
}

export interface NewLinkCheck {
  sourceId: string
  checkedAt: string
  status: string
  httpStatus: number | null
  finalUrl: string | null
  reason: string | null
  quoteResults: QuoteResult[]
}

/** Stores a check and makes it the source's current link status (call inside a transaction). */
export async function recordLinkCheck(db: DB, check: NewLinkCheck): Promise<string> {
  const id = newId()
  await db
    .insertInto('link_checks')
    .values({
      id,
      source_id: check.sourceId,
      checked_at: check.checkedAt,
      status: check.status,
      http_status: check.httpStatus,
      final_url: check.finalUrl,
      reason: check.reason === null ? null : check.reason.slice(0, 1_000),
      quote_results: JSON.stringify(check.quoteResults),
    })
    .execute()
  await db
    .updateTable('sources')
    .set({ link_status: check.status, link_http_status: check.httpStatus, link_checked_at: check.checkedAt })
    .where('id', '=', check.sourceId)
    .execute()
  return id
}

/** A source's checks, newest first; `before` is the id of the last check of the previous page. */
export async function listLinkChecks(db: DB, sourceId: string, options: { limit: number; before?: string | null }): Promise<LinkCheck[]> {
  let query = db.selectFrom('link_checks').select(columns).where('source_id', '=', sourceId)
  if (options.before) query = query.where('id', '<', options.before)
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute()
  return rows.map(toLinkCheck)
}

/** The most recent check of each source, for showing whether cited quotes were found. */
export async function latestLinkChecks(db: DB, sourceIds: readonly string[]): Promise<Map<string, LinkCheck>> {
  const unique = [...new Set(sourceIds)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('link_checks as l')
    .select(columns.map((c) => `l.${c}` as const))
    .where('l.source_id', 'in', unique)
    .where('l.id', '=', (eb) => eb.selectFrom('link_checks as m').select((m) => m.fn.max('m.id').as('id')).whereRef('m.source_id', '=', 'l.source_id'))
    .execute()
  return new Map(rows.map((r) => [r.source_id, toLinkCheck(r)]))
}
