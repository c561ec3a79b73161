import { decodeCursor, parseLimit, type KeyPart, type KeyValue } from '#app/core/cursor'
import { translator } from '#app/core/i18n/index'
import { apiError } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'

/**
 * `?cursor=` of a keyset list, checked against the list's key shape. A cursor that is not one
 * is refused with 400 and a message (never read as "start over", which would hide the mistake).
 */
export function webCursor(request: Request, shape: readonly KeyPart[]): KeyValue[] | null {
  const raw = new URL(request.url).searchParams.get('cursor')
  if (raw === null || raw === '') return null
  const key = decodeCursor(raw, shape)
  if (!key) throw Response.json({ message: translator(getUiLang(request))('list.badCursor') }, { status: 400 })
  return key
}

/** `?cursor=&limit=` of a JSON API list (DESIGN.md: limit 1–100, default 50). */
export function apiListQuery(url: URL, shape: readonly KeyPart[]): { ok: true; limit: number; after: KeyValue[] | null } | { ok: false; response: Response } {
  const limit = parseLimit(url.searchParams.get('limit'))
  if (limit === null) return { ok: false, response: apiError(400, 'invalid_limit', '"limit" must be a whole number from 1 to 100.') }
  const raw = url.searchParams.get('cursor')
  if (raw === null || raw === '') return { ok: true, limit, after: null }
  const after = decodeCursor(raw, shape)
  if (!after) return { ok: false, response: apiError(400, 'invalid_cursor', '"cursor" must be the value of "next" from the previous answer.') }
  return { ok: true, limit, after }
}

/** The URL of the next page: the same query with `cursor` replaced. */
export function nextUrl(url: URL, cursor: string | null, base = ''): string | null {
  if (cursor === null) return null
  const params = new URLSearchParams(url.searchParams)
  params.set('cursor', cursor)
  return `${base}${url.pathname}?${params.toString()}`
}
