import { revokeApiToken } from '#app/models/api-tokens.server'
import type { DB } from '#app/models/db.server'
import { logSecurityEvent } from '#app/models/security-log.server'

/** Revokes one of the owner's tokens; false when it is not theirs or already revoked. */
export async function revokePersonalToken(db: DB, input: { user: { id: string; username: string }; tokenId: string; ip: string | null }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const revoked = await revokeApiToken(trx, input.user.id, input.tokenId)
    if (revoked) await logSecurityEvent(trx, 'token.revoked', { userId: input.user.id, username: input.user.username, ip: input.ip, detail: { tokenId: input.tokenId } })
    return revoked
  })
}
