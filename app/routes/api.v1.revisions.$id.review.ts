import type { ActionFunctionArgs } from '@remix-run/node'
import { ReviewRevisionBody } from '#app/core/forms/review-revision'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { reviewRevision } from '#app/services/review-revision.server'

/**
 * POST /api/v1/revisions/:id/review — a moderator approves or rejects a pending revision
 * (DESIGN.md). 200 with the outcome; 409 { error, uncitedFigures? } when it cannot be decided;
 * 422 for a malformed body or a rejection without a reason.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST with { "decision": "approve" | "reject", "reason": "…" }.')
  const moderator = await requireAbility(request, 'revision.review')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = ReviewRevisionBody.safeParse(body.value)
  if (!parsed.success) {
    return apiError(422, 'invalid_request', 'Send { "decision": "approve" | "reject", "reason": string (at most 1000 characters; required to reject) }.', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
  }
  const result = await reviewRevision(getDb(), { moderator, revisionId: params.id ?? '', decision: parsed.data.decision, reason: parsed.data.reason })
  if (result.ok) {
    return Response.json({ revision: { id: result.revisionId, status: result.status }, published: result.published, superseded: result.superseded, page: result.page })
  }
  if (result.status === 409) {
    const uncitedFigures = result.uncitedFigures
    return Response.json(
      { error: { code: result.code, message: result.message, ...(uncitedFigures ? { details: { uncitedFigures } } : {}) }, ...(uncitedFigures ? { uncitedFigures } : {}) },
      { status: 409 },
    )
  }
  return apiError(result.status, result.code, result.message)
}

/** POST only: the HTTP server answers any other method with 405 and `Allow: POST` (server/request-guard.ts). */
export const handle = { methods: ['POST'] }
