import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '#app/http.server'
import { getDb } from '#app/models/db.server'
import { getSource, listSourceUses } from '#app/models/sources.server'
import { presentSource } from '#app/presenters/source'

/** GET /api/v1/sources/:id — the source and every page figure or citation that cites it. */
export async function loader({ params }: LoaderFunctionArgs) {
  const source = await getSource(getDb(), params.id ?? '')
  if (!source) return apiError(404, 'not_found', 'There is no such source.')
  const uses = await listSourceUses(getDb(), source.id)
  return Response.json({ source: presentSource(source), citedBy: uses })
}
