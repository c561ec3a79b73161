/**
 * Rendered answers to anonymous reads, kept per instance and served again while the content
 * version (app/models/content-version.server.ts) is unchanged — the version is read from the
 * database on every request, so a write on any instance retires every stored page at once.
 *
 * A stored body carries the nonce of the render that made it; each answer gets a fresh nonce
 * written over those bytes (nonces have one length), so the CSP stays per response.
 */

// The reader's paths: pages, lists and the read API. Everything else renders every time.
const CACHEABLE = /^\/(?:|pages|pages\/[^/]+|pages\/[^/]+\/sources|sources|sources\/[^/]+|search|api\/v1\/pages|api\/v1\/pages\/[^/]+)$/

export interface CachedAnswer {
  version: string
  status: number
  headers: Array<[string, string]>
  body: Buffer
  etag: string
  /** Byte offsets of the render's nonce in `body`. */
  noncePositions: number[]
}

export class PageCache {
  readonly #entries = new Map<string, CachedAnswer>()
  constructor(private readonly limit: number) {}

  /**
   * The cache key of a request, or null when its answer must not be stored. `uiLang` is the
   * language the page will be rendered in (the reader's choice, else Accept-Language): keyed on
   * that rather than the raw header, the many spellings browsers send ("de-DE,de;q=0.9,en;q=0.8")
   * share one entry per language.
   */
  static keyOf(request: Request, anonymous: boolean, uiLang: string): string | null {
    if (!anonymous || (request.method !== 'GET' && request.method !== 'HEAD')) return null
    const url = new URL(request.url)
    if (!CACHEABLE.test(url.pathname) || url.search.length > 300) return null
    // Ages ("19 months old") and dates move with the calendar: a new day is a new key.
    const day = new Date().toISOString().slice(0, 10)
    return [url.pathname + url.search, uiLang, day].join('\n')
  }

  get(key: string, version: string): CachedAnswer | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#entries.delete(key)
    if (entry.version !== version) return undefined
    this.#entries.set(key, entry)
    return entry
  }

  set(key: string, entry: CachedAnswer): void {
    if (this.limit <= 0) return
    this.#entries.delete(key)
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value as string)
    this.#entries.set(key, entry)
  }
}

export function noncePositions(body: Buffer, nonce: string): number[] {
  const needle = Buffer.from(nonce)
  const positions: number[] = []
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + needle.length)) positions.push(at)
  return positions
}

/** The stored body with this response's nonce in place of the render's. */
export function withNonce(entry: CachedAnswer, nonce: string): Buffer {
  const body = Buffer.from(entry.body)
  for (const at of entry.noncePositions) body.write(nonce, at, 'latin1')
  return body
}
