import { type Kysely } from 'kysely'

// Moves and suppression (DESIGN.md, "Working together"; decision 028):
// - page_redirects: every address a page has left, pointing at the page (not at its next
//   address), so a chain of moves resolves in one step and a live page at an address always wins;
// - revisions.content_hidden / summary_hidden: a moderator's suppression. These flags are the
//   only columns of a revision besides its status that ever change; the snapshot itself never does;
// - pages.deleted_at / deleted_by: an admin's soft delete (nothing is removed; restore clears it).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('page_redirects')
    .addColumn('from_slug', 'text', (c) => c.primaryKey())
    .addColumn('page_id', 'text', (c) => c.notNull().references('pages.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('page_redirects_page').on('page_redirects').column('page_id').execute()
  await db.schema.alterTable('revisions').addColumn('content_hidden', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('revisions').addColumn('summary_hidden', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('pages').addColumn('deleted_at', 'text').execute()
  await db.schema.alterTable('pages').addColumn('deleted_by', 'text', (c) => c.references('users.id')).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pages').dropColumn('deleted_by').execute()
  await db.schema.alterTable('pages').dropColumn('deleted_at').execute()
  await db.schema.alterTable('revisions').dropColumn('summary_hidden').execute()
  await db.schema.alterTable('revisions').dropColumn('content_hidden').execute()
  await db.schema.dropTable('page_redirects').ifExists().execute()
}
