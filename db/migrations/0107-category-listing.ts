import { sql, type Kysely } from 'kysely'

// A category's page listed up to 500 comparisons by title, joining every page filed under it:
// 95,000 at 100,000 pages, sorted on each view. Each filing now carries its page's kind and title,
// so a page of the listing walks (category, kind, title, page_id) from where the last one ended.
// The category index counted every filing per view; `category_counts` keeps the count, moved
// with each filing (indexPageFacts in app/models/products.server.ts), as MediaWiki's `category`
// table does.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('page_categories').addColumn('kind', 'text', (c) => c.notNull().defaultTo('')).execute()
  await db.schema.alterTable('page_categories').addColumn('title', 'text', (c) => c.notNull().defaultTo('')).execute()
  await sql`update page_categories set kind = (select kind from pages where pages.id = page_categories.page_id), title = (select title from pages where pages.id = page_categories.page_id)`.execute(db)
  await db.schema.createIndex('page_categories_listing').on('page_categories').columns(['category', 'kind', 'title', 'page_id']).execute()
  await db.schema
    .createTable('category_counts')
    .addColumn('category', 'text', (c) => c.primaryKey())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .execute()
  await sql`insert into category_counts (category, pages) select category, count(*) from page_categories group by category`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('category_counts').execute()
  await db.schema.dropIndex('page_categories_listing').execute()
  await db.schema.alterTable('page_categories').dropColumn('title').execute()
  await db.schema.alterTable('page_categories').dropColumn('kind').execute()
}
