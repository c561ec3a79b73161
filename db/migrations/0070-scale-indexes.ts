import type { Kysely } from 'kysely'

// Indexes the query plans at 100,000 pages asked for (docs/performance.md, "Scale"): each lets a
// list read one keyset page through an index instead of scanning or sorting the whole table.

export async function up(db: Kysely<any>): Promise<void> {
  // A source's uses and "cited by" counts join figures and citations to the pages whose stable
  // revision they belong to; without this every page row was read per use.
  await db.schema.createIndex('pages_stable_revision').on('pages').column('stable_revision_id').execute()
  // /pages and GET /api/v1/pages: newest first with the id as tie-breaker (the keyset).
  await db.schema.createIndex('pages_kind_updated_id').on('pages').columns(['kind', 'updated_at', 'id']).execute()
  await db.schema.dropIndex('pages_kind_updated_at').execute()
  // A source's uses, newest citing revision first, a page at a time.
  await db.schema.createIndex('figures_source_revision').on('figures').columns(['source_id', 'revision_id', 'ordinal']).execute()
  await db.schema.dropIndex('figures_source').execute()
  await db.schema.createIndex('citations_source_revision').on('citations').columns(['source_id', 'revision_id', 'ordinal']).execute()
  await db.schema.dropIndex('citations_source').execute()
  // The moderation queue: pending revisions by risk, in index order; and each author's record.
  await db.schema.createIndex('revisions_status_risk').on('revisions').columns(['status', 'risk_score desc', 'id']).execute()
  await db.schema.createIndex('revisions_author_status').on('revisions').columns(['author_id', 'status']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('revisions_author_status').execute()
  await db.schema.dropIndex('revisions_status_risk').execute()
  await db.schema.createIndex('citations_source').on('citations').column('source_id').execute()
  await db.schema.dropIndex('citations_source_revision').execute()
  await db.schema.createIndex('figures_source').on('figures').column('source_id').execute()
  await db.schema.dropIndex('figures_source_revision').execute()
  await db.schema.createIndex('pages_kind_updated_at').on('pages').columns(['kind', 'updated_at']).execute()
  await db.schema.dropIndex('pages_kind_updated_id').execute()
  await db.schema.dropIndex('pages_stable_revision').execute()
}
