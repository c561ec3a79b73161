import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type SqliteDatabase,
  type Transaction,
} from 'kysely'
import pg from 'pg'
import type { Database } from '#db/schema'
import { migrationProvider } from '#db/migrations/index'
import { config as appConfig } from '#app/config.server'

export type DB = Kysely<Database> | Transaction<Database>
/** The database itself rather than a transaction: what can begin one. */
export type Connection = Kysely<Database>
export type Engine = 'sqlite' | 'postgres'

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string }
  | { engine: 'postgres'; url: string }

export const DEFAULT_SQLITE_FILE = './data/sourced.sqlite'

/**
 * Reads DATABASE_URL: a file path or ":memory:" for SQLite, or postgres://… . Throws an Error with
 * a one-line message naming what is wrong, so start-up can stop with it.
 */
export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const value = (raw ?? '').trim()
  if (value === '') return { engine: 'sqlite', file: DEFAULT_SQLITE_FILE }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase()
  if (scheme === undefined) {
    if (/[\0\n\r]/.test(value)) throw new Error('DATABASE_URL contains a control character')
    return { engine: 'sqlite', file: value.replace(/^(sqlite|file):/, '') }
  }
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    throw new Error(
      `DATABASE_URL uses the unsupported scheme "${scheme}://": use a SQLite file path, ":memory:" or postgres://user@host:5432/database`,
    )
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error('DATABASE_URL is not a valid URL: expected postgres://user@host:5432/database')
  }
  if (url.hostname === '') throw new Error('DATABASE_URL has no host name: expected postgres://user@host:5432/database')
  if (url.pathname.replace(/^\//, '') === '') {
    throw new Error('DATABASE_URL names no database: expected postgres://user@host:5432/database')
  }
  return { engine: 'postgres', url: value }
}

/** How long a statement waits for another connection's write lock before it fails. */
const SQLITE_BUSY_WAIT_MS = 5000

/**
 * SQLite's transactions begin IMMEDIATE, so two writers queue for the lock instead of failing
 * mid-transaction with SQLITE_BUSY on lock upgrade. The queueing happens here, asynchronously:
 * better-sqlite3 runs on the event loop, so SQLite's own busy timeout would freeze the whole
 * process while another connection (a CLI, a second handle, another process) holds the lock —
 * and deadlock it outright when that holder is in the same process and needs the loop to finish.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  #retrying: DatabaseConnection | undefined
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection()
    return (this.#retrying ??= retryWhileBusy(connection))
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

/**
 * A statement refused with SQLITE_BUSY did not run, so running it again is safe. Inside our
 * IMMEDIATE transactions the lock is already held, so only BEGIN and autocommit statements wait.
 */
function retryWhileBusy(connection: DatabaseConnection): DatabaseConnection {
  return {
    async executeQuery(query) {
      const deadline = Date.now() + SQLITE_BUSY_WAIT_MS
      for (let pause = 1; ; pause = Math.min(pause * 2, 25)) {
        try {
          return await connection.executeQuery(query)
        } catch (error) {
          if (!isBusy(error) || Date.now() >= deadline) throw error
          await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())))
        }
      }
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  }
}
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database })
  }
  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database })
  }
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements are reusable, and Kysely's single
 * SQLite connection is used by one query at a time, so caching them by SQL text is safe.
 */
function withStatementCache(raw: SQLite.Database, limit = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = cache.get(sql)
      if (statement === undefined) {
        statement = raw.prepare(sql)
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      return statement
    },
  } as SqliteDatabase
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const raw = new SQLite(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('foreign_keys = ON')
  // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the
  // last transactions, which is the trade-off SQLite documents for WAL.
  raw.pragma('synchronous = NORMAL')
  // Waiting for a lock is done without blocking the event loop (ImmediateSqliteDriver).
  raw.pragma('busy_timeout = 0')
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect(withStatementCache(raw)) })
}

// int8 (count(*), sums) comes back as a string by default; every such value here fits a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))

function openPostgres(url: string, searchPath?: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: appConfig.databasePoolSize,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

export interface OpenOptions {
  /** PostgreSQL only: a schema to work in (tests give each file its own). */
  searchPath?: string
}

export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Kysely<Database> {
  return config.engine === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url, options.searchPath)
}

export function engineOf(db: DB): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/** Liveness: the database answers a query (throws otherwise). */
export async function pingDatabase(db: DB): Promise<void> {
  await sql`select 1`.execute(db)
}

/** Applies every pending migration; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // On PostgreSQL, Kysely looks for its bookkeeping tables in every schema unless told which
  // one: a database whose other schema already has them (tests give each file a schema) would
  // otherwise skip creating its own and fail. The schema first on the search path is ours.
  const migrationTableSchema = engineOf(db) === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined
  const migrator = new Migrator({ db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error instanceof Error ? error : new Error(String(error))
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Locks a row for the rest of the transaction. PostgreSQL takes a row lock; SQLite needs none,
 * because its write transactions begin IMMEDIATE and so already hold the database's write lock.
 */
export async function lockRow(trx: DB, table: 'pages' | 'revisions' | 'users', id: string): Promise<void> {
  if (engineOf(trx) === 'postgres') {
    await trx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute()
  }
}

/** A unique index refused an insert (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

let shared: { db: Kysely<Database>; config: DatabaseConfig } | undefined

/** The process-wide database, opened from DATABASE_URL on first use. */
export function getDb(): Kysely<Database> {
  if (!shared) {
    const config = parseDatabaseUrl(appConfig.databaseUrl)
    shared = { db: openDatabase(config), config }
  }
  return shared.db
}

export function getDbConfig(): DatabaseConfig {
  getDb()
  return shared!.config
}
