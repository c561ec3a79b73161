import type { Action, Actor, Protection } from '#app/core/permissions'
import { can } from '#app/core/permissions'
import { findUserIdByToken } from '#app/models/api-tokens.server'
import { getDb } from '#app/models/db.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getUserById } from '#app/models/users.server'
import { apiError, forbidden } from '#app/http.server'
import { getSessionUser, type SessionUser } from './session.server'

export interface RequestActor extends Actor {
  id: string
  username: string
  via: 'session' | 'token'
  sessionId: string | null
}

/**
 * Who is making this request: a browser session or a personal access token (API). Roles and
 * blocks are read from the database every time, so a downgrade or block holds at once.
 */
export async function getActor(request: Request): Promise<RequestActor | null> {
  const authorization = request.headers.get('authorization')
  if (authorization?.startsWith('Bearer ')) {
    const userId = await findUserIdByToken(getDb(), authorization.slice(7).trim())
    const user = userId ? await getUserById(getDb(), userId) : null
    if (!user) return null
    const blocked = user.blockedUntil !== null && new Date(user.blockedUntil) > new Date()
    return { id: user.id, username: user.username, role: user.role, blockedUntil: blocked ? user.blockedUntil : null, via: 'token', sessionId: null }
  }
  const session = await getSessionUser(request)
  return session ? fromSession(session.user, session.sessionId) : null
}

function fromSession(user: SessionUser, sessionId: string): RequestActor {
  return { id: user.id, username: user.username, role: user.role, blockedUntil: user.blockedUntil, via: 'session', sessionId }
}

/** Set by the HTTP server from the connection (or the trusted proxy's X-Forwarded-For). */
export function clientIp(request: Request): string | null {
  return request.headers.get('x-client-ip')
}

/**
 * Authorises one action or throws: 401 when nobody is signed in, 403 when the account may not.
 * API requests get the JSON error shape; pages get the shared error boundary.
 */
export async function requireAbility(request: Request, action: Action, subject?: { protection?: Protection | null }): Promise<RequestActor> {
  const actor = await getActor(request)
  const api = new URL(request.url).pathname.startsWith('/api/')
  if (!actor) {
    throw api
      ? apiError(401, 'unauthenticated', 'Sign in, or send a personal access token as "Authorization: Bearer …".')
      : Response.json({ message: 'Sign in to do this.' }, { status: 401 })
  }
  if (!can(actor, action, subject)) {
    await logSecurityEvent(getDb(), 'authorization.denied', { userId: actor.id, username: actor.username, ip: clientIp(request), detail: { action } })
    const message = actor.blockedUntil ? `Your account is blocked until ${actor.blockedUntil}.` : 'Your account cannot do this.'
    throw api ? apiError(403, 'forbidden', message) : forbidden(message)
  }
  return actor
}
