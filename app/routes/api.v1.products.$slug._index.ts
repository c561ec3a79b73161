import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '#app/http.server'
import { getDb } from '#app/models/db.server'
import { loadProductView } from '#app/models/product-view.server'
import { presentKeyFigure, presentProduct, presentProductItem } from '#app/presenters/product'

/** GET /api/v1/products/:slug — { product, alternatives, comparisons, claims } from the stable revision. */
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const view = await loadProductView(getDb(), slug)
  if (!view) return apiError(404, 'not_found', `There is no product "${slug.slice(0, 80)}".`)
  return Response.json({
    product: { ...presentProduct(view.product), stableRevisionId: view.page.stableRevisionId, latestRevisionId: view.page.latestRevisionId },
    alternatives: view.alternatives.map(presentProductItem),
    alternativeTo: view.alternativeTo.map(presentProductItem),
    comparisons: view.comparisons.map((c) => ({ slug: c.slug, title: c.title, lang: c.lang })),
    // Issue 13 derives claims across pages; until then, the cited figures of the product's own text.
    claims: view.keyFigures.map((f) => ({ ...presentKeyFigure(f), page: view.product.slug })),
  })
}
