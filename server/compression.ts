import { pipeline, Readable } from 'node:stream'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

/**
 * Response compression. Stored pages are compressed once, when stored, at a higher setting;
 * everything else is compressed as it streams out, at settings cheap enough that a signed-in
 * render (~10 ms) barely notices them (brotli 4 costs about as much as gzip 6 and compresses
 * HTML better).
 */
export type Encoding = 'br' | 'gzip' | 'identity'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:json|javascript|xml|atom\+xml|rss\+xml|manifest\+json)|image\/svg\+xml)/
/** Below this, the encoding's framing and the work cost more than the bytes saved. */
const MIN_BYTES = 1024

const negotiated = new Map<string, Encoding>()

/**
 * The encoding to send for an Accept-Encoding header: brotli, else gzip, else none. Browsers send
 * a handful of spellings, so the answers are remembered (bounded: a client can send anything).
 */
export function negotiateEncoding(header: string | null | undefined): Encoding {
  if (!header) return 'identity'
  const known = negotiated.get(header)
  if (known) return known
  const choice: Encoding = accepts(header, 'br') ? 'br' : accepts(header, 'gzip') ? 'gzip' : 'identity'
  if (negotiated.size >= 200) negotiated.clear()
  negotiated.set(header, choice)
  return choice
}

/** Whether an Accept-Encoding header takes `encoding`: named (or `*`) with a weight above 0. */
export function accepts(header: string | null | undefined, encoding: 'br' | 'gzip'): boolean {
  if (!header) return false
  const q = new Map<string, number>()
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (name) q.set(name.trim(), weight === undefined ? 1 : Number(weight))
  }
  return (q.get(encoding) ?? q.get('*') ?? 0) > 0
}

function isCompressible(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE.test(contentType)
}

/** Both encodings of a body that will be sent many times, computed off the event loop. */
export async function compressStored(body: Buffer): Promise<{ br: Buffer; gzip: Buffer }> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip(body, { level: 6 }),
  ])
  return { br, gzip: gz }
}

function streamingEncoder(encoding: 'br' | 'gzip'): zlib.BrotliCompress | zlib.Gzip {
  return encoding === 'br' ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }) : zlib.createGzip({ level: 6 })
}

/** Adds a name to a Vary header without repeating it. */
function addVary(headers: Headers, name: string): void {
  const vary = headers.get('vary')
  if (!vary) headers.set('Vary', name)
  else if (!vary.toLowerCase().split(',').some((v) => v.trim() === name.toLowerCase() || v.trim() === '*')) headers.set('Vary', `${vary}, ${name}`)
}

/**
 * The response compressed for this request, streaming, when its type is text-like, it is not
 * already encoded and not tiny; otherwise the response itself.
 */
export function compressResponse(request: Request, response: Response): Response {
  const type = response.headers.get('content-type')
  if (!response.body || !isCompressible(type) || response.headers.has('content-encoding')) return response
  if (response.status === 204 || response.status === 304 || request.method === 'HEAD') return response
  const length = response.headers.get('content-length')
  if (length !== null && Number(length) < MIN_BYTES) return response
  addVary(response.headers, 'Accept-Encoding')
  const encoding = negotiateEncoding(request.headers.get('accept-encoding'))
  if (encoding === 'identity') return response
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  headers.set('Content-Encoding', encoding)
  // pipeline, not pipe: a body that fails half-way must end the encoder (and so the response) too.
  const encoded = pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), streamingEncoder(encoding), () => {})
  return new Response(Readable.toWeb(encoded) as unknown as ReadableStream, { status: response.status, statusText: response.statusText, headers })
}
