import { createHash, randomBytes } from 'node:crypto'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getEmailTokenByHash, insertEmailToken, type EmailToken } from '#app/models/user-mail.server'

function hashEmailToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** A new single-use token; only its hash is stored, the token itself goes into one mail. */
export async function issueEmailToken(db: DB, t: { userId: string; purpose: 'verify' | 'reset'; email: string; lifetimeMs: number }): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = new Date()
  await insertEmailToken(db, { id: newId(), userId: t.userId, purpose: t.purpose, tokenHash: hashEmailToken(token), email: t.email, expiresAt: nowIso(new Date(now.getTime() + t.lifetimeMs)), createdAt: nowIso(now) })
  return token
}

/** The token if it exists, is for this purpose, unused and unexpired; else null. */
export async function findUsableToken(db: DB, token: string, purpose: 'verify' | 'reset', now = new Date()): Promise<EmailToken | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null
  const found = await getEmailTokenByHash(db, hashEmailToken(token))
  if (!found || found.purpose !== purpose || found.usedAt !== null || found.expiresAt <= nowIso(now)) return null
  return found
}
