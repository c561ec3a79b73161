import type { DB } from './db.server'
import { newId, nowIso } from './ids.server'

export type SecurityEvent =
  | 'login.success'
  | 'login.failure'
  | 'login.throttled'
  | 'logout'
  | 'signup'
  | 'signup.throttled'
  | 'password.changed'
  | 'session.revoked'
  | 'token.created'
  | 'token.revoked'
  | 'role.changed'
  | 'user.blocked'
  | 'user.unblocked'
  | 'authorization.denied'
  | 'csrf.rejected'

/** The security log: who did what from where. Never a password, token or session id. */
export async function logSecurityEvent(
  db: DB,
  event: SecurityEvent,
  fields: { userId?: string | null; username?: string | null; ip?: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('security_log')
    .values({
      id: newId(),
      event,
      user_id: fields.userId ?? null,
      username: fields.username?.slice(0, 64) ?? null,
      ip: fields.ip ?? null,
      detail: fields.detail ? JSON.stringify(fields.detail) : null,
      created_at: nowIso(),
    })
    .execute()
}

export async function listSecurityEvents(db: DB, options: { userId?: string; limit?: number } = {}) {
  let query = db.selectFrom('security_log').select(['id', 'event', 'user_id', 'username', 'ip', 'detail', 'created_at'])
  if (options.userId) query = query.where('user_id', '=', options.userId)
  return query.orderBy('id', 'desc').limit(options.limit ?? 100).execute()
}
