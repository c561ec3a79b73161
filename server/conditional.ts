import { createHash } from 'node:crypto'

/**
 * ETag and 304 for anonymous reads. The tag hashes the body with this response's nonce taken
 * out, so two renders of the same revision agree although each carries a fresh nonce. A 304
 * carries no Content-Security-Policy: a cache must keep the policy stored with the body, whose
 * scripts carry the old nonce.
 */
export interface TaggedAnswer {
  status: number
  headers: Headers
  body: Buffer
  etag: string
}

/** Reads a cacheable anonymous answer and tags it; null when the answer is not one. */
export async function tagAnswer(request: Request, response: Response, options: { nonce: string; anonymous: boolean }): Promise<TaggedAnswer | null> {
  if (!isCacheable(request, response, options.anonymous)) return null
  // Bytes, not text: decoding 100 KB of UTF-8 and encoding it again cost more than the hash. The
  // nonce is ASCII, so cutting it out of the bytes hashes exactly what cutting it out of the text did.
  const body = Buffer.from(await response.arrayBuffer())
  const hash = createHash('sha256')
  const nonce = Buffer.from(options.nonce)
  let from = 0
  for (let at = nonce.length > 0 ? body.indexOf(nonce) : -1; at !== -1; at = body.indexOf(nonce, from)) {
    hash.update(body.subarray(from, at))
    from = at + nonce.length
  }
  hash.update(body.subarray(from))
  const etag = `W/"${hash.digest('base64url').slice(0, 32)}"`
  const headers = new Headers(response.headers)
  headers.set('ETag', etag)
  headers.set('Cache-Control', 'public, max-age=0, s-maxage=30, must-revalidate')
  headers.set('Vary', 'Cookie, Accept-Language')
  return { status: response.status, headers, body, etag }
}

/** 304 when the client holds this version, else the answer itself (no body for HEAD). */
export function conditionalAnswer(request: Request, answer: TaggedAnswer, body: Buffer = answer.body): Response {
  if (etagMatches(request.headers.get('if-none-match'), answer.etag)) {
    const notModified = new Headers()
    for (const name of ['ETag', 'Cache-Control', 'Vary', 'X-Request-Id']) {
      const value = answer.headers.get(name)
      if (value) notModified.set(name, value)
    }
    return new Response(null, { status: 304, headers: notModified })
  }
  return new Response(request.method === 'HEAD' ? null : (body as unknown as BodyInit), { status: answer.status, headers: answer.headers })
}

function isCacheable(request: Request, response: Response, anonymous: boolean): boolean {
  if (!anonymous || (request.method !== 'GET' && request.method !== 'HEAD')) return false
  if (response.status !== 200 || response.headers.has('set-cookie') || response.headers.has('cache-control')) return false
  const type = response.headers.get('content-type') ?? ''
  return type.startsWith('text/html') || type.startsWith('application/json') || type.startsWith('application/atom+xml')
}

/** RFC 9110 §13.1.2: If-None-Match uses the weak comparison, and may list several tags or "*". */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === bare
  })
}
