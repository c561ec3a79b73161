import type { DB } from '#app/models/db.server'
import { revokeAllApiTokens } from '#app/models/api-tokens.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { deleteSessionsOfUser } from '#app/models/sessions.server'
import { getUserById } from '#app/models/users.server'

export interface EndUserSessionsInput {
  /** An admin (the route has checked 'user.endSessions'). */
  actor: { id: string; username: string }
  targetUserId: string
  ip: string | null
}

export type EndUserSessionsResult = { ok: true; sessions: number; tokens: number } | { ok: false; status: 404; code: 'not_found' }

/**
 * Signs an account out everywhere and revokes its tokens: the response to an account that may
 * be in someone else's hands. Tokens go too, or the intruder would keep API access.
 */
export async function endUserSessions(db: DB, input: EndUserSessionsInput): Promise<EndUserSessionsResult> {
  return db.transaction().execute(async (trx): Promise<EndUserSessionsResult> => {
    const target = await getUserById(trx, input.targetUserId)
    if (!target) return { ok: false, status: 404, code: 'not_found' }
    const sessions = await deleteSessionsOfUser(trx, target.id)
    const tokens = await revokeAllApiTokens(trx, target.id)
    await logSecurityEvent(trx, 'sessions.ended', { userId: target.id, username: target.username, ip: input.ip, detail: { sessions, tokens, by: input.actor.username } })
    return { ok: true, sessions, tokens }
  })
}
