import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { parseSaveRequest, refusedSave } from '#app/http/api-revisions.server'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { listPageRevisions } from '#app/models/revisions.server'
import { getOrigins } from '#app/http/origin.server'
import { presentRevisionListItem, presentSavedRevision } from '#app/presenters/revision'
import { saveRevision } from '#app/services/save-revision.server'
import { isRecordId } from '#app/core/record-id'

const DEFAULT_LIMIT = 50
const MAX_LIMIT = 100

/**
 * GET /api/v1/pages/:slug/revisions?before=ID&limit=N — the page's revisions, newest first, with
 * keyset pagination: `next` is the URL of the following page of results, null after the last.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const url = new URL(request.url)
  const before = url.searchParams.get('before')
  if (before !== null && !isRecordId(before)) return apiError(400, 'invalid_cursor', '"before" must be a revision id, as found in "next".')
  const limitParam = url.searchParams.get('limit')
  const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return apiError(400, 'invalid_limit', `"limit" must be a whole number from 1 to ${MAX_LIMIT}.`)

  const page = await getPageBySlug(getDb(), slug)
  if (!page) return apiError(404, 'not_found', `There is no page "${slug.slice(0, 80)}".`)
  // One more than asked for tells whether another page of results follows.
  const rows = await listPageRevisions(getDb(), page.id, { limit: limit + 1, before })
  const revisions = rows.slice(0, limit)
  const next = rows.length > limit ? `${getOrigins().origin}/api/v1/pages/${encodeURIComponent(page.slug)}/revisions?before=${revisions.at(-1)!.id}&limit=${limit}` : null
  return Response.json({ revisions: revisions.map(presentRevisionListItem), next }, next ? { headers: { Link: `<${next}>; rel="next"` } } : undefined)
}

/**
 * POST /api/v1/pages/:slug/revisions — saves an edit made from `baseRevisionId`: 201 with the new
 * revision (merged with newer edits to other blocks), or 409 with the stored conflict revision.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to save a revision.')
  const actor = await requireAbility(request, 'page.edit')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = parseSaveRequest(request, body.value, { needsBase: true })
  if (!parsed.ok) return parsed.response
  const { content, summary, baseRevisionId, idempotencyKey } = parsed.value
  const result = await saveRevision(getDb(), { actor, slug: params.slug ?? '', baseRevisionId, content, summary, idempotencyKey })
  if (!result.ok) return refusedSave(result)
  return Response.json(
    { revision: presentSavedRevision(result.revision) },
    { status: result.replayed ? 200 : 201, headers: { Location: `/pages/${result.page.slug}/revisions/${result.revision.id}`, ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}) } },
  )
}
