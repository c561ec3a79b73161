import { hashSessionId } from '#app/auth/session.server'
import type { DB } from '#app/models/db.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { deleteSessionOfUser, deleteSessionsOfUser } from '#app/models/sessions.server'

export interface RevokeOwnSessionsInput {
  user: { id: string; username: string }
  /** The session making the request (raw id from the cookie). */
  currentSessionId: string
  /** One session by its stored id (as the account page lists it), or every other one. */
  which: { storedId: string } | 'others'
  ip: string | null
}

/**
 * Signs out sessions of one's own account from the account page. Only the owner's sessions can
 * match, whatever id is posted. `endedCurrent` tells the page to clear this browser's cookie.
 */
export async function revokeOwnSessions(db: DB, input: RevokeOwnSessionsInput): Promise<{ ended: number; endedCurrent: boolean }> {
  const current = hashSessionId(input.currentSessionId)
  return db.transaction().execute(async (trx) => {
    const ended =
      input.which === 'others'
        ? await deleteSessionsOfUser(trx, input.user.id, { exceptStoredId: current })
        : Number(await deleteSessionOfUser(trx, input.user.id, input.which.storedId))
    const endedCurrent = input.which !== 'others' && input.which.storedId === current && ended === 1
    if (ended > 0) {
      await logSecurityEvent(trx, 'session.revoked', { userId: input.user.id, username: input.user.username, ip: input.ip, detail: { count: ended, others: input.which === 'others', current: endedCurrent } })
    }
    return { ended, endedCurrent }
  })
}
