import os from 'node:os'
import { z } from 'zod'
import { DEFAULT_MAX_FIGURE_AGE_MONTHS } from '#app/core/evidence'
import type { RateLimit } from '#app/core/rate-window'

/**
 * The whole configuration: every environment variable the server, the app and the command-line
 * tools read, each with its rule, default and message (README, "Configuration"). This is the only
 * module that reads `process.env` (lint-enforced); everything else imports `config`.
 *
 * The server parses it once at boot (server/index.ts, before it loads the app) and stops with one
 * line per bad variable — its name, what is wrong with the value, what is expected. Modules read
 * `config`, parsed from process.env when first used; `loadConfig(env)` parses any other environment
 * (tests, and the checks of a value a test wants refused).
 */

type Env = Record<string, string | undefined>

const MIB = 1024 * 1024

/** An unset or empty variable takes its default: the same for every variable. */
const raw = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value))

function refuse(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER
}

/** A number within [min, max]; `whole` asks for an integer. `problem` says what is expected. */
function numberVar(fallback: number, problem: (value: string) => string, accept: (n: number) => boolean) {
  return raw.transform((value, ctx) => {
    if (value === undefined) return fallback
    const n = Number(value)
    return Number.isFinite(n) && accept(n) ? n : refuse(ctx, problem(value))
  })
}

const nonNegative = (fallback: number) => numberVar(fallback, (v) => `must be a non-negative number, not "${v}"`, (n) => n >= 0)
const positive = (fallback: number) => numberVar(fallback, (v) => `must be more than 0, not "${v}"`, (n) => n > 0)
/** Whole numbers in a range; a value that is no number at all is named as such. */
function integer<F extends number | undefined>(fallback: F, min: number, max: number) {
  return raw.transform((value, ctx): number | F => {
    if (value === undefined) return fallback
    const n = Number(value)
    if (!Number.isFinite(n) || n < 0) return refuse(ctx, `must be a non-negative number, not "${value}"`)
    return Number.isInteger(n) && n >= min && n <= max ? n : refuse(ctx, `must be a whole number from ${min} to ${max}, not "${value}"`)
  })
}
/** The link checker's settings: any positive number. */
const linkCheck = (fallback: number) => numberVar(fallback, (v) => `must be a positive number, not "${v}"`, (n) => n > 0)
/** Memory budgets and entry caps: whole numbers, 0 or more. */
const count = (fallback: number, unit: string) => numberVar(fallback, (v) => `must be a whole number of ${unit} (0 or more), not "${v}"`, (n) => Number.isInteger(n) && n >= 0)

/** "MAX/SECONDS", e.g. "10/900": at most 10 in 15 minutes. */
const rate = (max: number, windowSeconds: number) =>
  raw.transform((value, ctx): RateLimit => {
    if (value === undefined) return { max, windowSeconds }
    const match = /^(\d+)\/(\d+)$/.exec(value.trim())
    if (!match || Number(match[2]) === 0) return refuse(ctx, `must look like MAX/SECONDS (e.g. 10/900), not "${value}"`)
    return { max: Number(match[1]), windowSeconds: Number(match[2]) }
  })

/** A switch with a documented spelling for each side; unset keeps the default. */
const flag = (fallback: boolean, on: string, off: string) =>
  raw.transform((value, ctx) => {
    if (value === undefined) return fallback
    if (value === on) return true
    if (value === off) return false
    return refuse(ctx, `must be "${on}" or "${off}", not "${value}"`)
  })

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string }

const DEFAULT_SQLITE_FILE = './data/sourced.sqlite'

/** DATABASE_URL: a SQLite file path (or `:memory:`), or a postgres:// URL. Throws a one-line message. */
export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const value = (raw ?? '').trim()
  if (value === '') return { engine: 'sqlite', file: DEFAULT_SQLITE_FILE }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase()
  if (scheme === undefined) {
    if (/[\0\n\r]/.test(value)) throw new Error('DATABASE_URL contains a control character')
    return { engine: 'sqlite', file: value.replace(/^(sqlite|file):/, '') }
  }
  if (scheme !== 'postgres' && scheme !== 'postgresql') {
    throw new Error(`DATABASE_URL uses the unsupported scheme "${scheme}://": use a SQLite file path, ":memory:" or postgres://user@host:5432/database`)
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error('DATABASE_URL is not a valid URL: expected postgres://user@host:5432/database')
  }
  if (url.hostname === '') throw new Error('DATABASE_URL has no host name: expected postgres://user@host:5432/database')
  if (url.pathname.replace(/^\//, '') === '') throw new Error('DATABASE_URL names no database: expected postgres://user@host:5432/database')
  return { engine: 'postgres', url: value }
}

/** Messages of the parsers above start with the variable's name; the schema adds it itself. */
const withoutName = (name: string, message: string) => (message.startsWith(name + ' ') ? message.slice(name.length + 1) : message)

const schema = z.object({
  NODE_ENV: raw,
  PORT: numberVar(3000, (v) => `must be a number between 0 and 65535, not "${v}"`, (n) => Number.isInteger(n) && n >= 0 && n <= 65535),
  HOST: raw.transform((v) => v ?? '0.0.0.0'),
  ORIGIN: raw.transform((value, ctx) => {
    if (value === undefined) return undefined
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return refuse(ctx, 'is not a valid URL: expected something like https://sourced.example')
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse(ctx, 'must start with http:// or https://')
    return url.origin
  }),
  DATABASE_URL: z.string().optional().transform((value, ctx) => {
    try {
      return parseDatabaseUrl(value)
    } catch (error) {
      return refuse(ctx, withoutName('DATABASE_URL', (error as Error).message))
    }
  }),
  DATABASE_POOL_SIZE: integer(10, 2, 1000),
  DATABASE_WRITE_POOL_SIZE: integer(undefined, 1, 1000),
  DATABASE_CONNECT_TIMEOUT_MS: integer(3000, 100, 600_000),
  DATABASE_STATEMENT_TIMEOUT_MS: integer(5000, 100, 3_600_000),
  DATABASE_QUERY_TIMEOUT_MS: integer(undefined, 100, 3_600_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: integer(10_000, 100, 3_600_000),
  DATABASE_HEALTH_TIMEOUT_MS: integer(1500, 100, 60_000),
  DATABASE_HEALTH_INTERVAL_MS: integer(2000, 200, 600_000),
  DATABASE_BUSY_TIMEOUT_MS: integer(5000, 0, 600_000),
  DEMO_CONTENT: flag(true, 'true', 'false'),
  TRUST_PROXY: flag(false, 'true', 'false'),
  WEB_CONCURRENCY: numberVar(0, (v) => `must be a whole number of worker processes from 1 to 256, not "${v}"`, (n) => Number.isInteger(n) && n >= 1 && n <= 256),
  /** Set by the primary for its workers: only one of them runs the background jobs. */
  SOURCED_BACKGROUND_JOBS: flag(true, 'on', 'off'),
  BUILD_DIR: raw.transform((v) => v ?? 'build'),
  LOG_LEVEL: raw.transform((value, ctx): LogLevel => {
    if (value === undefined) return 'info'
    return (LOG_LEVELS as readonly string[]).includes(value) ? (value as LogLevel) : refuse(ctx, `must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`)
  }),
  SESSION_IDLE_DAYS: positive(14),
  SESSION_ABSOLUTE_DAYS: positive(30),
  TRUST_AFTER_APPROVED: nonNegative(10),
  TRUST_AFTER_DAYS: nonNegative(4),
  RATE_LOGIN_ACCOUNT_IP: rate(10, 900),
  RATE_LOGIN_ACCOUNT: rate(100, 3600),
  RATE_LOGIN_IP: rate(100, 900),
  RATE_SIGNUP_IP: rate(5, 3600),
  RATE_SAVE_USER: rate(120, 3600),
  RATE_REPORT_USER: rate(20, 3600),
  RATE_REPORT_IP: rate(10, 3600),
  RATE_PASSWORD_RESET_IP: rate(10, 3600),
  RATE_PASSWORD_RESET_ACCOUNT: rate(3, 3600),
  REPORTS_TO_DISPUTE: positive(3),
  FIGURE_MAX_AGE_MONTHS: nonNegative(DEFAULT_MAX_FIGURE_AGE_MONTHS),
  RENDER_CACHE_BYTES: count(32 * MIB, 'bytes'),
  RENDER_CACHE_ENTRIES: count(Infinity, 'entries'),
  PAGE_CACHE_BYTES: count(64 * MIB, 'bytes'),
  PAGE_CACHE_ENTRIES: count(10_000, 'entries'),
  LINK_CHECKER: flag(true, 'on', 'off'),
  LINK_CHECK_INTERVAL_MINUTES: linkCheck(10),
  LINK_CHECK_INTERVAL_HOURS: linkCheck(168),
  LINK_CHECK_BROKEN_INTERVAL_HOURS: linkCheck(24),
  LINK_CHECK_MAX_ATTEMPTS: linkCheck(3),
  LINK_CHECK_BATCH: linkCheck(50),
  LINK_CHECK_CONCURRENCY: linkCheck(4),
  LINK_CHECK_TIMEOUT_MS: linkCheck(20_000),
  LINK_CHECK_CONNECT_TIMEOUT_MS: linkCheck(5_000),
  LINK_CHECK_OFFLINE_HOSTS: linkCheck(3),
  /** host:port pairs the checker may reach although not public: honoured only with NODE_ENV=test. */
  LINK_CHECK_TEST_ALLOWLIST: raw.transform((v) => (v?.trim() ? v.split(',').map((entry) => entry.trim()).filter(Boolean) : undefined)),
  SMTP_URL: raw.transform((value, ctx) => {
    const trimmed = value?.trim()
    if (!trimmed) return null
    let url: URL
    try {
      url = new URL(trimmed)
    } catch {
      return refuse(ctx, 'is not a valid URL: expected smtp://user:password@host:587 or smtps://…')
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') return refuse(ctx, 'must start with smtp:// or smtps://')
    return trimmed
  }),
  MAIL_FROM: raw.transform((v) => v?.trim() || 'Sourced <no-reply@localhost>'),
  MAIL_RETRY_SECONDS: positive(60),
  MAIL_POLL_SECONDS: positive(30),
})

function shape(env: z.output<typeof schema>) {
  const poolSize = env.DATABASE_POOL_SIZE
  // A share of the connections only writes (form posts, API writes, background jobs) may use, so
  // a crowd of readers cannot make a save wait for a connection. Default: 30 %, at least 1.
  const writePoolSize = env.DATABASE_WRITE_POOL_SIZE ?? Math.max(1, Math.round(poolSize * 0.3))
  const port = env.PORT
  const origin = env.ORIGIN ?? `http://localhost:${port}`
  return {
    nodeEnv: env.NODE_ENV,
    port,
    host: env.HOST,
    /**
     * The public origin (ORIGIN, default http://localhost:$PORT) and the origins a browser may post
     * from. Without ORIGIN the loopback spellings of the default are accepted too, so the quick
     * start works at http://127.0.0.1:3000 as well as at http://localhost:3000.
     */
    origins: { origin, allowed: env.ORIGIN ? [origin] : [origin, `http://127.0.0.1:${port}`, `http://[::1]:${port}`] },
    trustProxy: env.TRUST_PROXY,
    /** Worker processes: one per core unless set; 1 runs the server in one process. */
    workers: env.WEB_CONCURRENCY || os.availableParallelism(),
    backgroundJobs: env.SOURCED_BACKGROUND_JOBS,
    buildDir: env.BUILD_DIR,
    logLevel: env.LOG_LEVEL,
    demoContent: env.DEMO_CONTENT,
    databaseUrl: env.DATABASE_URL,
    /** Database timeouts and pools, all times in milliseconds. */
    database: {
      poolSize,
      writePoolSize,
      readPoolSize: poolSize - writePoolSize,
      /** Opening a connection, and waiting for a free one in the pool. */
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      // Client-side: fires only when the server cannot answer at all (frozen, unplugged), so it
      // waits a little longer than the server's own statement timeout.
      queryTimeoutMs: env.DATABASE_QUERY_TIMEOUT_MS ?? env.DATABASE_STATEMENT_TIMEOUT_MS + 1000,
      idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      /** The health probe's own connection: its connect and query each get this long. */
      healthTimeoutMs: env.DATABASE_HEALTH_TIMEOUT_MS,
      /** How often the health probe runs in the background (and at most this stale on /healthz). */
      healthIntervalMs: env.DATABASE_HEALTH_INTERVAL_MS,
      /** SQLite: how long a statement waits for another connection's write lock before failing. */
      busyTimeoutMs: env.DATABASE_BUSY_TIMEOUT_MS,
    },
    limits: {
      /** Failed logins per account and address (ASVS 2.2.1): 10 in 15 minutes. */
      loginAccountIp: env.RATE_LOGIN_ACCOUNT_IP,
      /** Failed logins per account from anywhere: 100 an hour, against distributed guessing. */
      loginAccount: env.RATE_LOGIN_ACCOUNT,
      /**
       * Failed logins per address across all accounts: one client trying many names (credential
       * stuffing) is slowed, and each attempt costs an argon2 hash. High, for offices behind one NAT.
       */
      loginIp: env.RATE_LOGIN_IP,
      signupIp: env.RATE_SIGNUP_IP,
      saveUser: env.RATE_SAVE_USER,
      reportUser: env.RATE_REPORT_USER,
      /** Anonymous readers may report too; they are counted per address. */
      reportIp: env.RATE_REPORT_IP,
      /** Password-reset requests per address and per account: each one sends a mail. */
      passwordResetIp: env.RATE_PASSWORD_RESET_IP,
      passwordResetAccount: env.RATE_PASSWORD_RESET_ACCOUNT,
    },
    /** Editors become trusted after this many approved revisions and days (MediaWiki: 10 and 4). */
    trustAfterApproved: env.TRUST_AFTER_APPROVED,
    trustAfterDays: env.TRUST_AFTER_DAYS,
    /** Sessions end after this many idle days, and this many days after sign-in at the latest. */
    sessionIdleDays: env.SESSION_IDLE_DAYS,
    sessionAbsoluteDays: env.SESSION_ABSOLUTE_DAYS,
    /** Figures whose as-of date is older than this many months carry a "may be outdated" badge. */
    figureMaxAgeMonths: env.FIGURE_MAX_AGE_MONTHS,
    /**
     * Distinct reporters that make a figure or citation show as disputed to readers without a
     * moderator; one trusted reporter, or an upheld report, always does (decision 017).
     */
    reportsToDispute: env.REPORTS_TO_DISPUTE,
    /** Rendered revision bodies and diffs kept per process (models/render-cache.server.ts). */
    renderCache: { bytes: env.RENDER_CACHE_BYTES, entries: env.RENDER_CACHE_ENTRIES },
    /** Stored anonymous pages per process (server/page-cache.ts); 0 entries turns it off. */
    pageCache: { bytes: env.PAGE_CACHE_BYTES, entries: env.PAGE_CACHE_ENTRIES },
    linkChecker: {
      /** `LINK_CHECKER=off`: no in-process checker (`npm run check-links` from cron instead). */
      enabled: env.LINK_CHECKER,
      intervalMinutes: env.LINK_CHECK_INTERVAL_MINUTES,
      intervalHours: env.LINK_CHECK_INTERVAL_HOURS,
      brokenIntervalHours: env.LINK_CHECK_BROKEN_INTERVAL_HOURS,
      maxAttempts: Math.floor(env.LINK_CHECK_MAX_ATTEMPTS),
      batchSize: Math.floor(env.LINK_CHECK_BATCH),
      concurrency: Math.floor(env.LINK_CHECK_CONCURRENCY),
      offlineMinHosts: Math.floor(env.LINK_CHECK_OFFLINE_HOSTS),
      connectTimeoutMs: env.LINK_CHECK_CONNECT_TIMEOUT_MS,
      totalTimeoutMs: env.LINK_CHECK_TIMEOUT_MS,
      testAllowlist: env.LINK_CHECK_TEST_ALLOWLIST,
    },
    mail: {
      /** smtp://user:pass@host:port or smtps://…; without it, mail is written to the log. */
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      /** Seconds before a failed delivery is tried again; doubles with each attempt. */
      retrySeconds: env.MAIL_RETRY_SECONDS,
      /** Seconds between looks at the mail queue (a mail queued here is sent at once). */
      pollSeconds: env.MAIL_POLL_SECONDS,
    },
  }
}

export type Config = ReturnType<typeof shape>
export type DatabaseSettings = Config['database']

/** Every bad variable at once, one line each: `NAME must …, not "value"`. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'ConfigError'
  }
}

/** Parses an environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Env): Config {
  const parsed = schema.safeParse(env)
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`)
  if (parsed.success) {
    const { DATABASE_POOL_SIZE: pool, DATABASE_WRITE_POOL_SIZE: write } = parsed.data
    if (write !== undefined && write >= pool) {
      problems.push(`DATABASE_WRITE_POOL_SIZE (${write}) must be less than DATABASE_POOL_SIZE (${pool}): the rest serves reads`)
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems)
  return shape(parsed.data)
}

let loaded: Config | undefined

/** This process's configuration, parsed from its environment on first use. */
export function getConfig(): Config {
  return (loaded ??= loadConfig(process.env))
}

/** Parses the environment again on next use: for a test that points the process at its own database. */
export function reloadConfig(): void {
  loaded = undefined
}

/**
 * The configuration as an object, for the modules that read a setting where they use it. Each
 * property is read from getConfig(), so importing this module never throws; the first read does.
 */
export const config: Config = new Proxy({} as Config, {
  get: (_target, key) => getConfig()[key as keyof Config],
})
