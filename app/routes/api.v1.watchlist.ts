import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { readJsonBody } from '#app/http/api.server'
import { getActor } from '#app/auth/actor.server'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getThread } from '#app/models/talk.server'
import { addWatch, listWatchedPages, listWatchedThreads, removeWatch, type WatchSubject } from '#app/models/watchlist.server'

/** GET /api/v1/watchlist — what the caller follows, with the changes since they last looked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request)
  if (!actor) return apiError(401, 'unauthenticated', 'Sign in, or send a personal access token as "Authorization: Bearer …".')
  const [pages, threads] = await Promise.all([listWatchedPages(getDb(), actor.id), listWatchedThreads(getDb(), actor.id)])
  return Response.json({
    pages: pages.map((p) => ({ slug: p.slug, title: p.title, changesSince: p.changesSince, lastSeenAt: p.lastSeenAt })),
    threads: threads.map((t) => ({ id: t.id, title: t.title, on: t.subject.slug ? { kind: t.subject.kind, slug: t.subject.slug } : null, changesSince: t.changesSince, lastSeenAt: t.lastSeenAt })),
  })
}

/** POST (follow) or DELETE (unfollow) /api/v1/watchlist { kind: "page" | "thread", slug } — a thread is named by its id. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST' && request.method !== 'DELETE') return apiError(405, 'method_not_allowed', 'Use POST to watch and DELETE to unwatch.')
  const actor = await getActor(request)
  if (!actor) return apiError(401, 'unauthenticated', 'Sign in, or send a personal access token as "Authorization: Bearer …".')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const value = (body.value ?? {}) as { kind?: unknown; slug?: unknown }
  const slug = typeof value.slug === 'string' ? value.slug : ''
  let subject: WatchSubject | null = null
  if (value.kind === 'page') {
    const page = await getPageBySlug(getDb(), slug)
    subject = page ? { kind: 'page', id: page.id } : null
  } else if (value.kind === 'thread') {
    const thread = await getThread(getDb(), slug)
    subject = thread ? { kind: 'thread', id: thread.id } : null
  } else {
    return apiError(422, 'invalid_kind', '"kind" must be "page" or "thread".')
  }
  if (!subject) return apiError(404, 'not_found', `There is no ${value.kind} "${slug.slice(0, 80)}".`)
  if (request.method === 'POST') {
    await addWatch(getDb(), actor.id, subject, nowIso())
    return Response.json({ watching: true })
  }
  await removeWatch(getDb(), actor.id, subject)
  return Response.json({ watching: false })
}
