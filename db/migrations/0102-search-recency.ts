import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Search ranks the most recently indexed matches of a query (app/models/search.server.ts,
// rankMatches). SQLite knows that order from FTS5's rowid: a page's row is deleted and inserted
// again whenever its stable revision moves. PostgreSQL's rows get the same order from an identity
// column, which a re-inserted row takes anew, and an index on it lets the planner walk the newest
// rows and stop after enough matches when a word is on a large share of the pages.

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`alter table page_search add column seq bigint generated always as identity`.execute(db)
  await sql`create index page_search_seq on page_search (seq)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`alter table page_search drop column seq`.execute(db)
}
