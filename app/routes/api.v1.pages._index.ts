import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { parseSaveRequest, refusedSave } from '#app/http/api-revisions.server'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { keysetPage } from '#app/core/cursor'
import { apiError } from '#app/http/responses.server'
import { apiListQuery } from '#app/http/list-query.server'
import { getDb } from '#app/models/db.server'
import { getPageById, listPublishedPages } from '#app/models/pages.server'
import { presentPageRef, presentSavedRevision } from '#app/presenters/revision'
import { saveRevision } from '#app/services/save-revision.server'

/** GET /api/v1/pages?limit=&cursor= — the published pages, newest first, in keyset pages (DESIGN.md, JSON API). */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = apiListQuery(new URL(request.url), ['string', 'string'])
  if (!query.ok) return query.response
  const after = query.after ? { updatedAt: String(query.after[0]), id: String(query.after[1]) } : null
  const rows = await listPublishedPages(getDb(), { limit: query.limit + 1, after })
  const { items, next } = keysetPage(rows, query.limit, (p) => [p.updatedAt, p.id])
  return Response.json({
    pages: items.map((p) => ({ slug: p.slug, title: p.title, summary: p.summary, lang: p.lang, stableRevisionId: p.stableRevisionId, updatedAt: p.updatedAt })),
    next,
  })
}

/**
 * POST /api/v1/pages — creates a page from its first revision: 201 { page, revision }. A repeated
 * Idempotency-Key answers 200 with the same revision (docs/api.md).
 */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to create a page.')
  const actor = await requireAbility(request, 'page.create')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = parseSaveRequest(request, body.value, { needsBase: false })
  if (!parsed.ok) return parsed.response
  const { content, summary, idempotencyKey } = parsed.value
  const result = await saveRevision(getDb(), { actor, slug: null, baseRevisionId: null, content, summary, idempotencyKey })
  if (!result.ok) return refusedSave(result)
  const page = await getPageById(getDb(), result.page.id)
  if (!page) throw new Error(`page ${result.page.id} vanished after its creation`)
  return Response.json(
    { page: presentPageRef(page), revision: presentSavedRevision(result.revision) },
    { status: result.replayed ? 200 : 201, headers: { Location: `/api/v1/pages/${page.slug}`, ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}) } },
  )
}
