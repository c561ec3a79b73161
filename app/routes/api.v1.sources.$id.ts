import type { LoaderFunctionArgs } from '@remix-run/node'
import { quoteCheckOf } from '#app/core/link-check'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { listLinkChecks } from '#app/models/link-checks.server'
import { getSource, listSourceUses, type SourceUseKey } from '#app/models/sources.server'
import { encodeCursor } from '#app/core/cursor'
import { apiListQuery } from '#app/http/list-query.server'
import { presentSource } from '#app/presenters/source'

/**
 * GET /api/v1/sources/:id — the source and every page figure or citation that cites it, each with
 * whether the link checker's last visit found its quote (DESIGN.md: a source carries what the
 * checker last found), newest citing revision first, `limit` (1–100, default 50) at a time with
 * `cursor` = the `next` of the previous answer. The check history itself is on /sources/:id.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = apiListQuery(new URL(request.url), ['string', 'string', 'number'])
  if (!query.ok) return query.response
  if (query.after && query.after[1] !== 'figure' && query.after[1] !== 'citation') return apiError(400, 'invalid_cursor', '"cursor" must be the value of "next" from the previous answer.')
  const source = await getSource(getDb(), params.id ?? '')
  if (!source) return apiError(404, 'not_found', 'There is no such source.')
  const [uses, [lastCheck]] = await Promise.all([
    listSourceUses(getDb(), source.id, { limit: query.limit, after: query.after as SourceUseKey | null }),
    listLinkChecks(getDb(), source.id, { limit: 1 }),
  ])
  return Response.json({
    source: presentSource(source),
    citedBy: uses.uses.map((u) => ({ ...u, ...quoteCheckOf(lastCheck, u.quote) })),
    next: uses.next ? encodeCursor(uses.next) : null,
  })
}
