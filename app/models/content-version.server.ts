import { sql } from 'kysely'
import type { DB } from './db.server'

/**
 * A value that changes whenever anything an anonymous reader can see changes: a new revision
 * (every save, revert, rollback), a source, a link check, a report or a reporter joining one, or a moderation log entry
 * (approvals, rejections, report resolutions, protections), a talk post or a change to one (every
 * edit, deletion, closing and hiding of talk is logged). Ids are ULIDs, so the newest id of
 * each table is its maximum and each lookup is one index probe. The HTTP server's page cache
 * (server/page-cache.ts) serves a stored page only while this value is unchanged, so every
 * instance sees a write at once without talking to the others.
 */
export async function contentVersion(db: DB): Promise<string> {
  const { rows } = await sql<{ v: string | null }>`
    select coalesce((select max(id) from revisions), '') || '|' ||
           coalesce((select max(id) from sources), '') || '|' ||
           coalesce((select max(id) from link_checks), '') || '|' ||
           coalesce((select max(id) from reports), '') || '|' ||
           coalesce((select max(id) from report_reporters), '') || '|' ||
           coalesce((select max(id) from moderation_log), '') || '|' ||
           coalesce((select max(id) from talk_posts), '') || '|' ||
           coalesce((select max(id) from talk_log), '') as v`.execute(db)
  return rows[0]?.v ?? ''
}
