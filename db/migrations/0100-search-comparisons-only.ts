import { sql, type Kysely } from 'kysely'

// Search finds comparisons; products have their own search (product_index). Product pages were
// indexed in page_search too, and every search read their rows only to drop them by joining each
// candidate to its page (app/models/search.server.ts). Now only comparisons are indexed, so the
// ranking reads the index alone.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from page_search where page_id in (select id from pages where kind <> 'comparison')`.execute(db)
}

// Nothing to restore: the rows are derived, and code from before this migration rebuilds its
// index at start-up when the count differs.
export async function down(): Promise<void> {}
