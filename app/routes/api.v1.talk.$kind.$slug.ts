import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { readJsonBody } from '#app/http/api.server'
import { getActor, requireAbility } from '#app/auth/actor.server'
import { can } from '#app/core/permissions'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { presentThread } from '#app/presenters/talk'
import { startThread } from '#app/services/start-thread.server'
import { getTalkView, parseThreadCursor, resolveTalkSubject } from '#app/views/talk-view.server'

/** GET /api/v1/talk/:kind/:slug?cursor= — the threads beside a page, most recently active first. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const subject = await resolveTalkSubject(getDb(), params.kind ?? '', params.slug ?? '')
  if (!subject) return apiError(404, 'not_found', `There is no ${(params.kind ?? '').slice(0, 20)} "${(params.slug ?? '').slice(0, 80)}" to discuss (kind: page, product or claim).`)
  const cursor = new URL(request.url).searchParams.get('cursor')
  const before = parseThreadCursor(cursor)
  if (cursor !== null && before === null) return apiError(400, 'invalid_cursor', '"cursor" must be a value found in "next".')
  const actor = await getActor(request)
  const view = await getTalkView(getDb(), subject, actor ? { id: actor.id, moderator: can(actor, 'talk.moderate') } : null, before)
  return Response.json({ threads: view.threads.map(presentThread), next: view.next })
}

/** POST /api/v1/talk/:kind/:slug { title, body } → 201 { thread: { id } } */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to start a thread.')
  const author = await requireAbility(request, 'talk.post')
  const subject = await resolveTalkSubject(getDb(), params.kind ?? '', params.slug ?? '')
  if (!subject) return apiError(404, 'not_found', `There is no ${(params.kind ?? '').slice(0, 20)} "${(params.slug ?? '').slice(0, 80)}" to discuss (kind: page, product or claim).`)
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const result = await startThread(getDb(), { authorId: author.id, subject, fields: body.value })
  if (result.ok) return Response.json({ thread: { id: result.threadId }, post: { id: result.postId } }, { status: 201 })
  if (result.status === 429) return Response.json({ error: { code: 'rate_limited', message: `Too many posts; try again in ${result.retryAfterSeconds} s.` } }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  return apiError(422, 'invalid_thread', result.issues.map((i) => i.message).join(' '), result.issues)
}
