import { config } from '#app/infra/config.server'
import type { Issue } from '#app/core/result'
import { hashSessionId } from '#app/auth/session.server'
import { hashPassword, verifyPassword } from '#app/auth/password.server'
import { checkNewPassword } from '#app/auth/password-policy.server'
import type { DB } from '#app/models/db.server'
import { checkLimit, hitLimit } from '#app/models/rate-limits.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { deleteSessionsOfUser } from '#app/models/sessions.server'
import { getPasswordHash, setPasswordHash } from '#app/models/users.server'

export interface ChangePasswordInput {
  user: { id: string; username: string }
  /** The session making the change: it stays signed in, every other one ends. */
  sessionId: string
  currentPassword: unknown
  newPassword: unknown
  ip: string | null
}

export type ChangePasswordResult =
  | { ok: true; endedSessions: number }
  | { ok: false; reason: 'wrong_password' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid'; issues: Issue[] }

/**
 * Changes a password (ASVS 6.2.3: the current one is required) and ends every other session of
 * the account, so whoever else held one is out. Wrong current passwords count against the same
 * limit as failed logins: a stolen session must not become a password-guessing oracle.
 */
export async function changePassword(db: DB, input: ChangePasswordInput): Promise<ChangePasswordResult> {
  const bucket = `password:${input.user.id}`
  const limit = config.limits.loginAccountIp
  const state = await checkLimit(db, bucket, limit)
  if (!state.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: state.retryAfterSeconds }
  const stored = await getPasswordHash(db, input.user.id)
  const current = typeof input.currentPassword === 'string' ? input.currentPassword.slice(0, 1000) : ''
  if (!stored || !(await verifyPassword(stored, current))) {
    await hitLimit(db, bucket, limit)
    await logSecurityEvent(db, 'password.change_failed', { userId: input.user.id, username: input.user.username, ip: input.ip })
    return { ok: false, reason: 'wrong_password' }
  }
  const checked = checkNewPassword(input.newPassword, { username: input.user.username })
  if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues }
  const hash = await hashPassword(checked.value)
  const endedSessions = await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, input.user.id, hash)
    const ended = await deleteSessionsOfUser(trx, input.user.id, { exceptStoredId: hashSessionId(input.sessionId) })
    await logSecurityEvent(trx, 'password.changed', { userId: input.user.id, username: input.user.username, ip: input.ip, detail: { endedSessions: ended } })
    return ended
  })
  return { ok: true, endedSessions }
}
