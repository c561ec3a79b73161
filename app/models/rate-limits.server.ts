import { estimateCount, secondsUntilAllowed, windowPosition, type RateLimit } from '#app/core/rate-window'
import type { DB } from './db.server'

export type Limit = RateLimit

export interface LimitState {
  /** Hits in the last window (sliding estimate), including this one for `hitLimit`. */
  count: number
  allowed: boolean
  /** Seconds until one more attempt would be allowed (at least 1; meaningful when refused). */
  retryAfterSeconds: number
}

async function counts(db: DB, bucket: string, start: string, previousStart: string): Promise<{ current: number; previous: number }> {
  const rows = await db.selectFrom('rate_limits').select(['window_start', 'count']).where('bucket', '=', bucket).where('window_start', 'in', [start, previousStart]).execute()
  const of = (s: string) => Number(rows.find((r) => r.window_start === s)?.count ?? 0)
  return { current: of(start), previous: of(previousStart) }
}

/**
 * Counters kept in the database, so a limit holds across every app instance; the window slides
 * (app/core/rate-window.ts). `checkLimit` reads without counting (a login checks before it knows
 * whether it failed); `hitLimit` counts atomically (insert-or-increment in one statement on both
 * engines) and then reads the previous window for the estimate.
 */
export async function checkLimit(db: DB, bucket: string, limit: Limit, now = new Date()): Promise<LimitState> {
  const window = windowPosition(now, limit.windowSeconds)
  const { current, previous } = await counts(db, bucket, window.start, window.previousStart)
  const count = estimateCount(current, previous, window.elapsed)
  return { count, allowed: count < limit.max, retryAfterSeconds: Math.max(1, secondsUntilAllowed(limit, current, previous, window.elapsed)) }
}

export async function hitLimit(db: DB, bucket: string, limit: Limit, now = new Date()): Promise<LimitState> {
  const window = windowPosition(now, limit.windowSeconds)
  const row = await db
    .insertInto('rate_limits')
    .values({ bucket, window_start: window.start, count: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })))
    .returning('count')
    .executeTakeFirstOrThrow()
  const current = Number(row.count)
  const previous = (await counts(db, bucket, window.previousStart, window.previousStart)).current
  const count = estimateCount(current, previous, window.elapsed)
  // This hit is counted either way; the wait is until the next one would fit.
  return { count, allowed: count <= limit.max, retryAfterSeconds: Math.max(1, secondsUntilAllowed(limit, current, previous, window.elapsed)) }
}

/** Windows older than the previous one no longer count; app/services/sweep.server.ts removes them. */
export async function deleteExpiredWindows(db: DB, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', olderThan.toISOString()).executeTakeFirst()
  return Number(result.numDeletedRows)
}
