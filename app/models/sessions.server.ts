import type { DB } from './db.server'

/**
 * Sessions as their owner sees them on the account page. `id` is the stored SHA-256 of the
 * session id, never the id itself: it names a session for revoking but cannot be used as a cookie.
 */
export interface SessionInfo {
  id: string
  createdAt: string
  lastSeenAt: string
  ip: string | null
  userAgent: string | null
  expiresAt: string
}

export async function listSessionsOfUser(db: DB, userId: string, now = new Date()): Promise<SessionInfo[]> {
  const at = now.toISOString()
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent', 'expires_at', 'absolute_expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', at)
    .where('absolute_expires_at', '>', at)
    .orderBy('created_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at ?? r.created_at,
    ip: r.ip,
    userAgent: r.user_agent,
    expiresAt: r.expires_at < r.absolute_expires_at ? r.expires_at : r.absolute_expires_at,
  }))
}

/** Ends one session of this user; false when it is not theirs or already gone. */
export async function deleteSessionOfUser(db: DB, userId: string, storedId: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', storedId).where('user_id', '=', userId).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Ends every session of a user, or every one but `exceptStoredId`; returns how many ended. */
export async function deleteSessionsOfUser(db: DB, userId: string, options: { exceptStoredId?: string } = {}): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (options.exceptStoredId) query = query.where('id', '!=', options.exceptStoredId)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function touchSession(db: DB, storedId: string, fields: { ip: string | null; lastSeenAt: string }): Promise<void> {
  await db.updateTable('sessions').set({ ip: fields.ip, last_seen_at: fields.lastSeenAt }).where('id', '=', storedId).execute()
}

export async function countSessionsOfUser(db: DB, userId: string): Promise<number> {
  const row = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Sessions past their idle or absolute deadline: never valid again, so they go. */
export async function deleteExpiredSessions(db: DB, now = new Date()): Promise<number> {
  const at = now.toISOString()
  const result = await db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', at), eb('absolute_expires_at', '<=', at)])).executeTakeFirst()
  return Number(result.numDeletedRows)
}
