import type { DB } from './db.server'

/** The public reasons given for rejecting each of these revisions (revision id → reason). */
export async function listRejectionReasons(db: DB, revisionIds: readonly string[]): Promise<Map<string, string>> {
  if (revisionIds.length === 0) return new Map()
  const rows = await db.selectFrom('moderation_decisions').select(['revision_id', 'reason']).where('decision', '=', 'reject').where('revision_id', 'in', [...revisionIds]).execute()
  return new Map(rows.map((row) => [row.revision_id, row.reason]))
}
