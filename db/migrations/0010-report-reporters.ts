import { sql, type Kysely } from 'kysely'

// Frozen (STYLE.md §12). Who stands behind a report, once each: a figure is shown as disputed
// only when a trusted reporter or enough distinct reporters do (decision 017), so each reporter
// is a row keyed per report. An upheld report stays in force until a published edit fixes its
// target: `upheld_claims` records what the claim said when it was upheld, `fixed_by_revision_id`
// the edit that changed it. Reports upheld before this migration count as settled.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_reporters')
    // A ULID like every id: its maximum tells the page cache that a reporter joined (content-version.server.ts).
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id'))
    // `user:<id>` for a signed-in reporter, `ip:<hash>` for an anonymous reader.
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('report_reporters_once').on('report_reporters').columns(['report_id', 'reporter_key']).unique().execute()
  await db.schema.alterTable('reports').addColumn('upheld_claims', 'text').execute()
  await db.schema.alterTable('reports').addColumn('fixed_by_revision_id', 'text', (c) => c.references('revisions.id')).execute()
  await db.schema.alterTable('reports').addColumn('fixed_at', 'text').execute()
  // The first reporter of each existing report is known; readers counted on it since are not.
  await sql`
    insert into report_reporters (id, report_id, reporter_key, trusted, created_at)
    select r.id, r.id, case when r.reporter_id is null then 'report:' || r.id else 'user:' || r.reporter_id end,
           case when u.role in ('trusted', 'moderator', 'admin') then 1 else 0 end, r.created_at
    from reports r left join users u on u.id = r.reporter_id`.execute(db)
  await sql`update reports set fixed_at = resolved_at where status = 'upheld'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').dropColumn('fixed_at').execute()
  await db.schema.alterTable('reports').dropColumn('fixed_by_revision_id').execute()
  await db.schema.alterTable('reports').dropColumn('upheld_claims').execute()
  await db.schema.dropTable('report_reporters').execute()
}
