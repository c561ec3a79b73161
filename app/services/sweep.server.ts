import type { Connection } from '#app/models/db.server'
import { config } from '#app/config.server'
import { log } from '#app/infra/logger.server'
import { deleteExpiredWindows } from '#app/models/rate-limits.server'
import { deleteExpiredSessions } from '#app/models/sessions.server'

const HOUR = 3_600_000

/**
 * Removes what can never count again: ended sessions, and rate-limit windows older than the
 * previous window of the longest limit (a sliding limit reads the current and previous window).
 */
export async function sweepExpired(db: Connection, now = new Date()): Promise<{ sessions: number; windows: number }> {
  const longest = Math.max(...Object.values(config.limits).map((l) => l.windowSeconds)) * 1000
  const sessions = await deleteExpiredSessions(db, now)
  const windows = await deleteExpiredWindows(db, new Date(now.getTime() - 2 * longest))
  return { sessions, windows }
}

/** Sweeps once an hour in the background; every instance may, the deletes are idempotent. */
export function startSweeper(db: Connection): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpired(db).then(
      (swept) => log('info', 'expired sessions and rate-limit windows removed', swept),
      (error: unknown) => log('error', 'sweep failed', { error }),
    )
  }, HOUR)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
