import { apiError } from '#app/http/responses.server'
import { decodeClaimCursor, type ClaimCursor, type ClaimFilters } from '#app/models/claims.server'
import { isRecordId } from '#app/core/record-id'

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/
const DEFAULT_LIMIT = 50
const MAX_LIMIT = 100

/** `?product=&metric=&page=&source=&since=&limit=&cursor=` of GET /api/v1/claims and the exports. */
export function parseClaimQuery(url: URL, options: { paged: boolean }): { ok: true; filters: ClaimFilters; limit: number; after: ClaimCursor | null } | { ok: false; response: Response } {
  const p = url.searchParams
  const bad = (code: string, message: string) => ({ ok: false as const, response: apiError(400, code, message) })
  const filters: ClaimFilters = {}
  for (const name of ['product', 'metric', 'page'] as const) {
    const value = p.get(name)
    if (value === null || value === '') continue
    if (!SLUG.test(value) || value.length > 100) return bad(`invalid_${name}`, `"${name}" must be a slug (lower-case letters, digits and hyphens), e.g. "${name === 'metric' ? 'daily-active-users' : 'tchap'}".`)
    filters[name] = value
  }
  const source = p.get('source')
  if (source !== null && source !== '') {
    if (!isRecordId(source)) return bad('invalid_source', '"source" must be a source id (26 characters, as in /api/v1/sources).')
    filters.source = source
  }
  const since = p.get('since')
  if (since !== null && since !== '') {
    if (!DATE.test(since)) return bad('invalid_since', '"since" must be a date: YYYY, YYYY-MM or YYYY-MM-DD.')
    filters.since = since
  }
  if (!options.paged) return { ok: true, filters, limit: 0, after: null }
  const limitParam = p.get('limit')
  const limit = limitParam === null ? DEFAULT_LIMIT : Number(limitParam)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return bad('invalid_limit', `"limit" must be a whole number from 1 to ${MAX_LIMIT}.`)
  const cursor = p.get('cursor')
  const after = cursor === null ? null : decodeClaimCursor(cursor)
  if (cursor !== null && after === null) return bad('invalid_cursor', '"cursor" must be the value of "next" from the previous answer.')
  return { ok: true, filters, limit, after }
}
