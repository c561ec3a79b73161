import type { ActionFunctionArgs } from '@remix-run/node'
import { MovePageBody } from '#app/core/forms/move-page'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { movePage } from '#app/services/move-page.server'

/**
 * POST /api/v1/pages/:slug/move { to, reason } (trusted and up; products too, they are pages) →
 * 200 { page: { slug } }. 409 when another page has the address, 422 for an invalid one.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST with { "to": "new-address", "reason": "…" }.')
  const actor = await requireAbility(request, 'page.move')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = MovePageBody.safeParse(body.value)
  if (!parsed.success) return apiError(422, 'invalid_request', 'Send { "to": string (the new address), "reason": string (public) }.', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
  const result = await movePage(getDb(), { actor, slug: params.slug ?? '', to: parsed.data.to, reason: parsed.data.reason })
  if (!result.ok) return apiError(result.status, result.code, result.message)
  return Response.json({ page: { slug: result.page.slug, kind: result.page.kind } })
}

/** POST only: the HTTP server answers any other method with 405 and `Allow: POST` (server/request-guard.ts). */
export const handle = { methods: ['POST'] }
