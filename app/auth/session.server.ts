import { createHash } from 'node:crypto'
import { Cookie, Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia'
import { SESSION_COOKIE } from '#app/auth/cookie-names'
import { config } from '#app/infra/config.server'
import { isRole, type Role } from '#app/core/roles'
import { blockInForce } from '#app/core/user-admin'
import { cookieValue } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { deleteExpiredSessions, deleteSession, deleteSessionsOfUser, getSessionWithUser, insertSession, listStoredSessionsOfUser, setSessionExpiry, touchSession } from '#app/models/sessions.server'
import { clientIp } from './request-meta.server'

/** Idle timeout: a session unused this long ends (sliding expiry; lucia extends it on use). */
const SESSION_IDLE_DAYS = config.sessionIdleDays
/** Absolute lifetime: the session ends this long after sign-in however active it is. */
const SESSION_ABSOLUTE_DAYS = config.sessionAbsoluteDays
/** "Last active" on the account page is this precise; a write per request would be waste. */
const TOUCH_EVERY_MS = 5 * 60_000

/**
 * Session ids are stored as their SHA-256 only: a leaked database does not hand out live
 * sessions. Lucia sees the raw id from the cookie; this adapter hashes it at the boundary.
 */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}

/** Lucia's storage, on the sessions model: this file holds no SQL. */
class KyselySessionAdapter implements Adapter {
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const found = await getSessionWithUser(getDb(), hashSessionId(sessionId))
    if (!found) return [null, null]
    const { session, user } = found
    // Past the absolute lifetime, report the session as expired so lucia deletes it. Otherwise
    // lucia sees the idle deadline only: given the earlier of the two, it would "extend" the
    // session (a database write) on every request of its last week, as the absolute deadline
    // never moves.
    const expiresAt = new Date(session.absoluteExpiresAt) <= new Date() ? session.absoluteExpiresAt : session.expiresAt
    return [
      {
        id: sessionId,
        userId: session.userId,
        expiresAt: new Date(expiresAt),
        attributes: { absoluteExpiresAt: session.absoluteExpiresAt, createdAt: session.createdAt, ip: session.ip, lastSeenAt: session.lastSeenAt },
      },
      { id: session.userId, attributes: user },
    ]
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await listStoredSessionsOfUser(getDb(), userId)
    return rows.map((r) => ({ id: r.storedId, userId: r.userId, expiresAt: new Date(r.expiresAt), attributes: { absoluteExpiresAt: r.absoluteExpiresAt, createdAt: r.createdAt } }))
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attributes = session.attributes as SessionAttributes
    await insertSession(getDb(), {
      storedId: hashSessionId(session.id),
      userId: session.userId,
      expiresAt: session.expiresAt.toISOString(),
      absoluteExpiresAt: attributes.absoluteExpiresAt,
      createdAt: attributes.createdAt,
      ip: attributes.ip ?? null,
      userAgent: attributes.userAgent ?? null,
    })
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await setSessionExpiry(getDb(), hashSessionId(sessionId), expiresAt.toISOString())
  }

  async deleteSession(sessionId: string): Promise<void> {
    await deleteSession(getDb(), hashSessionId(sessionId))
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await deleteSessionsOfUser(getDb(), userId)
  }

  async deleteExpiredSessions(): Promise<void> {
    await deleteExpiredSessions(getDb())
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

const secure = config.nodeEnv === 'production' && config.origins.origin.startsWith('https:')
const cookieAttributes = { httpOnly: true, secure, sameSite: 'lax', path: '/' } as const

const lucia = new Lucia(new KyselySessionAdapter(), {
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
  return sessionIdIn(request.headers.get('cookie'))
}

function sessionIdIn(cookie: string | null): string | null {
  const value = cookieValue(cookie, SESSION_COOKIE)
  return value !== null && SESSION_ID.test(value) ? value : null
}

/** Reads the session cookie; roles and blocks come fresh from the database on every request. */
export async function getSessionUser(request: Request): Promise<{ user: SessionUser; sessionId: string } | null> {
  return sessionUserOf(readSessionId(request), clientIp(request))
}

/** The same from the raw Cookie header and the client's address (the HTTP server's fast paths). */
export async function sessionUserFromHeaders(cookie: string | null, ip: string | null): Promise<{ user: SessionUser; sessionId: string } | null> {
  return sessionUserOf(sessionIdIn(cookie), ip)
}

async function sessionUserOf(sessionId: string | null, ip: string | null): Promise<{ user: SessionUser; sessionId: string } | null> {
  if (!sessionId) return null
  const { session, user } = await lucia.validateSession(sessionId)
  if (!session || !user) return null
  const now = new Date()
  if (new Date(session.absoluteExpiresAt) <= now) {
    await lucia.invalidateSession(sessionId)
    return null
  }
  if (ip !== (session.ip ?? null) || !session.lastSeenAt || now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    await touchSession(getDb(), hashSessionId(sessionId), { ip, lastSeenAt: now.toISOString() })
  }
  return { sessionId, user: { id: user.id, username: user.username, role: isRole(user.role) ? user.role : 'editor', ...blockInForce(user, now) } }
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
