import { createHash, randomBytes } from 'node:crypto'
import type { DB } from './db.server'
import { newId, nowIso } from './ids.server'

const PREFIX = 'src_'

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Creates a personal access token; the token is returned once and only its hash is stored. */
export async function createApiToken(db: DB, userId: string, name: string): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomBytes(32).toString('base64url')
  const id = newId()
  await db
    .insertInto('api_tokens')
    .values({ id, user_id: userId, name: name.slice(0, 100), token_hash: hashToken(token), created_at: nowIso(), last_used_at: null, revoked_at: null })
    .execute()
  return { id, token }
}

export async function findUserIdByToken(db: DB, token: string): Promise<string | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return null
  // "Last used" to within five minutes: a script calling the API in a loop need not write each time.
  const now = new Date()
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: nowIso(now) })
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', nowIso(new Date(now.getTime() - 5 * 60_000)))]))
    .execute()
  return row.user_id
}

export async function listApiTokens(db: DB, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }))
}

export async function revokeApiToken(db: DB, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Revokes every live token of a user (an admin's "sign out everywhere"); returns how many. */
export async function revokeAllApiTokens(db: DB, userId: string): Promise<number> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}
