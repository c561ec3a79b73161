import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { parseListQuery } from '#app/http/api-products.server'
import { parseSaveRequest, refusedSave } from '#app/http/api-revisions.server'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { withProductDefaults } from '#app/core/product'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { getPageById } from '#app/models/pages.server'
import { listProducts } from '#app/models/products.server'
import { presentProductItem } from '#app/presenters/product'
import { presentPageRef, presentSavedRevision } from '#app/presenters/revision'
import { saveRevision } from '#app/services/save-revision.server'

/** GET /api/v1/products?category=&kind=&license=&q=&limit=&cursor= — products in slug order. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = parseListQuery(new URL(request.url))
  if (!query.ok) return query.response
  const rows = await listProducts(getDb(), query.filters, { limit: query.limit + 1, after: query.cursor, q: query.q })
  const products = rows.slice(0, query.limit)
  return Response.json({ products: products.map(presentProductItem), next: rows.length > query.limit ? products.at(-1)!.slug : null })
}

/** POST /api/v1/products — creates a product from its first revision, as POST /api/v1/pages does a page. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to create a product.')
  const actor = await requireAbility(request, 'page.create')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const parsed = parseSaveRequest(request, body.value, { needsBase: false })
  if (!parsed.ok) return parsed.response
  const { content, summary, idempotencyKey } = parsed.value
  const result = await saveRevision(getDb(), { actor, slug: null, baseRevisionId: null, content: withProductDefaults(content), summary, idempotencyKey, kind: 'product' })
  if (!result.ok) return refusedSave(result)
  const page = await getPageById(getDb(), result.page.id)
  if (!page) throw new Error(`product ${result.page.id} vanished after its creation`)
  return Response.json(
    { product: { ...presentPageRef(page), name: page.title }, revision: presentSavedRevision(result.revision) },
    { status: result.replayed ? 200 : 201, headers: { Location: `/api/v1/products/${page.slug}`, ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}) } },
  )
}
