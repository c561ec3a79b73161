import { checkReason, mayBlock } from '#app/core/user-admin'
import type { Issue } from '#app/core/result'
import type { Role } from '#app/core/roles'
import { lockRow, type DB } from '#app/models/db.server'
import { appendLog } from '#app/models/moderation.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getUserById, setUserBlock } from '#app/models/users.server'

export interface UnblockUserInput {
  actor: { id: string; username: string; role: Role }
  targetUserId: string
  reason: unknown
  ip: string | null
  now?: Date
}

export type UnblockUserResult =
  | { ok: true }
  | { ok: false; status: 404; code: 'not_found' }
  | { ok: false; status: 403; code: 'self' | 'outranks'; issues: Issue[] }
  | { ok: false; status: 409; code: 'not_blocked' }
  | { ok: false; status: 422; code: 'reason_too_long'; issues: Issue[] }

/** Lifts a block in force (the same people who may block may lift), logged publicly. */
export async function unblockUser(db: DB, input: UnblockUserInput): Promise<UnblockUserResult> {
  const reason = checkReason(input.reason, { required: false })
  if (!reason.ok) return { ok: false, status: 422, code: 'reason_too_long', issues: reason.issues }
  const now = input.now ?? new Date()
  return db.transaction().execute(async (trx): Promise<UnblockUserResult> => {
    await lockRow(trx, 'users', input.targetUserId)
    const target = await getUserById(trx, input.targetUserId)
    if (!target) return { ok: false, status: 404, code: 'not_found' }
    const allowed = mayBlock(input.actor, target)
    if (!allowed.ok) return { ok: false, status: 403, code: allowed.issues[0]!.code as 'self' | 'outranks', issues: allowed.issues }
    if (target.blockedUntil === null || new Date(target.blockedUntil) <= now) return { ok: false, status: 409, code: 'not_blocked' }
    await setUserBlock(trx, target.id, null)
    await logSecurityEvent(trx, 'user.unblocked', { userId: target.id, username: target.username, ip: input.ip, detail: { by: input.actor.username } })
    await appendLog(trx, { action: 'user.unblock', actorId: input.actor.id, targetUserId: target.id, reason: reason.value })
    return { ok: true }
  })
}
