import type { Kysely } from 'kysely'
import { config } from '#app/infra/config.server'
import { log } from '#app/infra/logger.server'
import { deleteNotificationsBefore } from '#app/models/notifications.server'
import { deleteExpiredWindows } from '#app/models/rate-limits.server'
import { deleteExpiredSessions } from '#app/models/sessions.server'
import type { Database } from '#db/schema'

const HOUR = 3_600_000
/** Notifications are kept this long (DESIGN.md, "Working together"). */
const NOTIFICATION_DAYS = 90

/**
 * Removes what can never count again: ended sessions, rate-limit windows older than the previous
 * window of the longest limit (a sliding limit reads the current and previous window), and
 * notifications past their 90 days.
 */
export async function sweepExpired(db: Kysely<Database>, now = new Date()): Promise<{ sessions: number; windows: number; notifications: number }> {
  const longest = Math.max(...Object.values(config.limits).map((l) => l.windowSeconds)) * 1000
  const sessions = await deleteExpiredSessions(db, now)
  const windows = await deleteExpiredWindows(db, new Date(now.getTime() - 2 * longest))
  const notifications = await deleteNotificationsBefore(db, new Date(now.getTime() - NOTIFICATION_DAYS * 24 * HOUR).toISOString())
  return { sessions, windows, notifications }
}

/** Sweeps once an hour in the background; every instance may, the deletes are idempotent. */
export function startSweeper(db: Kysely<Database>): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpired(db).then(
      (swept) => log('info', 'expired sessions and rate-limit windows removed', swept),
      (error: unknown) => log('error', 'sweep failed', { error }),
    )
  }, HOUR)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
