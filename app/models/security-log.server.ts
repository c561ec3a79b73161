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
  | 'password.change_failed'
  | 'password.reset_requested'
  | 'password.reset'
  | 'session.revoked'
  | 'sessions.ended'
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

export interface SecurityLogEntry {
  id: string
  event: string
  userId: string | null
  username: string | null
  ip: string | null
  detail: Record<string, unknown> | null
  createdAt: string
}

/** Newest first; `before` continues after the last id of a previous page. */
export async function listSecurityEvents(db: DB, options: { userId?: string; event?: SecurityEvent; before?: string | null; limit?: number } = {}): Promise<SecurityLogEntry[]> {
  let query = db.selectFrom('security_log').select(['id', 'event', 'user_id', 'username', 'ip', 'detail', 'created_at'])
  if (options.userId) query = query.where('user_id', '=', options.userId)
  if (options.event) query = query.where('event', '=', options.event)
  if (options.before) query = query.where('id', '<', options.before)
  const rows = await query.orderBy('id', 'desc').limit(options.limit ?? 100).execute()
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    userId: r.user_id,
    username: r.username,
    ip: r.ip,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    createdAt: r.created_at,
  }))
}
