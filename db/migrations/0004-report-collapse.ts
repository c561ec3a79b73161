import { sql, type Kysely } from 'kysely'

// Reader reports collapse: while a report on one target for one reason is open, further readers
// reporting the same thing are counted on it instead of adding rows. The partial unique index
// makes that hold under concurrent reports (an upsert on it), on SQLite and PostgreSQL alike.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('reporter_count', 'integer', (c) => c.notNull().defaultTo(1)).execute()
  await sql`create unique index reports_open_target on reports (page_id, target_key, reason) where status = 'open'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists reports_open_target`.execute(db)
  await db.schema.alterTable('reports').dropColumn('reporter_count').execute()
}
