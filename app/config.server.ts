import { DEFAULT_MAX_FIGURE_AGE_MONTHS } from '#app/core/evidence'
import type { Limit } from '#app/models/rate-limits.server'

/** "MAX/SECONDS", e.g. "10/900": at most 10 in 15 minutes. */
function limit(name: string, fallback: Limit): Limit {
  const raw = process.env[name]
  if (!raw) return fallback
  const match = /^(\d+)\/(\d+)$/.exec(raw.trim())
  if (!match || Number(match[2]) === 0) throw new Error(`${name} must look like MAX/SECONDS (e.g. 10/900), not "${raw}"`)
  return { max: Number(match[1]), windowSeconds: Number(match[2]) }
}

function number(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not "${raw}"`)
  return value
}

function positive(name: string, fallback: number): number {
  const value = number(name, fallback)
  if (value === 0) throw new Error(`${name} must be more than 0`)
  return value
}

/** Everything tunable besides PORT, DATABASE_URL and ORIGIN; documented in the README. */
export const config = {
  limits: {
    /** Failed logins per account and address (ASVS 2.2.1): 10 in 15 minutes. */
    loginAccountIp: limit('RATE_LOGIN_ACCOUNT_IP', { max: 10, windowSeconds: 900 }),
    /** Failed logins per account from anywhere: 100 an hour, against distributed guessing. */
    loginAccount: limit('RATE_LOGIN_ACCOUNT', { max: 100, windowSeconds: 3600 }),
    /**
     * Failed logins per address across all accounts: one client trying many names (credential
     * stuffing) is slowed, and each attempt costs an argon2 hash. High, for offices behind one NAT.
     */
    loginIp: limit('RATE_LOGIN_IP', { max: 100, windowSeconds: 900 }),
    signupIp: limit('RATE_SIGNUP_IP', { max: 5, windowSeconds: 3600 }),
    saveUser: limit('RATE_SAVE_USER', { max: 120, windowSeconds: 3600 }),
    reportUser: limit('RATE_REPORT_USER', { max: 20, windowSeconds: 3600 }),
    /** Anonymous readers may report too; they are counted per address. */
    reportIp: limit('RATE_REPORT_IP', { max: 10, windowSeconds: 3600 }),
    /** Password-reset requests per address and per account: each one sends a mail. */
    passwordResetIp: limit('RATE_PASSWORD_RESET_IP', { max: 10, windowSeconds: 3600 }),
    passwordResetAccount: limit('RATE_PASSWORD_RESET_ACCOUNT', { max: 3, windowSeconds: 3600 }),
  },
  /** Editors become trusted after this many approved revisions and days (MediaWiki: 10 and 4). */
  trustAfterApproved: number('TRUST_AFTER_APPROVED', 10),
  trustAfterDays: number('TRUST_AFTER_DAYS', 4),
  /** Sessions end after this many idle days, and this many days after sign-in at the latest. */
  sessionIdleDays: positive('SESSION_IDLE_DAYS', 14),
  sessionAbsoluteDays: positive('SESSION_ABSOLUTE_DAYS', 30),
  /** Figures whose as-of date is older than this many months carry a "may be outdated" badge. */
  figureMaxAgeMonths: positive('FIGURE_MAX_AGE_MONTHS', DEFAULT_MAX_FIGURE_AGE_MONTHS),
  /**
   * Distinct reporters that make a figure or citation show as disputed to readers without a
   * moderator; one trusted reporter, or an upheld report, always does (decision 017).
   */
  reportsToDispute: positive('REPORTS_TO_DISPUTE', 3),
  mail: {
    /** smtp://user:pass@host:port or smtps://…; without it, mail is written to the log. */
    smtpUrl: smtpUrl(process.env.SMTP_URL),
    from: process.env.MAIL_FROM?.trim() || 'Sourced <no-reply@localhost>',
    /** Seconds before a failed delivery is tried again; doubles with each attempt. */
    retrySeconds: positive('MAIL_RETRY_SECONDS', 60),
    /** Seconds between looks at the mail queue (a mail queued here is sent at once). */
    pollSeconds: positive('MAIL_POLL_SECONDS', 30),
  },
}

function smtpUrl(raw: string | undefined): string | null {
  const value = raw?.trim()
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error('SMTP_URL is not a valid URL: expected smtp://user:password@host:587 or smtps://…')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://')
  return value
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const value = number(name, fallback)
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${process.env[name]}"`)
  return value
}

/**
 * Database timeouts and pools. Read when the database opens (not at import), so a bad value stops
 * start-up with its one-line message. All times in milliseconds.
 */
export function databaseConfig() {
  const poolSize = integer('DATABASE_POOL_SIZE', 10, 2, 1000)
  // A share of the connections only writes (form posts, API writes, background jobs) may use, so
  // a crowd of readers cannot make a save wait for a connection. Default: 30 %, at least 1.
  const writePoolSize = integer('DATABASE_WRITE_POOL_SIZE', Math.max(1, Math.round(poolSize * 0.3)), 1, 1000)
  if (writePoolSize >= poolSize) {
    throw new Error(`DATABASE_WRITE_POOL_SIZE (${writePoolSize}) must be less than DATABASE_POOL_SIZE (${poolSize}): the rest serves reads`)
  }
  const statementTimeoutMs = integer('DATABASE_STATEMENT_TIMEOUT_MS', 5000, 100, 3_600_000)
  // Client-side: fires only when the server cannot answer at all (frozen, unplugged), so it waits
  // a little longer than the server's own statement timeout.
  const queryTimeoutMs = integer('DATABASE_QUERY_TIMEOUT_MS', statementTimeoutMs + 1000, 100, 3_600_000)
  return {
    poolSize,
    writePoolSize,
    readPoolSize: poolSize - writePoolSize,
    /** Opening a connection, and waiting for a free one in the pool. */
    connectTimeoutMs: integer('DATABASE_CONNECT_TIMEOUT_MS', 3000, 100, 600_000),
    statementTimeoutMs,
    queryTimeoutMs,
    idleInTransactionTimeoutMs: integer('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 100, 3_600_000),
    /** The health probe's own connection: its connect and query each get this long. */
    healthTimeoutMs: integer('DATABASE_HEALTH_TIMEOUT_MS', 1500, 100, 60_000),
    /** How often the health probe runs in the background (and at most this stale on /healthz). */
    healthIntervalMs: integer('DATABASE_HEALTH_INTERVAL_MS', 2000, 200, 600_000),
    /** SQLite: how long a statement waits for another connection's write lock before failing. */
    busyTimeoutMs: integer('DATABASE_BUSY_TIMEOUT_MS', 5000, 0, 600_000),
  }
}

export type DatabaseSettings = ReturnType<typeof databaseConfig>
