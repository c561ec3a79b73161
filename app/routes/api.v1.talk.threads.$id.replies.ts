import type { ActionFunctionArgs } from '@remix-run/node'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { postReply } from '#app/services/post-reply.server'

/** POST /api/v1/talk/threads/:id/replies { body } → 201 { reply: { id } } */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to reply.')
  const author = await requireAbility(request, 'talk.post')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const result = await postReply(getDb(), { authorId: author.id, threadId: params.id ?? '', fields: body.value })
  if (result.ok) return Response.json({ reply: { id: result.postId } }, { status: 201 })
  if (result.status === 429) return Response.json({ error: { code: 'rate_limited', message: `Too many posts; try again in ${result.retryAfterSeconds} s.` } }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  if (result.status === 422) return apiError(422, 'invalid_reply', result.issues.map((i) => i.message).join(' '), result.issues)
  return apiError(result.status, result.status === 404 ? 'not_found' : 'thread_closed', result.message)
}
