import { checkTokenName, MAX_TOKENS_PER_USER, TOKEN_NAME_MAX } from '#app/core/tokens'
import { createApiToken, listApiTokens } from '#app/models/api-tokens.server'
import type { DB } from '#app/models/db.server'
import { logSecurityEvent } from '#app/models/security-log.server'

export { MAX_TOKENS_PER_USER, TOKEN_NAME_MAX }

export interface CreateApiTokenInput {
  user: { id: string; username: string }
  name: unknown
  ip: string | null
  via: 'account' | 'cli'
}

export type CreateApiTokenResult =
  | { ok: true; id: string; token: string; name: string }
  | { ok: false; code: 'invalid_name' | 'too_many' }

/** A personal access token: shown once to its owner, stored as a hash, logged without itself. */
export async function createPersonalToken(db: DB, input: CreateApiTokenInput): Promise<CreateApiTokenResult> {
  const checked = checkTokenName(input.name)
  if (!checked.ok) return { ok: false, code: 'invalid_name' }
  const name = checked.value
  return db.transaction().execute(async (trx): Promise<CreateApiTokenResult> => {
    if ((await listApiTokens(trx, input.user.id)).length >= MAX_TOKENS_PER_USER) return { ok: false, code: 'too_many' }
    const { id, token } = await createApiToken(trx, input.user.id, name)
    await logSecurityEvent(trx, 'token.created', { userId: input.user.id, username: input.user.username, ip: input.ip, detail: { tokenId: id, name, via: input.via } })
    return { ok: true, id, token, name }
  })
}
