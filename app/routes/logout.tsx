import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { clientIp } from '#app/auth/actor.server'
import { blankSessionCookie, endSession, getSessionUser } from '#app/auth/session.server'
import { getDb } from '#app/models/db.server'
import { logSecurityEvent } from '#app/models/security-log.server'

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSessionUser(request)
  if (!session) return redirect('/', { headers: { 'Set-Cookie': blankSessionCookie() } })
  const cookie = await endSession(session.sessionId)
  await logSecurityEvent(getDb(), 'logout', { userId: session.user.id, username: session.user.username, ip: clientIp(request) })
  return redirect('/', { headers: { 'Set-Cookie': cookie } })
}

/** Logging out changes state, so it takes a POST; a GET (a link, a prefetch) only goes home. */
export async function loader() {
  return redirect('/')
}
