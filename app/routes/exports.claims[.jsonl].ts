import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseClaimQuery } from '#app/http/api-claims.server'
import { claimsExport } from '#app/http/claims-export.server'

/** GET /exports/claims.jsonl — a licence line, then one claim per line (filters as GET /api/v1/claims). */
export function loader({ request }: LoaderFunctionArgs) {
  const query = parseClaimQuery(new URL(request.url), { paged: false })
  if (!query.ok) return query.response
  return claimsExport('jsonl', query.filters)
}
