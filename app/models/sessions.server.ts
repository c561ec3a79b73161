import type { DB } from './db.server'

/**
 * The sessions table, the one place its SQL lives; `storedId` is always the SHA-256 of the
 * session id (auth/session.server.ts hashes at the boundary).
 */
export interface StoredSession {
  storedId: string
  userId: string
  expiresAt: string
  absoluteExpiresAt: string
  createdAt: string
  ip: string | null
  lastSeenAt: string | null
}

export interface SessionOwner {
  username: string
  role: string
  blockedUntil: string | null
  blockReason: string | null
}

/** A session and the account it belongs to, in one query (every signed-in request makes it). */
export async function getSessionWithUser(db: DB, storedId: string): Promise<{ session: StoredSession; user: SessionOwner } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id', 'sessions.user_id', 'sessions.expires_at', 'sessions.absolute_expires_at', 'sessions.created_at',
      'sessions.ip', 'sessions.last_seen_at',
      'users.username', 'users.role', 'users.blocked_until', 'users.block_reason',
    ])
    .where('sessions.id', '=', storedId)
    .executeTakeFirst()
  if (!row) return null
  return {
    session: { storedId: row.id, userId: row.user_id, expiresAt: row.expires_at, absoluteExpiresAt: row.absolute_expires_at, createdAt: row.created_at, ip: row.ip, lastSeenAt: row.last_seen_at },
    user: { username: row.username, role: row.role, blockedUntil: row.blocked_until, blockReason: row.block_reason },
  }
}

/** Every session row of a user, expired or not. */
export async function listStoredSessionsOfUser(db: DB, userId: string): Promise<StoredSession[]> {
  const rows = await db.selectFrom('sessions').select(['id', 'user_id', 'expires_at', 'absolute_expires_at', 'created_at', 'ip', 'last_seen_at']).where('user_id', '=', userId).execute()
  return rows.map((r) => ({ storedId: r.id, userId: r.user_id, expiresAt: r.expires_at, absoluteExpiresAt: r.absolute_expires_at, createdAt: r.created_at, ip: r.ip, lastSeenAt: r.last_seen_at }))
}

export async function insertSession(db: DB, session: Omit<StoredSession, 'lastSeenAt'> & { userAgent: string | null }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.storedId,
      user_id: session.userId,
      expires_at: session.expiresAt,
      absolute_expires_at: session.absoluteExpiresAt,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute()
}

/** Moves the idle deadline (sliding expiry). */
export async function setSessionExpiry(db: DB, storedId: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', storedId).execute()
}

export async function deleteSession(db: DB, storedId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', storedId).execute()
}

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
