import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseClaimQuery } from '#app/http/api-claims.server'
import { getDb } from '#app/models/db.server'
import { listClaims } from '#app/models/claims.server'
import { getOrigins } from '#app/http/origin.server'
import { presentClaim } from '#app/presenters/claims'

/**
 * GET /api/v1/claims?product=&metric=&page=&source=&since=&limit=&cursor= → { claims, next }:
 * the claims of every stable revision, ordered by product, metric and as-of (keyset pagination).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const query = parseClaimQuery(url, { paged: true })
  if (!query.ok) return query.response
  const page = await listClaims(getDb(), query.filters, { limit: query.limit, after: query.after })
  const origin = getOrigins().origin
  return Response.json({ claims: page.claims.map((c) => presentClaim(c, origin)), next: page.next })
}
