import type { LoaderFunctionArgs } from '@remix-run/node'
import { quoteCheckOf } from '#app/core/link-check'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { listLinkChecks } from '#app/models/link-checks.server'
import { getSource, listSourceUses } from '#app/models/sources.server'
import { presentSource } from '#app/presenters/source'

/**
 * GET /api/v1/sources/:id — the source and every page figure or citation that cites it, each with
 * whether the link checker's last visit found its quote (DESIGN.md: a source carries what the
 * checker last found). The check history itself is on /sources/:id.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const source = await getSource(getDb(), params.id ?? '')
  if (!source) return apiError(404, 'not_found', 'There is no such source.')
  const [uses, [lastCheck]] = await Promise.all([listSourceUses(getDb(), source.id), listLinkChecks(getDb(), source.id, { limit: 1 })])
  return Response.json({ source: presentSource(source), citedBy: uses.map((u) => ({ ...u, ...quoteCheckOf(lastCheck, u.quote) })) })
}
