/**
 * Keyset cursors: the sort key of the last row a list showed, handed to the client opaquely
 * (base64url of a JSON array) and checked against the list's key shape when it comes back, so a
 * cursor is never trusted as SQL and a wrong one is a clear 400, not a silently restarted list.
 */
export type KeyPart = 'string' | 'number'
export type KeyValue = string | number

const MAX_CURSOR = 400

export function encodeCursor(key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

/** The key the cursor carries when it has the given shape; null for anything else. */
export function decodeCursor(raw: string, shape: readonly KeyPart[]): KeyValue[] | null {
  if (raw.length === 0 || raw.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(raw)) return null
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(value) || value.length !== shape.length) return null
  for (const [i, part] of shape.entries()) {
    const v: unknown = value[i]
    if (part === 'number' ? typeof v !== 'number' || !Number.isFinite(v) : typeof v !== 'string') return null
  }
  return value as KeyValue[]
}

const DEFAULT_LIMIT = 50
const MAX_LIMIT = 100

/** `?limit=`: 1–MAX_LIMIT, default DEFAULT_LIMIT (DESIGN.md, JSON API); null when out of range. */
export function parseLimit(raw: string | null, fallback = DEFAULT_LIMIT): number | null {
  if (raw === null || raw === '') return fallback
  const n = Number(raw)
  return Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT ? n : null
}

/** A page of a keyset list: `next` continues after the last row, null after the last page. */
export interface KeysetPage<T> {
  items: T[]
  next: string | null
}

/** Given limit + 1 rows, the first `limit` and the cursor after them when more followed. */
export function keysetPage<T>(rows: readonly T[], limit: number, keyOf: (row: T) => readonly KeyValue[]): KeysetPage<T> {
  const items = rows.slice(0, limit)
  return { items, next: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1]!)) : null }
}
