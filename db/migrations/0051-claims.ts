import { type Kysely } from 'kysely'

// Claims (DESIGN.md "Facts beyond the text", decision 027). `claims` is derived: the cited figures
// of every page's stable revision that name a product and a metric, rebuilt whenever a stable
// revision moves (like page_search and product_index), so a product page reads its timelines with
// one indexed query instead of scanning every page's figures. `unverified_claims` and their events
// are content: what people saw without a source, and every step of settling it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('revision_id', 'text', (c) => c.notNull().references('revisions.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('product_slug', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('as_of', 'text')
    .addColumn('undated', 'integer', (c) => c.notNull())
    // The as-of date, or for an undated claim the source's publication date (its upper bound):
    // timelines and the API order by it. Empty when neither is known.
    .addColumn('sort_date', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('quote', 'text')
    // 1 while another claim of the same product and metric, in the same period, gives another
    // value (app/core/claims.ts): kept here so readers and moderators find conflicts by index.
    .addColumn('conflict', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('claims_product_metric').on('claims').columns(['product_slug', 'metric', 'sort_date', 'id']).execute()
  await db.schema.createIndex('claims_metric').on('claims').columns(['metric', 'sort_date', 'id']).execute()
  await db.schema.createIndex('claims_page').on('claims').column('page_id').execute()
  await db.schema.createIndex('claims_source').on('claims').column('source_id').execute()

  await db.schema
    .createTable('unverified_claims')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('product_slug', 'text')
    .addColumn('metric', 'text')
    // open | verified | contradicted | no-source
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('settled_by', 'text', (c) => c.references('users.id'))
    .addColumn('settled_at', 'text')
    .addColumn('note', 'text')
    // The cited figure that settles it, kept as it was when linked: claims are rebuilt, so the
    // link names the page, the revision and the figure's ordinal and copies what it said.
    .addColumn('figure_page_id', 'text', (c) => c.references('pages.id'))
    .addColumn('figure_revision_id', 'text', (c) => c.references('revisions.id'))
    .addColumn('figure_ordinal', 'integer')
    .addColumn('figure_text', 'text')
    .addColumn('figure_source_id', 'text', (c) => c.references('sources.id'))
    .execute()
  await db.schema.createIndex('unverified_claims_product').on('unverified_claims').columns(['product_slug', 'id']).execute()
  await db.schema.createIndex('unverified_claims_status').on('unverified_claims').columns(['status', 'id']).execute()

  await db.schema
    .createTable('unverified_claim_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('unverified_claims.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    // recorded | verified | contradicted | no-source | reopened
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('detail', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('unverified_claim_events_claim').on('unverified_claim_events').columns(['claim_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unverified_claim_events').execute()
  await db.schema.dropTable('unverified_claims').execute()
  await db.schema.dropTable('claims').execute()
}
