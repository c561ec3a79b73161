import { parseProductFilters } from '#app/core/product-filters'
import { apiError } from '#app/http/responses.server'

const DEFAULT_LIMIT = 50
const MAX_LIMIT = 100
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** `?limit=&cursor=` and the product filters of a JSON list (DESIGN.md: limit 1–100, default 50). */
export function parseListQuery(url: URL): { ok: true; limit: number; cursor: string | null; filters: ReturnType<typeof parseProductFilters>['filters']; q: string | null } | { ok: false; response: Response } {
  const limitParam = url.searchParams.get('limit')
  const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return { ok: false, response: apiError(400, 'invalid_limit', `"limit" must be a whole number from 1 to ${MAX_LIMIT}.`) }
  const cursor = url.searchParams.get('cursor')
  if (cursor !== null && !SLUG.test(cursor)) return { ok: false, response: apiError(400, 'invalid_cursor', '"cursor" must be the value of "next" from the previous answer.') }
  const parsed = parseProductFilters(url.searchParams)
  const bad = parsed.invalid[0]
  if (bad) return { ok: false, response: apiError(400, `invalid_${bad.name}`, `"${bad.name}=${bad.value.slice(0, 60)}": ${bad.message}`) }
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100)
  return { ok: true, limit, cursor, filters: parsed.filters, q: q === '' ? null : q }
}
