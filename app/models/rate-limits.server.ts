import type { DB } from './db.server'

export interface Limit {
  /** At most this many hits per window. */
  max: number
  windowSeconds: number
}

function windowOf(now: Date, windowSeconds: number): { start: string; end: number } {
  const size = windowSeconds * 1000
  const start = Math.floor(now.getTime() / size) * size
  return { start: new Date(start).toISOString(), end: start + size }
}

/**
 * Fixed-window counters kept in the database, so a limit holds across every app instance.
 * `check` reads without counting (a login checks before it knows whether it failed); `hit`
 * counts atomically (insert-or-increment in one statement on both engines).
 */
export async function checkLimit(db: DB, bucket: string, limit: Limit, now = new Date()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const window = windowOf(now, limit.windowSeconds)
  const row = await db.selectFrom('rate_limits').select('count').where('bucket', '=', bucket).where('window_start', '=', window.start).executeTakeFirst()
  const count = Number(row?.count ?? 0)
  return { allowed: count < limit.max, retryAfterSeconds: Math.max(1, Math.ceil((window.end - now.getTime()) / 1000)) }
}

export async function hitLimit(db: DB, bucket: string, limit: Limit, now = new Date()): Promise<{ count: number; allowed: boolean; retryAfterSeconds: number }> {
  const window = windowOf(now, limit.windowSeconds)
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket, window_start: window.start, count: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow()
  const count = Number(row.count)
  return { count, allowed: count <= limit.max, retryAfterSeconds: Math.max(1, Math.ceil((window.end - now.getTime()) / 1000)) }
}

/** Old windows are dead weight; the link-check scheduler sweeps them now and then. */
export async function deleteExpiredWindows(db: DB, olderThan: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<', olderThan.toISOString()).execute()
}
