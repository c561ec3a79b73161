import { PostgresAdapter, sql, type Kysely } from 'kysely'

// The content version (app/models/content-version.server.ts) also reads reporters joining a
// report (migration 0010) and talk (migration 0031): on PostgreSQL those tables notify the
// listening servers too, through the function migration 0040 created.

const TABLES = ['report_reporters', 'talk_posts', 'talk_log'] as const

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  for (const table of TABLES) {
    await sql`create trigger ${sql.id(`${table}_content_changed`)} after insert or update or delete on ${sql.id(table)}
      for each statement execute function sourced_content_changed()`.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  for (const table of TABLES) await sql`drop trigger if exists ${sql.id(`${table}_content_changed`)} on ${sql.id(table)}`.execute(db)
}
