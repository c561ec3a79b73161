import type { Kysely } from 'kysely'

// Frozen (STYLE.md §12). Products are pages of kind `product` (decision 019): same revisions,
// queue, history. The other tables are derived from stable revisions (rebuilt at start-up when
// they lag, app/models/products.server.ts) so that "alternatives to X" and the product lists
// answer from indexed rows instead of parsing snapshots.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pages').addColumn('kind', 'text', (c) => c.notNull().defaultTo('comparison')).execute()
  await db.schema.createIndex('pages_kind_updated_at').on('pages').columns(['kind', 'updated_at']).execute()

  await db.schema
    .createTable('product_index')
    .addColumn('page_id', 'text', (c) => c.primaryKey().references('pages.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('license', 'text', (c) => c.notNull())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('homepage', 'text', (c) => c.notNull())
    .addColumn('repository', 'text', (c) => c.notNull())
    .addColumn('hosting', 'text', (c) => c.notNull())
    // JSON list, as stored in the revision.
    .addColumn('aliases', 'text', (c) => c.notNull())
    // Space-delimited lists (" a b "), matched with LIKE '% a %': few values per product.
    .addColumn('license_ids', 'text', (c) => c.notNull())
    .addColumn('families', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    // Lower-case name, aliases and vendor: what the product search looks in.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('product_index_kind_name').on('product_index').columns(['kind', 'name']).execute()

  // One row per name and alias of each product (nameKey of app/core/product.ts).
  await db.schema
    .createTable('product_names')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addPrimaryKeyConstraint('product_names_pk', ['name_key', 'page_id'])
    .execute()
  await db.schema.createIndex('product_names_page').on('product_names').column('page_id').execute()

  // alternative-to links: an open-source product (page_id) → the slug of the product it replaces.
  await db.schema
    .createTable('product_links')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('to_slug', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_links_pk', ['to_slug', 'page_id'])
    .execute()
  await db.schema.createIndex('product_links_page').on('product_links').column('page_id').execute()

  // The subjects of each comparison's stable revision, by the product slug they name (or, for
  // revisions from before products, by their name's key).
  await db.schema
    .createTable('comparison_subjects')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('product_slug', 'text')
    .addColumn('name_key', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('comparison_subjects_page').on('comparison_subjects').column('page_id').execute()
  await db.schema.createIndex('comparison_subjects_slug').on('comparison_subjects').column('product_slug').execute()
  await db.schema.createIndex('comparison_subjects_name').on('comparison_subjects').column('name_key').execute()

  // Categories of every page's stable revision (comparisons and products).
  await db.schema
    .createTable('page_categories')
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_categories_pk', ['category', 'page_id'])
    .execute()
  await db.schema.createIndex('page_categories_page').on('page_categories').column('page_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['page_categories', 'comparison_subjects', 'product_links', 'product_names', 'product_index']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
  await db.schema.dropIndex('pages_kind_updated_at').ifExists().execute()
  await db.schema.alterTable('pages').dropColumn('kind').execute()
}
