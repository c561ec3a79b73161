import { redirect } from '@remix-run/node'
import type { Action, Actor, Protection } from '#app/core/permissions'
import { can } from '#app/core/permissions'
import { formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { isRole } from '#app/core/roles'
import { blockInForce, INDEFINITE } from '#app/core/user-admin'
import { apiError, forbidden } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { findUserIdByToken } from '#app/models/api-tokens.server'
import { getDb } from '#app/models/db.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getUserById } from '#app/models/users.server'
import { clientIp } from './request-meta.server'
import { getSessionUser, type SessionUser } from './session.server'

export { clientIp } from './request-meta.server'

export interface RequestActor extends Actor {
  id: string
  username: string
  via: 'session' | 'token'
  sessionId: string | null
  /** The public reason, while a block is in force. */
  blockReason: string | null
}

const BEARER = /^Bearer\s+(\S+)\s*$/i

/**
 * Who is making this request: a browser session or a personal access token (API). Roles and
 * blocks are read from the database every time, so a downgrade or block holds at once.
 */
export async function getActor(request: Request): Promise<RequestActor | null> {
  const token = bearerToken(request)
  if (token !== null) {
    // A request that sends a token is judged on it alone: a bad token never falls back to a
    // session cookie that may ride along.
    const userId = await findUserIdByToken(getDb(), token)
    const user = userId ? await getUserById(getDb(), userId) : null
    if (!user) return null
    return { id: user.id, username: user.username, role: isRole(user.role) ? user.role : 'editor', ...blockInForce(user, new Date()), via: 'token', sessionId: null }
  }
  const session = await getSessionUser(request)
  return session ? fromSession(session.user, session.sessionId) : null
}

/** The token of an "Authorization: Bearer …" header; other schemes (a proxy's Basic) are not ours. */
function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization')
  if (header === null || !/^bearer\s/i.test(header)) return null
  return BEARER.exec(header)?.[1] ?? ''
}

function fromSession(user: SessionUser, sessionId: string): RequestActor {
  return { id: user.id, username: user.username, role: user.role, blockedUntil: user.blockedUntil, blockReason: user.blockReason, via: 'session', sessionId }
}

function isApi(request: Request): boolean {
  return new URL(request.url).pathname.startsWith('/api/')
}

/**
 * Authorises one action or throws: 401 when nobody is signed in, 403 when the account may not.
 * API requests get the JSON error shape; pages get the shared error boundary, in the UI language.
 */
export async function requireAbility(request: Request, action: Action, subject?: { protection?: Protection | null }): Promise<RequestActor> {
  const actor = await getActor(request)
  const api = isApi(request)
  const lang = getUiLang(request)
  const t = translator(lang)
  if (!actor) {
    throw api
      ? apiError(401, 'unauthenticated', 'Sign in, or send a personal access token as "Authorization: Bearer …".')
      : Response.json({ message: t('auth.required') }, { status: 401 })
  }
  if (!can(actor, action, subject)) {
    await logSecurityEvent(getDb(), 'authorization.denied', { userId: actor.id, username: actor.username, ip: clientIp(request), detail: { action, path: new URL(request.url).pathname, via: actor.via } })
    if (api) {
      throw apiError(403, actor.blockedUntil ? 'blocked' : 'forbidden', actor.blockedUntil ? `Your account is blocked until ${actor.blockedUntil}: ${actor.blockReason ?? ''}`.trim() : 'Your account cannot do this.')
    }
    const reason = actor.blockReason ?? ''
    if (!actor.blockedUntil) throw forbidden(t('auth.forbidden'))
    throw forbidden(actor.blockedUntil === INDEFINITE ? t('auth.blockedIndefinitely', { reason }) : t('auth.blocked', { until: formatDateTime(lang, actor.blockedUntil), reason }))
  }
  return actor
}

/**
 * The signed-in person, through a browser session only: the account page (passwords, sessions,
 * tokens) is not for token holders. A page view without a session goes to the login form and
 * comes back; a form post without one gets 401.
 */
export async function requireSessionUser(request: Request): Promise<{ user: SessionUser; sessionId: string }> {
  const session = bearerToken(request) !== null ? null : await getSessionUser(request)
  if (session) return session
  if (request.method === 'GET' || request.method === 'HEAD') {
    const url = new URL(request.url)
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  throw Response.json({ message: translator(getUiLang(request))('auth.required') }, { status: 401 })
}
