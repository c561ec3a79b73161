import { PostgresAdapter, sql, type Kysely } from 'kysely'

// A product search matches any part of a product's names and vendor (`search_text like '%…%'`,
// app/models/products.server.ts). On PostgreSQL the (search_text, slug) index of migration 0101
// still has every entry read: 1.7–3.5 ms at 5,000 products, against 0.2–0.4 ms at 5. A trigram
// index (pg_trgm, shipped with PostgreSQL) answers a LIKE of three characters or more from the
// index, 0.2–0.3 ms at either size. Where the extension cannot be installed (not shipped, or no
// right to create it) the search keeps working on the older index, only slower.
//
// The extension is one per database, whatever schema the app works in: it goes to `public` when
// that is allowed (a schema dropped with its tables, as tests do with theirs, must not take it
// along), and its operator class is named with its schema.

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  // Migrations of several schemas may run at once; the second waits here and finds it installed.
  await sql`select pg_advisory_xact_lock(hashtext('sourced: create extension pg_trgm'))`.execute(db)
  const schema = (await installedIn(db)) ?? (await install(db))
  if (!schema) return
  await sql`create index product_index_trigrams on product_index using gin (search_text ${sql.id(schema, 'gin_trgm_ops')})`.execute(db)
}

async function installedIn(db: Kysely<any>): Promise<string | null> {
  const { rows } = await sql<{ schema: string }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(db)
  return rows[0]?.schema ?? null
}

async function install(db: Kysely<any>): Promise<string | null> {
  const { rows } = await sql<{ installable: boolean; schema: string }>`
    select exists (select 1 from pg_available_extensions where name = 'pg_trgm')
      and ((select rolsuper from pg_roles where rolname = current_user)
        -- pg_trgm is a trusted extension from PostgreSQL 13: a user who may create in the database may install it.
        or (current_setting('server_version_num')::int >= 130000 and has_database_privilege(current_database(), 'CREATE'))) as installable,
      case when exists (select 1 from pg_namespace where nspname = 'public') and has_schema_privilege('public', 'CREATE') then 'public' else current_schema() end as schema`.execute(db)
  if (!rows[0]?.installable) return null
  await sql`create extension pg_trgm with schema ${sql.id(rows[0].schema)}`.execute(db)
  return rows[0].schema
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`drop index if exists product_index_trigrams`.execute(db)
}
