import { blockUntil, checkReason, isBlockDuration, mayBlock } from '#app/core/user-admin'
import type { Issue } from '#app/core/result'
import type { Role } from '#app/core/roles'
import { lockRow, type DB } from '#app/models/db.server'
import { appendLog } from '#app/models/moderation.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getUserById, setUserBlock } from '#app/models/users.server'

export interface BlockUserInput {
  /** A moderator or admin (the route has checked 'user.block'). */
  actor: { id: string; username: string; role: Role }
  targetUserId: string
  duration: unknown
  /** Public, in the moderation log and shown to the blocked person. */
  reason: unknown
  ip: string | null
  now?: Date
}

export type BlockUserResult =
  | { ok: true; until: string }
  | { ok: false; status: 404; code: 'not_found' }
  | { ok: false; status: 403; code: 'self' | 'outranks'; issues: Issue[] }
  | { ok: false; status: 422; code: 'invalid_duration' | 'reason_required' | 'reason_too_long'; issues: Issue[] }

/**
 * Blocks an account for a while with a public reason: it keeps reading and signing in but can no
 * longer write, from its very next request (roles and blocks are read on every request). A new
 * block replaces one in force, so a moderator can shorten or lengthen it.
 */
export async function blockUser(db: DB, input: BlockUserInput): Promise<BlockUserResult> {
  if (!isBlockDuration(input.duration)) {
    return { ok: false, status: 422, code: 'invalid_duration', issues: [{ path: 'duration', code: 'invalid_duration', message: 'Choose a duration from the list.' }] }
  }
  const reason = checkReason(input.reason, { required: true })
  if (!reason.ok) return { ok: false, status: 422, code: reason.issues[0]!.code as 'reason_required' | 'reason_too_long', issues: reason.issues }
  const until = blockUntil(input.duration, input.now ?? new Date())
  return db.transaction().execute(async (trx): Promise<BlockUserResult> => {
    await lockRow(trx, 'users', input.targetUserId)
    const target = await getUserById(trx, input.targetUserId)
    if (!target) return { ok: false, status: 404, code: 'not_found' }
    const allowed = mayBlock(input.actor, target)
    if (!allowed.ok) return { ok: false, status: 403, code: allowed.issues[0]!.code as 'self' | 'outranks', issues: allowed.issues }
    await setUserBlock(trx, target.id, { until, reason: reason.value })
    await logSecurityEvent(trx, 'user.blocked', { userId: target.id, username: target.username, ip: input.ip, detail: { until, by: input.actor.username } })
    await appendLog(trx, { action: 'user.block', actorId: input.actor.id, targetUserId: target.id, reason: reason.value, detail: { until, duration: input.duration } })
    return { ok: true, until }
  })
}
