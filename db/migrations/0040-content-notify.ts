import { PostgresAdapter, sql, type Kysely } from 'kysely'

// PostgreSQL tells every listening server when anything an anonymous reader sees has changed
// (server/change-feed.ts): one notification per committed transaction that wrote any of these
// tables — the ones app/models/content-version.server.ts reads. The payload is the schema, so
// servers on other schemas of the same database (tests give each file one) ignore it. NOTIFY is
// delivered at commit and dropped on rollback, and identical notifications of one transaction are
// folded into one. SQLite has no such thing; its servers poll the version instead.

const TABLES = ['revisions', 'sources', 'link_checks', 'reports', 'moderation_log'] as const

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`
    create function sourced_content_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('sourced_content', current_schema());
      return null;
    end $$`.execute(db)
  for (const table of TABLES) {
    await sql`create trigger ${sql.id(`${table}_content_changed`)} after insert or update or delete on ${sql.id(table)}
      for each statement execute function sourced_content_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  for (const table of TABLES) await sql`drop trigger if exists ${sql.id(`${table}_content_changed`)} on ${sql.id(table)}`.execute(db)
  await sql`drop function if exists sourced_content_changed()`.execute(db)
}
