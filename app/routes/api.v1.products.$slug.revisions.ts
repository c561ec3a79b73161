import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { parseSaveRequest, refusedSave } from '#app/http/api-revisions.server'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { withProductDefaults } from '#app/core/product'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { getPageKind } from '#app/models/products.server'
import { presentSavedRevision } from '#app/presenters/revision'
import { saveRevision } from '#app/services/save-revision.server'
import { loader as pageRevisions } from './api.v1.pages.$slug.revisions'

/** GET /api/v1/products/:slug/revisions — the product's revisions, as for a page. */
export async function loader(args: LoaderFunctionArgs) {
  if ((await getPageKind(getDb(), args.params.slug ?? '')) !== 'product') return apiError(404, 'not_found', `There is no product "${(args.params.slug ?? '').slice(0, 80)}".`)
  return pageRevisions(args)
}

/** POST /api/v1/products/:slug/revisions — an edit of a product: same queue, merge and conflicts as pages. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to save a revision.')
  const slug = params.slug ?? ''
  const actor = await requireAbility(request, 'page.edit')
  if ((await getPageKind(getDb(), slug)) !== 'product') return apiError(404, 'not_found', `There is no product "${slug.slice(0, 80)}".`)
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = parseSaveRequest(request, body.value, { needsBase: true })
  if (!parsed.ok) return parsed.response
  const { content, summary, baseRevisionId, idempotencyKey } = parsed.value
  const result = await saveRevision(getDb(), { actor, slug, baseRevisionId, content: withProductDefaults(content), summary, idempotencyKey })
  if (!result.ok) return refusedSave(result)
  return Response.json(
    { revision: presentSavedRevision(result.revision) },
    { status: result.replayed ? 200 : 201, headers: { Location: `/pages/${result.page.slug}/revisions/${result.revision.id}`, ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}) } },
  )
}
