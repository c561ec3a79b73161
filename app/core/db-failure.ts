/**
 * Which database failures are the operator's problem rather than a bug: the database is gone or
 * too slow (answer 503, try again later) or its disk is full (answer 507, nothing was saved).
 * Anything else is not classified and stays a 500. Pure: it reads only an error's code and message,
 * so the server, the routes and the health check agree on one list.
 */
export type DbFailure = 'unavailable' | 'timeout' | 'full'

// PostgreSQL SQLSTATEs (appendix A): 08 connection exceptions, 57P01–57P05 operator intervention
// (shutdown, crash, starting up, dropped database, idle session timeout), 53300 too many
// connections, 57014 query canceled (statement_timeout), 25P03 idle-in-transaction timeout,
// 55P03 lock_not_available (lock_timeout), 53100 disk full.
const PG_FULL = new Set(['53100'])
const PG_TIMEOUT = new Set(['57014', '25P03', '55P03'])
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '57P04', '57P05', '53300'])

// Node socket errors on the way to the database.
const NET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND'])

// node-postgres and pg-pool signal a lost or never-made connection with plain Errors.
const PG_CLIENT_UNAVAILABLE = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end/,
  /^The database is unavailable/,
]
const PG_CLIENT_TIMEOUT = [/^Query read timeout/]

function fieldOf(error: unknown, name: 'code' | 'message'): string | undefined {
  const value = (error as Record<string, unknown> | null | undefined)?.[name]
  return typeof value === 'string' ? value : undefined
}

function classifyOne(error: unknown): DbFailure | null {
  const code = fieldOf(error, 'code')
  const message = fieldOf(error, 'message') ?? ''
  if (code !== undefined) {
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || PG_FULL.has(code)) return 'full'
    if (PG_TIMEOUT.has(code)) return 'timeout'
    if (PG_UNAVAILABLE.has(code) || code.startsWith('08') || NET_UNAVAILABLE.has(code)) return 'unavailable'
    // Still busy after the bounded wait, or the file cannot be read or written at all.
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'timeout'
    if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY_DBMOVED') return 'unavailable'
  }
  if (/database or disk is full|no space left on device/i.test(message)) return 'full'
  if (PG_CLIENT_TIMEOUT.some((pattern) => pattern.test(message))) return 'timeout'
  if (PG_CLIENT_UNAVAILABLE.some((pattern) => pattern.test(message))) return 'unavailable'
  return null
}

/** The failure behind an error, following `cause` a few levels (drivers and Kysely wrap errors). */
export function classifyDbFailure(error: unknown): DbFailure | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current != null; depth++) {
    const kind = classifyOne(current)
    if (kind) return kind
    current = (current as { cause?: unknown }).cause
  }
  return null
}

/** The HTTP status each failure answers with: 507 Insufficient Storage for a full disk, else 503. */
export function failureStatus(kind: DbFailure): 503 | 507 {
  return kind === 'full' ? 507 : 503
}

/** Seconds a client should wait before trying again (the Retry-After header). */
export function retryAfterSeconds(kind: DbFailure): number {
  return kind === 'full' ? 300 : 5
}

/** The JSON API's error code and message for each failure (English, like every API message). */
export function failureApiError(kind: DbFailure): { code: string; message: string } {
  if (kind === 'full') {
    return { code: 'storage_full', message: "The server's disk is full, so nothing was saved. Reading still works; try saving again later." }
  }
  if (kind === 'timeout') {
    return { code: 'database_timeout', message: 'The database did not answer in time. Try again in a few seconds; after a save, reload first to see whether it went through.' }
  }
  return { code: 'database_unavailable', message: 'The database is unavailable. Try again in a few seconds; after a save, reload first to see whether it went through.' }
}
