import { sql } from 'kysely'
import type { TargetSupport } from '#app/core/disputes'
import type { ReportReason } from '#app/core/reports'
import type { DB } from './db.server'
import { newId } from './ids.server'

type ReportStatus = 'open' | 'upheld' | 'dismissed'

export interface Report {
  id: string
  page: { id: string; slug: string; title: string }
  revisionId: string
  targetKey: string
  targetText: string
  sourceId: string | null
  reason: ReportReason
  comment: string
  reporter: string | null
  reporterCount: number
  status: ReportStatus
  resolutionNote: string | null
  resolvedBy: string | null
  resolvedAt: string | null
  createdAt: string
  /** The published revision that fixed an upheld report's claim, and when. */
  fixedByRevisionId: string | null
  fixedAt: string | null
}

export interface NewReport {
  id: string
  pageId: string
  revisionId: string
  targetKey: string
  targetText: string
  sourceId: string | null
  reason: ReportReason
  comment: string
  reporterId: string | null
  /** Counts each reporter once: `user:<id>`, or `ip:<hash>` for an anonymous reader. */
  reporterKey: string
  trustedReporter: boolean
  createdAt: string
}

/**
 * Opens a report, or — when the same target is already reported for the same reason and still
 * open — counts one more reporter on that report. One statement on the partial unique index
 * `reports_open_target`, so two readers reporting at once still make one report.
 */
export async function openOrJoinReport(db: DB, r: NewReport): Promise<{ id: string; reporterCount: number; created: boolean }> {
  const row = await db
    .insertInto('reports')
    .values({
      id: r.id,
      page_id: r.pageId,
      revision_id: r.revisionId,
      target_key: r.targetKey,
      target_text: r.targetText,
      source_id: r.sourceId,
      reason: r.reason,
      comment: r.comment,
      reporter_id: r.reporterId,
      status: 'open',
      created_at: r.createdAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['page_id', 'target_key', 'reason'])
        // The predicate must repeat the index's literally for PostgreSQL to infer the index.
        .where(sql<boolean>`status = 'open'`)
        // Counted below, once per distinct reporter; the no-op update returns the open report.
        .doUpdateSet((eb) => ({ reporter_count: eb.ref('reports.reporter_count') })),
    )
    .returning(['id', 'reporter_count'])
    .executeTakeFirstOrThrow()
  const created = row.id === r.id
  const joined = await db
    .insertInto('report_reporters')
    .values({ id: newId(), report_id: row.id, reporter_key: r.reporterKey, trusted: r.trustedReporter ? 1 : 0, created_at: r.createdAt })
    .onConflict((oc) => oc.columns(['report_id', 'reporter_key']).doNothing())
    .executeTakeFirst()
  if (created || Number(joined.numInsertedOrUpdatedRows ?? 0) === 0) return { id: row.id, reporterCount: Number(row.reporter_count), created }
  const counted = await db.updateTable('reports').set((eb) => ({ reporter_count: eb('reporter_count', '+', 1) })).where('id', '=', row.id).returning('reporter_count').executeTakeFirstOrThrow()
  return { id: row.id, reporterCount: Number(counted.reporter_count), created }
}

/**
 * What readers may be shown about each reported target of a page: how many distinct reporters
 * stand behind its open reports, whether one of them is trusted, and whether an upheld report on
 * it awaits a fixing edit (app/core/disputes.ts decides from this).
 */
export async function listTargetSupport(db: DB, pageId: string): Promise<TargetSupport[]> {
  const [open, confirmed] = await Promise.all([
    db
      .selectFrom('reports as r')
      .innerJoin('report_reporters as rr', 'rr.report_id', 'r.id')
      .select(['r.target_key', 'rr.reporter_key', 'rr.trusted'])
      .where('r.page_id', '=', pageId)
      .where('r.status', '=', 'open')
      .execute(),
    db.selectFrom('reports').select('target_key').distinct().where('page_id', '=', pageId).where('status', '=', 'upheld').where('fixed_at', 'is', null).execute(),
  ])
  const byKey = new Map<string, { reporters: Set<string>; trusted: boolean; confirmed: boolean }>()
  const entry = (key: string) => byKey.get(key) ?? byKey.set(key, { reporters: new Set(), trusted: false, confirmed: false }).get(key)!
  for (const row of open) {
    const e = entry(row.target_key)
    e.reporters.add(row.reporter_key)
    e.trusted ||= Number(row.trusted) === 1
  }
  for (const row of confirmed) entry(row.target_key).confirmed = true
  return [...byKey].map(([key, e]) => ({ key, reporters: e.reporters.size, trustedReporter: e.trusted, confirmed: e.confirmed }))
}


/** Upheld reports of a page that no published edit has fixed yet. */
export async function listUnfixedUpheldReports(db: DB, pageId: string): Promise<Array<{ id: string; targetKey: string; upheldClaims: string[] | null }>> {
  const rows = await db.selectFrom('reports').select(['id', 'target_key', 'upheld_claims']).where('page_id', '=', pageId).where('status', '=', 'upheld').where('fixed_at', 'is', null).execute()
  return rows.map((r) => ({ id: r.id, targetKey: r.target_key, upheldClaims: r.upheld_claims === null ? null : (JSON.parse(r.upheld_claims) as string[]) }))
}

export async function setUpheldClaims(db: DB, id: string, claims: string[]): Promise<void> {
  await db.updateTable('reports').set({ upheld_claims: JSON.stringify(claims) }).where('id', '=', id).execute()
}

/** Ends an upheld report's dispute: `revisionId` fixed its claim (null: it was gone when upheld). */
export async function markReportFixed(db: DB, id: string, revisionId: string | null, at: string): Promise<void> {
  await db.updateTable('reports').set({ fixed_by_revision_id: revisionId, fixed_at: at }).where('id', '=', id).where('fixed_at', 'is', null).execute()
}

export async function countOpenReports(db: DB): Promise<number> {
  const row = await db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('count')).where('status', '=', 'open').executeTakeFirstOrThrow()
  return Number(row.count)
}

const reportColumns = [
  'r.id', 'r.page_id', 'p.slug', 'p.title', 'r.revision_id', 'r.target_key', 'r.target_text', 'r.source_id', 'r.reason', 'r.comment',
  'reporter.username as reporter', 'r.reporter_count', 'r.status', 'r.resolution_note', 'resolver.username as resolver', 'r.resolved_at', 'r.created_at',
  'r.fixed_by_revision_id', 'r.fixed_at',
] as const

function baseQuery(db: DB) {
  return db
    .selectFrom('reports as r')
    .innerJoin('pages as p', 'p.id', 'r.page_id')
    .leftJoin('users as reporter', 'reporter.id', 'r.reporter_id')
    .leftJoin('users as resolver', 'resolver.id', 'r.resolved_by')
    .select(reportColumns)
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    page: { id: row.page_id, slug: row.slug, title: row.title },
    revisionId: row.revision_id,
    targetKey: row.target_key,
    targetText: row.target_text,
    sourceId: row.source_id,
    reason: row.reason as ReportReason,
    comment: row.comment,
    reporter: row.reporter,
    reporterCount: Number(row.reporter_count),
    status: row.status as ReportStatus,
    resolutionNote: row.resolution_note,
    resolvedBy: row.resolver,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
    fixedByRevisionId: row.fixed_by_revision_id,
    fixedAt: row.fixed_at,
  }
}

export async function getReport(db: DB, id: string): Promise<Report | null> {
  const row = await baseQuery(db).where('r.id', '=', id).executeTakeFirst()
  return row ? toReport(row) : null
}

/** Reports newest first, keyset-paginated by id. */
export async function listReports(db: DB, options: { status: 'open' | 'resolved' | 'all'; pageSlug?: string | null; before?: string | null; limit: number }): Promise<Report[]> {
  let query = baseQuery(db)
  if (options.status === 'open') query = query.where('r.status', '=', 'open')
  if (options.status === 'resolved') query = query.where('r.status', '!=', 'open')
  if (options.pageSlug) query = query.where('p.slug', '=', options.pageSlug)
  if (options.before) query = query.where('r.id', '<', options.before)
  const rows = await query.orderBy('r.id', 'desc').limit(options.limit).execute()
  return rows.map(toReport)
}

/** Resolves an open report; false when it was not open any more (another moderator was first). */
export async function closeReport(db: DB, id: string, resolution: { status: 'upheld' | 'dismissed'; note: string; resolvedBy: string; resolvedAt: string }): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ status: resolution.status, resolution_note: resolution.note, resolved_by: resolution.resolvedBy, resolved_at: resolution.resolvedAt })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
