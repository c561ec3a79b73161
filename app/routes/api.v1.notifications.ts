import type { LoaderFunctionArgs } from '@remix-run/node'
import { getActor } from '#app/auth/actor.server'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { countUnread } from '#app/models/notifications.server'
import { getNotificationsView } from '#app/views/notifications-view.server'

/** GET /api/v1/notifications?limit=&cursor= — the caller's notifications, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  // Any signed-in person, blocked or not, may read what happened to their work.
  const actor = await getActor(request)
  if (!actor) return apiError(401, 'unauthenticated', 'Sign in, or send a personal access token as "Authorization: Bearer …".')
  const url = new URL(request.url)
  const limitParam = url.searchParams.get('limit')
  const limit = limitParam === null ? 50 : Number(limitParam)
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return apiError(400, 'invalid_limit', '"limit" must be a whole number from 1 to 100.')
  const cursor = url.searchParams.get('cursor')
  if (cursor !== null && !/^[0-9a-z]{26}$/.test(cursor)) return apiError(400, 'invalid_cursor', '"cursor" must be a value found in "next".')
  const view = await getNotificationsView(getDb(), actor.id, { before: cursor, limit })
  return Response.json({
    notifications: view.notifications.map((n) => ({ id: n.id, kind: n.kind, item: { kind: n.item.kind, slug: n.item.slug, title: n.item.title }, actor: n.actor, detail: n.detail, href: n.href, read: n.read, createdAt: n.createdAt })),
    unread: await countUnread(getDb(), actor.id),
    next: view.next,
  })
}
