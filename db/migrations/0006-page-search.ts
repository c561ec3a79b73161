import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Full-text search over the stable revision of each page: the one place where the engines need
// their own SQL (FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL). The rows are derived
// and rebuilt at start-up when missing (app/models/search.server.ts), so this only creates them.

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create table page_search (
        page_id text primary key references pages(id),
        title text not null,
        summary text not null,
        body text not null,
        tsv tsvector generated always as (
          setweight(to_tsvector('simple', title), 'A') ||
          setweight(to_tsvector('simple', summary), 'B') ||
          to_tsvector('simple', body)
        ) stored
      )`.execute(db)
    await sql`create index page_search_tsv on page_search using gin (tsv)`.execute(db)
  } else {
    // unicode61 with remove_diacritics folds "Tchap", "Télé" and "tele" the same way, which suits
    // three languages better than any one stemmer.
    await sql`create virtual table page_search using fts5(page_id unindexed, title, summary, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists page_search`.execute(db)
}
