import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseProductFilters } from '#app/core/product-filters'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { loadAlternatives } from '#app/views/product-view.server'
import { presentKeyFigure, presentProduct, presentProductItem } from '#app/presenters/product'

/** GET /api/v1/alternatives/:slug?license=&category=&hosting= — { product, alternatives: [{ product, keyFigures, comparisons }] }. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const parsed = parseProductFilters(new URL(request.url).searchParams)
  const bad = parsed.invalid[0]
  if (bad) return apiError(400, `invalid_${bad.name}`, `"${bad.name}=${bad.value.slice(0, 60)}": ${bad.message}`)
  const view = await loadAlternatives(getDb(), slug, parsed.filters)
  if (!view) return apiError(404, 'not_found', `There is no product "${slug.slice(0, 80)}".`)
  return Response.json({
    product: presentProductItem(view.product),
    alternatives: view.alternatives.map((a) => ({
      product: { ...presentProduct(a.product) },
      keyFigures: a.keyFigures.map(presentKeyFigure),
      comparisons: a.comparisons.map((c) => ({ slug: c.slug, title: c.title, lang: c.lang })),
    })),
  })
}
