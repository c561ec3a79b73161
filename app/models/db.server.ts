import { AsyncLocalStorage } from 'node:async_hooks'
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
  PostgresDriver,
  type DatabaseConnection,
  type PostgresPool,
  type PostgresPoolClient,
  type SqliteDatabase,
  type Transaction,
} from 'kysely'
import pg from 'pg'
import type { Database } from '#db/schema'
import { migrationProvider } from '#db/migrations/index'
import { config as appConfig, type DatabaseConfig, type DatabaseSettings } from '#app/infra/config.server'
import { classifyDbFailure } from '#app/core/db-failure'
import { log } from '#app/infra/logger.server'
import { DatabaseHealth, postgresProbe, type Probe } from './db-health.server'

export type DB = Kysely<Database> | Transaction<Database>
export type Engine = 'sqlite' | 'postgres'

/**
 * SQLite's transactions begin IMMEDIATE, so two writers queue for the lock instead of failing
 * mid-transaction with SQLITE_BUSY on lock upgrade. The queueing happens here, asynchronously:
 * better-sqlite3 runs on the event loop, so SQLite's own busy timeout would freeze the whole
 * process while another connection (a CLI, a second handle, another process) holds the lock —
 * and deadlock it outright when that holder is in the same process and needs the loop to finish.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  #retrying: DatabaseConnection | undefined
  constructor(
    database: SqliteDatabase,
    private readonly raw: SQLite.Database,
    private readonly busyWaitMs: number,
    private readonly health: DatabaseHealth,
  ) {
    super({ database })
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection()
    return (this.#retrying ??= watchOutcome(retryWhileBusy(connection, this.busyWaitMs), this.health))
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
  /**
   * SQLite has already rolled back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, a
   * failed COMMIT); a ROLLBACK then fails with "cannot rollback - no transaction is active", and
   * that error would replace the real cause on its way up.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.raw.inTransaction) await super.rollbackTransaction(connection)
  }
}

const WRITE_STATEMENT = /^\s*(insert|update|delete|commit|replace)\b/i

/** Tells the health record about disk-full refusals and the writes that succeed after them. */
function watchOutcome(connection: DatabaseConnection, health: DatabaseHealth): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery) {
      try {
        const result = await connection.executeQuery<R>(query)
        if (WRITE_STATEMENT.test(query.sql)) health.noteWriteSucceeded()
        return result
      } catch (error) {
        health.noteError(error)
        throw error
      }
    },
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
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
function retryWhileBusy(connection: DatabaseConnection, busyWaitMs: number): DatabaseConnection {
  return {
    async executeQuery(query) {
      const deadline = Date.now() + busyWaitMs
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
  constructor(
    private readonly database: SqliteDatabase,
    private readonly raw: SQLite.Database,
    private readonly busyWaitMs: number,
    private readonly health: DatabaseHealth,
  ) {
    super({ database })
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.database, this.raw, this.busyWaitMs, this.health)
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

function openSqlite(file: string, settings: DatabaseSettings): Kysely<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const raw = new SQLite(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('foreign_keys = ON')
  // NORMAL is durable across application crashes in WAL mode; only a power loss can drop the
  // last transactions, which is the trade-off SQLite documents for WAL.
  raw.pragma('synchronous = NORMAL')
  // Waiting for a lock is done without blocking the event loop (ImmediateSqliteDriver).
  raw.pragma('busy_timeout = 0')
  // The file is local: a read fails or succeeds at once, so the probe is the same connection.
  const health = new DatabaseHealth(sqliteProbe(raw), settings.healthIntervalMs)
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(withStatementCache(raw), raw, settings.busyTimeoutMs, health) })
  healthByDb.set(db, health)
  return db
}

function sqliteProbe(raw: SQLite.Database): Probe {
  return {
    run: async () => {
      const started = performance.now()
      raw.prepare('select 1').get()
      return Math.round((performance.now() - started) * 10) / 10
    },
    close: () => undefined,
  }
}

// int8 (count(*), sums) comes back as a string by default; every such value here fits a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))

/**
 * Which pool a query takes its connection from. Loaders (page views, API reads) run as readers;
 * everything else — actions, background jobs, start-up — as writers. The two pools are separate,
 * so however many readers wait, a save finds a connection of its own.
 */
const role = new AsyncLocalStorage<'read' | 'write'>()

/** Runs fn with its queries on the read pool (PostgreSQL; SQLite has one connection anyway). */
export function asReader<T>(fn: () => T): T {
  return role.run('read', fn)
}

const healthByDb = new WeakMap<Kysely<Database>, DatabaseHealth>()

/** The health record of a database opened by openDatabase. */
export function healthOf(db: Kysely<Database>): DatabaseHealth {
  const health = healthByDb.get(db)
  if (!health) throw new Error('healthOf: not a database opened by openDatabase')
  return health
}

/** Settles with `promise`, or rejects as soon as the database is found down. */
function unlessDown<T>(health: DatabaseHealth, promise: Promise<T>, onLate: (value: T) => void): Promise<T> {
  if (health.isDown) {
    promise.then(onLate, () => undefined)
    return Promise.reject(health.unavailableError())
  }
  const down = health.whenDown()
  let lost = false
  return Promise.race([promise, down.promise.catch((error: unknown) => ((lost = true), Promise.reject(error)))]).finally(() => {
    down.cancel()
    if (lost) promise.then(onLate, () => undefined)
  })
}

/**
 * The two pg pools behind one Kysely: routes each checkout by role, refuses checkouts at once
 * while the database is down, and makes sure a connection that failed or timed out is destroyed
 * on release rather than handed to the next request.
 */
class RoutedPool implements PostgresPool {
  constructor(
    private readonly pools: { read: pg.Pool; write: pg.Pool },
    private readonly health: DatabaseHealth,
  ) {}

  async connect(): Promise<PostgresPoolClient> {
    this.health.start()
    const pool = this.pools[role.getStore() ?? 'write']
    const client = await unlessDown(this.health, pool.connect(), (late) => late.release(true)).catch((error: unknown) => {
      this.health.noteError(error)
      throw error
    })
    let broken = false
    return {
      query: ((text: string, values?: readonly unknown[]) => {
        const running = client.query(text, values as unknown[]) as Promise<pg.QueryResult>
        return unlessDown(this.health, running, () => undefined).then(
          (result) => {
            if (WRITE_STATEMENT.test(text)) this.health.noteWriteSucceeded()
            return result
          },
          (error: unknown) => {
            const kind = classifyDbFailure(error)
            // Whatever state the session is in now (mid-query, aborted transaction), nobody
            // should inherit it.
            if (kind === 'unavailable' || kind === 'timeout') broken = true
            this.health.noteError(error)
            throw error
          },
        )
      }) as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy || broken),
    }
  }

  async end(): Promise<void> {
    this.health.stop()
    await Promise.all([...new Set([this.pools.read, this.pools.write])].map((pool) => pool.end()))
  }
}

/** A failed ROLLBACK (the connection is gone) must not hide the error that caused it. */
class QuietRollbackPostgresDriver extends PostgresDriver {
  override async rollbackTransaction(connection: Parameters<PostgresDriver['rollbackTransaction']>[0]): Promise<void> {
    try {
      await super.rollbackTransaction(connection)
    } catch (error) {
      log('debug', 'rollback failed after an earlier error', { error })
    }
  }
}

class GuardedPostgresDialect extends PostgresDialect {
  constructor(private readonly pool: PostgresPool) {
    super({ pool })
  }
  override createDriver() {
    return new QuietRollbackPostgresDriver({ pool: this.pool })
  }
}

function openPostgres(url: string, settings: DatabaseSettings, options: OpenOptions): Kysely<Database> {
  const timeouts = options.maintenance
    ? {}
    : {
        statement_timeout: settings.statementTimeoutMs,
        query_timeout: settings.queryTimeoutMs,
        idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
      }
  const makePool = (max: number, name: string) => {
    const pool = new pg.Pool({
      connectionString: url,
      max,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      keepAlive: true,
      ...timeouts,
      // No Memoize nodes (decision 040): the app's joins are keyset pages of about fifty rows, and
      // a Memoize sized for the table's distinct keys cost more to set up than it saved (8 ms of
      // 8.2 for fifty claims at 475,000 claims, 0.3 ms without).
      options: ['-c enable_memoize=off', ...(options.searchPath ? [`-c search_path=${options.searchPath}`] : [])].join(' '),
    })
    // Without these, a connection dropped by the server (a restart, pg_terminate_backend, a
    // failover) is an unhandled 'error' event, which ends the process. The failed client is
    // removed from the pool by pg-pool; the next checkout opens a new one.
    pool.on('error', (error) => log('warn', 'idle database connection lost', { pool: name, code: (error as { code?: string }).code, error: error.message }))
    pool.on('connect', (client) => client.on('error', (error) => log('debug', 'database connection lost', { pool: name, error: error.message })))
    return pool
  }
  const pools = options.maintenance
    ? (() => {
        const only = makePool(1, 'maintenance')
        return { read: only, write: only }
      })()
    : { read: makePool(settings.readPoolSize, 'read'), write: makePool(settings.writePoolSize, 'write') }
  const health = new DatabaseHealth(postgresProbe({ url, timeoutMs: settings.healthTimeoutMs }), settings.healthIntervalMs)
  const db = new Kysely<Database>({ dialect: new GuardedPostgresDialect(new RoutedPool(pools, health)) })
  healthByDb.set(db, health)
  return db
}

export interface OpenOptions {
  /** PostgreSQL only: a schema to work in (tests give each file its own). */
  searchPath?: string
  /** PostgreSQL only: one connection without statement or query timeouts, for migrations. */
  maintenance?: boolean
  /** Timeouts and pool sizes other than the configured ones (tests). */
  settings?: DatabaseSettings
}

/** Opens a database with the configured timeouts and pool sizes (see config.server.ts). */
export function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Kysely<Database> {
  const settings = options.settings ?? appConfig.database
  return config.engine === 'sqlite' ? openSqlite(config.file, settings) : openPostgres(config.url, settings, options)
}

export function engineOf(db: DB): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
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
    const config = appConfig.databaseUrl
    shared = { db: openDatabase(config), config }
  }
  return shared.db
}

export function getDbConfig(): DatabaseConfig {
  getDb()
  return shared!.config
}
