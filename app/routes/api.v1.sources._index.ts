import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { requireAbility } from '#app/auth/actor.server'
import { readJsonBody } from '#app/http/api.server'
import { SOURCE_KINDS, type SourceKind } from '#app/core/content'
import { decodeCursor, keysetPage } from '#app/core/cursor'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { searchSources } from '#app/models/sources.server'
import { presentSource } from '#app/presenters/source'
import { createSource } from '#app/services/create-source.server'

/**
 * GET /api/v1/sources?q=&kind=&limit=&cursor= — search the registry, newest first (the editor's
 * source picker uses it); `next` continues the list.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const kind = url.searchParams.get('kind')
  const limit = Math.min(Math.max(Number(url.searchParams.get('limit')) || 20, 1), 100)
  const raw = url.searchParams.get('cursor')
  const after = raw ? decodeCursor(raw, ['string']) : null
  if (raw && !after) return apiError(400, 'invalid_cursor', '"cursor" must be the value of "next" from the previous answer.')
  const rows = await searchSources(getDb(), { q: url.searchParams.get('q') ?? '', kind: SOURCE_KINDS.includes(kind as SourceKind) ? (kind as SourceKind) : null, limit: limit + 1, before: after ? String(after[0]) : null })
  const { items, next } = keysetPage(rows, limit, (s) => [s.id])
  return Response.json({ sources: items.map(presentSource), next })
}

/** POST /api/v1/sources — 201 with the new source, or 200 with the one known under that URL. */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to add a source.')
  const actor = await requireAbility(request, 'source.create')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const result = await createSource(getDb(), body.value, actor.id)
  if (!result.ok) return apiError(422, 'invalid_source', result.issues.map((i) => i.message).join(' '), result.issues)
  return Response.json({ source: presentSource(result.source) }, { status: result.created ? 201 : 200 })
}
