import { sql } from 'kysely'
import type { ReportReason } from '#app/core/reports'
import type { DB } from './db.server'

export type ReportStatus = 'open' | 'upheld' | 'dismissed'

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
        .doUpdateSet((eb) => ({ reporter_count: eb('reports.reporter_count', '+', 1) })),
    )
    .returning(['id', 'reporter_count'])
    .executeTakeFirstOrThrow()
  return { id: row.id, reporterCount: Number(row.reporter_count), created: row.id === r.id }
}

/** Target keys of a page with an open report: those figures and citations show as disputed. */
export async function listOpenTargetKeys(db: DB, pageId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('reports').select('target_key').distinct().where('page_id', '=', pageId).where('status', '=', 'open').execute()
  return new Set(rows.map((r) => r.target_key))
}

export async function countOpenReports(db: DB): Promise<number> {
  const row = await db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('count')).where('status', '=', 'open').executeTakeFirstOrThrow()
  return Number(row.count)
}

const reportColumns = [
  'r.id', 'r.page_id', 'p.slug', 'p.title', 'r.revision_id', 'r.target_key', 'r.target_text', 'r.source_id', 'r.reason', 'r.comment',
  'reporter.username as reporter', 'r.reporter_count', 'r.status', 'r.resolution_note', 'resolver.username as resolver', 'r.resolved_at', 'r.created_at',
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
