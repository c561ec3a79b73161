import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { listClaims } from '#app/models/claims.server'
import { loadProductView } from '#app/views/product-view.server'
import { getOrigins } from '#app/http/origin.server'
import { presentClaim } from '#app/presenters/claims'
import { presentProduct, presentProductItem } from '#app/presenters/product'

// The product's claims come whole up to this many; beyond, "claimsNext" continues in /api/v1/claims.
const CLAIMS_INLINE = 500

/** GET /api/v1/products/:slug — { product, alternatives, comparisons, claims } from the stable revision. */
export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const view = await loadProductView(getDb(), slug)
  if (!view) return apiError(404, 'not_found', `There is no product "${slug.slice(0, 80)}".`)
  const claims = await listClaims(getDb(), { product: view.product.slug }, { limit: CLAIMS_INLINE })
  const origin = getOrigins().origin
  return Response.json({
    product: { ...presentProduct(view.product), stableRevisionId: view.page.stableRevisionId, latestRevisionId: view.page.latestRevisionId },
    alternatives: view.alternatives.map(presentProductItem),
    alternativeTo: view.alternativeTo.map(presentProductItem),
    comparisons: view.comparisons.map((c) => ({ slug: c.slug, title: c.title, lang: c.lang })),
    // Every cited figure naming the product, on any page (decision 027), as GET /api/v1/claims gives them.
    claims: claims.claims.map((c) => presentClaim(c, origin)),
    claimsNext: claims.next ? `/api/v1/claims?product=${view.product.slug}&cursor=${claims.next}` : null,
  })
}
