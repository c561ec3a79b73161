import { checkReason, mayChangeRole } from '#app/core/user-admin'
import type { Issue } from '#app/core/result'
import type { Role } from '#app/core/roles'
import type { DB } from '#app/models/db.server'
import { appendLog } from '#app/models/moderation.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getUserById, lockAdmins, setUserRole } from '#app/models/users.server'

export interface ChangeRoleInput {
  /** An admin (the route has checked 'user.setRole'). */
  actor: { id: string; username: string }
  targetUserId: string
  role: Role
  /** Public, in the moderation log; may be empty. */
  reason: unknown
  ip: string | null
}

export type ChangeRoleResult =
  | { ok: true; from: Role; to: Role }
  | { ok: false; status: 404; code: 'not_found' }
  | { ok: false; status: 409 | 422; code: 'last_admin' | 'same_role' | 'reason_too_long'; issues: Issue[] }

/**
 * Changes someone's role, atomically with its two records: the security log (who, from where)
 * and the public moderation log (`user.role`, with the reason). The admins are locked first, so
 * two admins demoting each other at the same moment leave one admin, not none.
 */
export async function changeRole(db: DB, input: ChangeRoleInput): Promise<ChangeRoleResult> {
  const reason = checkReason(input.reason, { required: false })
  if (!reason.ok) return { ok: false, status: 422, code: 'reason_too_long', issues: reason.issues }
  return db.transaction().execute(async (trx): Promise<ChangeRoleResult> => {
    const admins = await lockAdmins(trx)
    const target = await getUserById(trx, input.targetUserId)
    if (!target) return { ok: false, status: 404, code: 'not_found' }
    const allowed = mayChangeRole(target, input.role, admins)
    if (!allowed.ok) return { ok: false, status: 409, code: allowed.issues[0]!.code as 'last_admin' | 'same_role', issues: allowed.issues }
    if (!(await setUserRole(trx, target.id, input.role, { from: target.role }))) {
      throw new Error(`role of ${target.id} changed under a lock`)
    }
    const detail = { from: target.role, to: input.role }
    await logSecurityEvent(trx, 'role.changed', { userId: target.id, username: target.username, ip: input.ip, detail: { ...detail, by: input.actor.username } })
    await appendLog(trx, { action: 'user.role', actorId: input.actor.id, targetUserId: target.id, reason: reason.value, detail })
    return { ok: true, from: target.role, to: input.role }
  })
}
