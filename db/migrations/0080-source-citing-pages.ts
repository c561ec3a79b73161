import type { Kysely } from 'kysely'

// "Cited by N pages" on /sources counted, per source shown, every figure and citation of it in any
// revision and kept those of stable revisions: at 100,000 pages a widely cited source read tens of
// thousands of rows (docs/performance.md, "Scale"). The pages whose stable revision cites each
// source are now derived rows, kept with the other stable-revision indexes, and the count a column.
// Filled at start-up by ensureSourceUsesIndex.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('page_sources')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addPrimaryKeyConstraint('page_sources_pk', ['page_id', 'source_id'])
    .execute()
  await db.schema.createIndex('page_sources_source').on('page_sources').column('source_id').execute()
  await db.schema.alterTable('sources').addColumn('citing_pages', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sources').dropColumn('citing_pages').execute()
  await db.schema.dropTable('page_sources').execute()
  await db.deleteFrom('meta').where('key', '=', 'source_uses_indexed_at').execute()
}
