import { createHash } from 'node:crypto'
import { Cookie, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia'
import { SESSION_COOKIE } from '#app/auth/cookie-names'
import { config } from '#app/config.server'
import { blockInForce } from '#app/core/permissions'
import { isRole, type Role } from '#app/core/roles'
import { readCookie } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { touchSession } from '#app/models/sessions.server'
import { clientIp } from './request-meta.server'

/** Idle timeout: a session unused this long ends (sliding expiry; lucia extends it on use). */
export const SESSION_IDLE_DAYS = config.sessionIdleDays
/** Absolute lifetime: the session ends this long after sign-in however active it is. */
export const SESSION_ABSOLUTE_DAYS = config.sessionAbsoluteDays
/** "Last active" on the account page is this precise; a write per request would be waste. */
const TOUCH_EVERY_MS = 5 * 60_000

/**
 * Session ids are stored as their SHA-256 only: a leaked database does not hand out live
 * sessions. Lucia sees the raw id from the cookie; this adapter hashes it at the boundary.
 */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}

class KyselySessionAdapter implements Adapter {
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await getDb()
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'sessions.id', 'sessions.user_id', 'sessions.expires_at', 'sessions.absolute_expires_at', 'sessions.created_at',
        'sessions.ip', 'sessions.last_seen_at',
        'users.username', 'users.role', 'users.blocked_until', 'users.block_reason',
      ])
      .where('sessions.id', '=', hashSessionId(sessionId))
      .executeTakeFirst()
    if (!row) return [null, null]
    // Past the absolute lifetime, report the session as expired so lucia deletes it. Otherwise
    // lucia sees the idle deadline only: given the earlier of the two, it would "extend" the
    // session (a database write) on every request of its last week, as the absolute deadline
    // never moves.
    const expiresAt = new Date(row.absolute_expires_at) <= new Date() ? row.absolute_expires_at : row.expires_at
    return [
      {
        id: sessionId,
        userId: row.user_id,
        expiresAt: new Date(expiresAt),
        attributes: { absoluteExpiresAt: row.absolute_expires_at, createdAt: row.created_at, ip: row.ip, lastSeenAt: row.last_seen_at },
      },
      { id: row.user_id, attributes: { username: row.username, role: row.role, blockedUntil: row.blocked_until, blockReason: row.block_reason } },
    ]
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await getDb().selectFrom('sessions').select(['id', 'user_id', 'expires_at', 'absolute_expires_at', 'created_at']).where('user_id', '=', userId).execute()
    return rows.map((r) => ({ id: r.id, userId: r.user_id, expiresAt: new Date(r.expires_at), attributes: { absoluteExpiresAt: r.absolute_expires_at, createdAt: r.created_at } }))
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attributes = session.attributes as SessionAttributes
    await getDb()
      .insertInto('sessions')
      .values({
        id: hashSessionId(session.id),
        user_id: session.userId,
        expires_at: session.expiresAt.toISOString(),
        absolute_expires_at: attributes.absoluteExpiresAt,
        created_at: attributes.createdAt,
        last_seen_at: attributes.createdAt,
        ip: attributes.ip ?? null,
        user_agent: attributes.userAgent ?? null,
      })
      .execute()
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await getDb().updateTable('sessions').set({ expires_at: expiresAt.toISOString() }).where('id', '=', hashSessionId(sessionId)).execute()
  }

  async deleteSession(sessionId: string): Promise<void> {
    await getDb().deleteFrom('sessions').where('id', '=', hashSessionId(sessionId)).execute()
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await getDb().deleteFrom('sessions').where('user_id', '=', userId).execute()
  }

  async deleteExpiredSessions(): Promise<void> {
    const now = nowIso()
    await getDb().deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('absolute_expires_at', '<=', now)])).execute()
  }
}

interface SessionAttributes {
  absoluteExpiresAt: string
  createdAt: string
  ip?: string | null
  userAgent?: string | null
  lastSeenAt?: string | null
}
interface UserAttributes {
  username: string
  role: string
  blockedUntil: string | null
  blockReason: string | null
}

const secure = config.nodeEnv === 'production' && config.origin.startsWith('https:')
const cookieAttributes = { httpOnly: true, secure, sameSite: 'lax', path: '/' } as const

export const lucia = new Lucia(new KyselySessionAdapter(), {
  sessionExpiresIn: new TimeSpan(SESSION_IDLE_DAYS, 'd'),
  sessionCookie: { name: SESSION_COOKIE, expires: false, attributes: cookieAttributes },
  getSessionAttributes: (a) => a,
  getUserAttributes: (a) => a,
})

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia
    DatabaseSessionAttributes: SessionAttributes
    DatabaseUserAttributes: UserAttributes
  }
}

export interface SessionUser {
  id: string
  username: string
  role: Role
  /** Set while a block is in force. */
  blockedUntil: string | null
  blockReason: string | null
}

// lucia ids are 40 characters of lower-case base32; anything else is not worth a query.
const SESSION_ID = /^[a-z2-7]{40}$/

/**
 * The session id from the cookie, or null. Read with the app's own tolerant parser: lucia's
 * throws on a malformed percent-escape in ANY cookie of the request, which made every page a 500
 * for a browser holding one stray cookie.
 */
export function readSessionId(request: Request): string | null {
  const value = readCookie(request, SESSION_COOKIE)
  return value !== null && SESSION_ID.test(value) ? value : null
}

/** Reads the session cookie; roles and blocks come fresh from the database on every request. */
export async function getSessionUser(request: Request): Promise<{ user: SessionUser; sessionId: string } | null> {
  const sessionId = readSessionId(request)
  if (!sessionId) return null
  const { session, user } = await lucia.validateSession(sessionId)
  if (!session || !user) return null
  const now = new Date()
  if (new Date(session.absoluteExpiresAt) <= now) {
    await lucia.invalidateSession(sessionId)
    return null
  }
  const ip = clientIp(request)
  if (ip !== (session.ip ?? null) || !session.lastSeenAt || now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    await touchSession(getDb(), hashSessionId(sessionId), { ip, lastSeenAt: now.toISOString() })
  }
  return {
    sessionId,
    user: {
      id: user.id,
      username: user.username,
      role: isRole(user.role) ? user.role : 'editor',
      ...blockInForce(user, now),
    },
  }
}

/**
 * A new session at sign-in, with a fresh random id (a session id planted before sign-in is never
 * adopted): returns its Set-Cookie header. The cookie lives until the absolute deadline; the idle
 * timeout is enforced in the database, so reads never need to send a fresh cookie.
 */
export async function startSession(userId: string, meta: { ip: string | null; userAgent: string | null }): Promise<string> {
  const createdAt = new Date()
  const absoluteExpiresAt = new Date(createdAt.getTime() + SESSION_ABSOLUTE_DAYS * 86_400_000).toISOString()
  const session = await lucia.createSession(userId, {
    absoluteExpiresAt,
    createdAt: createdAt.toISOString(),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  })
  return new Cookie(SESSION_COOKIE, session.id, { ...cookieAttributes, maxAge: SESSION_ABSOLUTE_DAYS * 86_400 }).serialize()
}

/** Ends the session server-side and returns the Set-Cookie header that clears it. */
export async function endSession(sessionId: string): Promise<string> {
  await lucia.invalidateSession(sessionId)
  return blankSessionCookie()
}

export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize()
}
