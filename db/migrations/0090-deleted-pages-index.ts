import { sql, type Kysely } from 'kysely'

// Recent changes and contributions leave out the revisions of deleted pages by asking, per
// revision, whether a deleted page has its page id (app/models/history.server.ts, `liveOnly`).
// Without an index PostgreSQL answered that by reading every page (30 ms at 100,000 pages); this
// one holds the deleted pages only, so it stays as small as they are few. Both engines support
// partial indexes.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('pages_deleted').on('pages').column('id').where(sql.ref('deleted_at'), 'is not', null).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('pages_deleted').execute()
}
