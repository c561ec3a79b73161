import { createHash } from 'node:crypto'
import type http from 'node:http'
import { compressStored, negotiateEncoding, type Encoding } from './compression'
import { etagMatches } from './conditional'
import { applySecurityHeaders } from './security-headers'
import { getConfig, loadConfig, type Config } from '../app/infra/config.server'

/**
 * Rendered answers to anonymous reads, kept per process as bytes and served again while the
 * content version (server/change-feed.ts) is unchanged, so a write on any instance retires every
 * stored page.
 *
 * A stored page is static: the render's nonce is taken out of its script tags and the policy
 * allows exactly its inline scripts by their SHA-256 hashes, so every reader gets the same bytes,
 * stored once per encoding (identity, brotli, gzip) and written to the socket as they are.
 */

// The reader's paths: pages, lists and the read API. Everything else renders every time.
const CACHEABLE = /^\/(?:|pages|pages\/[^/]+|pages\/[^/]+\/sources|sources|sources\/[^/]+|search|api\/v1\/pages|api\/v1\/pages\/[^/]+)$/
const ENCODINGS: Encoding[] = ['identity', 'br', 'gzip']

export interface StoredPage {
  kind: 'page'
  version: string
  status: number
  etag: string
  /** Every header of the answer per encoding, Content-Length and Content-Encoding included. */
  headers: Record<Encoding, Record<string, string>>
  /** The same as name, value, name, value…: the form node:http takes without copying. */
  flatHeaders: Record<Encoding, string[]>
  /** What a 304 repeats: the validator and the caching headers, nothing about the body. */
  notModified: Record<string, string>
  bodies: Record<Encoding, Buffer>
  /** What the entry holds in memory, roughly: its bodies and its headers. */
  bytes: number
}

export type PageCacheLimits = Config['pageCache']

/**
 * PAGE_CACHE_BYTES bounds the memory of the stored pages (per process: each worker keeps its own);
 * PAGE_CACHE_ENTRIES, the older setting, still caps their number, and 0 still turns the cache off.
 * From the configuration, or from the given environment.
 */
export function pageCacheLimits(env?: Record<string, string | undefined>): PageCacheLimits {
  return (env ? loadConfig(env) : getConfig()).pageCache
}

function keyFor(pathname: string, search: string, uiLang: string): string | null {
  if (!CACHEABLE.test(pathname) || search.length > 300) return null
  // The JSON API answers the same in every language: one entry (and one render after each
  // write) instead of one per reader language.
  const lang = pathname.startsWith('/api/') ? '' : uiLang
  return `${pathname}${search}\n${lang}\n${today()}`
}

// Ages ("19 months old") and dates move with the calendar: a new day is a new key. The day is
// worked out once a second, not once a request.
let day = { until: 0, value: '' }
export function today(): string {
  const now = Date.now()
  if (now >= day.until) day = { until: now + 1000, value: new Date(now).toISOString().slice(0, 10) }
  return day.value
}

/** What the cache holds: anything rendered under a content version, with its size in memory. */
interface Entry {
  version: string
  bytes: number
}

export class PageCache<T extends Entry = StoredPage> {
  readonly #entries = new Map<string, T>()
  #bytes = 0
  constructor(private readonly limits: PageCacheLimits) {}

  /**
   * The cache key of a request, or null when its answer must not be stored. `uiLang` is the
   * language the page will be rendered in (the reader's choice, else Accept-Language): keyed on
   * that rather than the raw header, the many spellings browsers send ("de-DE,de;q=0.9,en;q=0.8")
   * share one entry per language; the JSON API, which has no language, shares one for all.
   */
  static keyOf(method: string, url: URL, anonymous: boolean, uiLang: string): string | null {
    if (!anonymous || (method !== 'GET' && method !== 'HEAD')) return null
    return keyFor(url.pathname, url.search, uiLang)
  }

  /**
   * The key of a raw request target (`/pages/a?x=1`), without parsing it as a URL: the stored-page
   * lookup of every anonymous read. A target the URL parser would normalise (`/pages/./a`) gets a
   * key nothing is stored under, and is rendered — a miss, never a wrong page.
   */
  static keyOfTarget(target: string, uiLang: string): string | null {
    const query = target.indexOf('?')
    return query === -1 ? keyFor(target, '', uiLang) : keyFor(target.slice(0, query), query === target.length - 1 ? '' : target.slice(query), uiLang)
  }

  /** Neither a session cookie nor an Authorization header: the answer is the same for everyone. */
  static isAnonymous(cookie: string | null | undefined, authorization: boolean, sessionCookie: string): boolean {
    return !(cookie ?? '').includes(`${sessionCookie}=`) && !authorization
  }

  get(key: string, version: string): T | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    this.#delete(key, entry)
    if (entry.version !== version) return undefined
    this.#add(key, entry)
    return entry
  }

  set(key: string, entry: T): void {
    const old = this.#entries.get(key)
    if (old) this.#delete(key, old)
    if (this.limits.entries <= 0 || entry.bytes > this.limits.bytes / 4) return
    while (this.#entries.size > 0 && (this.#bytes + entry.bytes > this.limits.bytes || this.#entries.size >= this.limits.entries)) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, T]
      this.#delete(oldestKey, oldest)
    }
    this.#add(key, entry)
  }

  get bytes(): number {
    return this.#bytes
  }

  get size(): number {
    return this.#entries.size
  }

  #add(key: string, entry: T): void {
    this.#entries.set(key, entry)
    this.#bytes += entry.bytes
  }

  #delete(key: string, entry: T): void {
    this.#entries.delete(key)
    this.#bytes -= entry.bytes
  }
}

/**
 * Renders of cacheable pages under way, one per key: a reader who misses the cache while the same
 * page is already being rendered under the same content version waits for that render's stored
 * bytes instead of rendering it again. Without it, every write retired the page for all its
 * readers at once and each of them rendered it anew — with 200 readers on a page, hundreds of
 * identical renders and compressions after every save, which starved the saves themselves of CPU
 * (docs/decisions/032-single-flight-renders.md). A render under an older version is not joined:
 * the reader must see what was committed before its request started.
 */
export class RenderFlights {
  readonly #flights = new Map<string, { version: string; page: Promise<StoredPage | null> }>()

  /** The stored page a render of `key` under `version`, already under way, will produce (null if it produces none). */
  join(key: string, version: string): Promise<StoredPage | null> | undefined {
    const flight = this.#flights.get(key)
    return flight?.version === version ? flight.page : undefined
  }

  /** Registers a render; call the returned function exactly once with what it stored (or null). */
  start(key: string, version: string): (page: StoredPage | null) => void {
    let settle!: (page: StoredPage | null) => void
    const flight = { version, page: new Promise<StoredPage | null>((resolve) => (settle = resolve)) }
    this.#flights.set(key, flight)
    return (page) => {
      if (this.#flights.get(key) === flight) this.#flights.delete(key)
      settle(page)
    }
  }

  get size(): number {
    return this.#flights.size
  }
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi

/**
 * The SHA-256 hashes (base64) of a page's inline scripts, as a CSP `script-src` lists them. A
 * script's text is hashed exactly as it stands between its tags: HTML does not decode entities
 * inside <script>, and neither does the browser before hashing.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>()
  for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!) || /\btype\s*=\s*["']?application\/(?:ld\+)?json/i.test(attributes!)) continue
    hashes.add(createHash('sha256').update(text!, 'utf8').digest('base64'))
  }
  return [...hashes]
}

/**
 * Makes a rendered answer static: its nonce attributes removed, its policy listing its inline
 * scripts' hashes, its tag the hash of the resulting bytes, and its compressed variants. Null
 * when the nonce occurs anywhere else in the body: such a page cannot be made static safely.
 */
export async function storablePage(
  answer: { status: number; headers: Headers; body: Buffer },
  options: { nonce: string; https: boolean; version: string },
): Promise<StoredPage | null> {
  let body = answer.body
  let scriptHashes: string[] | undefined
  if ((answer.headers.get('content-type') ?? '').startsWith('text/html')) {
    const document = staticDocument(body, options.nonce)
    if (!document) return null
    ;({ body, scriptHashes } = document)
  }
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
  const base = new Headers(answer.headers)
  applySecurityHeaders(base, { nonce: options.nonce, https: options.https, ...(scriptHashes ? { scriptHashes } : {}) })
  base.set('ETag', etag)
  base.set('Cache-Control', 'public, max-age=0, s-maxage=30, must-revalidate')
  base.set('Vary', 'Cookie, Accept-Language, Accept-Encoding')
  base.delete('x-request-id')
  base.delete('content-length')
  base.delete('content-encoding')
  base.delete('transfer-encoding')
  const { br, gzip } = await compressStored(body)
  const bodies: Record<Encoding, Buffer> = { identity: body, br, gzip }
  const plain = Object.fromEntries(base)
  const headers = {} as Record<Encoding, Record<string, string>>
  for (const encoding of ENCODINGS) {
    headers[encoding] = { ...plain, 'content-length': String(bodies[encoding].length) }
    if (encoding !== 'identity') headers[encoding]['content-encoding'] = encoding
  }
  const notModified: Record<string, string> = {}
  for (const name of ['etag', 'cache-control', 'vary']) notModified[name] = plain[name]!
  const headerBytes = 2 * JSON.stringify(headers).length
  const flatHeaders = { identity: flat(headers.identity), br: flat(headers.br), gzip: flat(headers.gzip) }
  return { kind: 'page', version: options.version, status: answer.status, etag, headers, flatHeaders, notModified, bodies, bytes: body.length + br.length + gzip.length + headerBytes }
}

/**
 * A rendered HTML document made the same for every reader: its nonce attributes taken out, and the
 * hashes of its inline scripts for the policy that allows them instead. Null when the nonce occurs
 * anywhere else in the body: such a page cannot be made static safely.
 */
export function staticDocument(rendered: Buffer, nonce: string): { body: Buffer; scriptHashes: string[] } | null {
  const body = replaceAll(rendered, Buffer.from(` nonce="${nonce}"`), Buffer.alloc(0))
  if (body.includes(nonce)) return null
  return { body, scriptHashes: inlineScriptHashes(body.toString('utf8')) }
}

function replaceAll(buffer: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = []
  let from = 0
  for (let at = buffer.indexOf(needle); at !== -1; at = buffer.indexOf(needle, from)) {
    parts.push(buffer.subarray(from, at), replacement)
    from = at + needle.length
  }
  if (from === 0) return buffer
  parts.push(buffer.subarray(from))
  return Buffer.concat(parts)
}

/**
 * Writes a stored page to a Node response: a 304 with no body, or the negotiated encoding's bytes.
 * The headers go to writeHead in one list, none set before: Node then stores them as given
 * instead of merging them one by one into a map.
 */
export function sendStored(req: http.IncomingMessage, res: http.ServerResponse, page: StoredPage, requestId: string): void {
  if (etagMatches(req.headers['if-none-match'] ?? null, page.etag)) {
    res.writeHead(304, [...flat(page.notModified), 'x-request-id', requestId])
    res.end()
    return
  }
  const encoding = negotiateEncoding(req.headers['accept-encoding'])
  res.writeHead(page.status, [...page.flatHeaders[encoding], 'x-request-id', requestId])
  res.end(req.method === 'HEAD' ? undefined : page.bodies[encoding])
}

export function flat(headers: Record<string, string>): string[] {
  return Object.entries(headers).flat()
}

/** The same answer as a fetch Response, for a page stored while answering this very request. */
export function storedResponse(request: Request, page: StoredPage, requestId: string): Response {
  if (etagMatches(request.headers.get('if-none-match'), page.etag)) {
    return new Response(null, { status: 304, headers: { ...page.notModified, 'x-request-id': requestId } })
  }
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'))
  const body = request.method === 'HEAD' ? null : (page.bodies[encoding] as unknown as BodyInit)
  return new Response(body, { status: page.status, headers: { ...page.headers[encoding], 'x-request-id': requestId } })
}
