import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseClaimQuery } from '#app/http/api-claims.server'
import { claimsExport } from '#app/http/claims-export.server'

/** GET /exports/claims.csv — every claim of the wiki (filters as GET /api/v1/claims), CC BY-SA per row. */
export function loader({ request }: LoaderFunctionArgs) {
  const query = parseClaimQuery(new URL(request.url), { paged: false })
  if (!query.ok) return query.response
  return claimsExport('csv', query.filters)
}
