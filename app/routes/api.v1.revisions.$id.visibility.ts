import type { ActionFunctionArgs } from '@remix-run/node'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { parseVisibilityChange } from '#app/core/moves'
import { can } from '#app/core/permissions'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { changeRevisionVisibility } from '#app/services/set-revision-visibility.server'

/**
 * POST /api/v1/revisions/:id/visibility { hide: ["content", "summary"], reason, note? }
 * (moderators; `hide: []` or fewer fields shows text again, admins only) → 200
 * { revision: { id, contentHidden, summaryHidden } }. `reason` is libel, copyright,
 * personal-data or other (with a note), or free text.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST with { "hide": ["content", "summary"], "reason": "libel" }.')
  const actor = await requireAbility(request, 'revision.hide')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const value = (typeof body.value === 'object' && body.value !== null ? body.value : {}) as Record<string, unknown>
  const parsed = parseVisibilityChange({ hide: value.hide, reason: value.reason, note: value.note })
  if (!parsed.ok) return apiError(422, parsed.issues[0]!.code, parsed.issues[0]!.message)
  const result = await changeRevisionVisibility(getDb(), { actor, revisionId: params.id ?? '', change: parsed.value, mayUnhide: can(actor, 'revision.unhide') })
  if (!result.ok) return apiError(result.status, result.code, result.message)
  return Response.json({ revision: result.revision, page: { slug: result.page.slug, stableRevisionId: result.stableRevisionId } })
}

/** POST only: the HTTP server answers any other method with 405 and `Allow: POST` (server/request-guard.ts). */
export const handle = { methods: ['POST'] }
