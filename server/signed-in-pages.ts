import { createHash } from 'node:crypto'
import type http from 'node:http'
import zlib from 'node:zlib'
import { accepts } from './compression'
import { etagMatches } from './conditional'
import { flat, staticDocument, today } from './page-cache'
import { applySecurityHeaders } from './security-headers'

/**
 * Signed-in reads of a comparison, answered from a document rendered once per audience (decision
 * 036). A reading page depends on its reader only through what `can` looks at (the role, a block:
 * core/permissions.ts `audienceOf`) and through the header block with their name and
 * notifications (components/user-tools.ts). So the first render for an audience is kept with that
 * block cut out, as bytes; each later read of anyone in the audience checks the session, builds
 * their block, and writes the three parts to the socket — no router, no React, no loaders.
 *
 * The kept document is retired with the content version, like a stored anonymous page, and keyed
 * on the day (ages move with the calendar), the interface language and the full request target.
 * gzip is sent without compressing the page per request: the parts around the block are kept
 * deflated, each ending on a byte boundary (a sync flush), so the block's own deflate stream goes
 * between them and one CRC over the three makes a valid gzip member (the way pigz joins parts).
 */

// Reading pages with no hydration data (a hydrated page carries the layout's data, with the
// person's name in it, outside the block).
const SHAREABLE = /^\/pages\/[^/]+$/
const HYDRATED = Buffer.from('__remixContext')
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])
// What every answer of a person's read says about caching it, a 304 included.
const PRIVATE = { 'cache-control': 'private, no-cache', vary: 'Cookie, Accept-Language, Accept-Encoding' }

export interface SignedInShell {
  kind: 'shell'
  version: string
  status: number
  /** Tags the shared part; a read's tag adds a digest of its personal block. */
  tag: string
  /** Every header but the body's length and encoding, the validator and the request id, as name, value, … */
  headers: string[]
  before: Buffer
  after: Buffer
  /** `before` and `after` deflated (raw), `before` ending on a sync flush. */
  gzipBefore: Buffer
  gzipAfter: Buffer
  crcBefore: number
  bytes: number
}

/** The key a signed-in read of `target` by someone of `audience` is kept under, or null if it is not kept. */
export function shellKeyOfTarget(target: string, uiLang: string, audience: string): string | null {
  const query = target.indexOf('?')
  if (!isShareableTarget(target) || (query !== -1 && target.length - query > 300)) return null
  return `signed-in\n${audience}\n${target}\n${uiLang}\n${today()}`
}

/** Whether a request target (path and query) is a page whose signed-in reads share a document. */
export function isShareableTarget(target: string): boolean {
  const query = target.indexOf('?')
  return SHAREABLE.test(query === -1 ? target : target.slice(0, query))
}

/**
 * The shared document of a signed-in read, or null when it cannot be shared safely: not a 200
 * HTML page, hydrated, the nonce left anywhere, the person's block not found exactly once (it
 * changed while the page rendered), or their name anywhere outside it.
 */
export function makeShell(
  answer: { status: number; headers: Headers; body: Buffer },
  personal: { html: string; username: string },
  options: { nonce: string; https: boolean; version: string },
): SignedInShell | null {
  if (answer.status !== 200 || !(answer.headers.get('content-type') ?? '').startsWith('text/html') || answer.headers.has('set-cookie')) return null
  if (answer.body.includes(HYDRATED)) return null
  const document = staticDocument(answer.body, options.nonce)
  if (!document) return null
  const block = Buffer.from(personal.html)
  const at = document.body.indexOf(block)
  if (at === -1 || document.body.indexOf(block, at + 1) !== -1) return null
  const before = document.body.subarray(0, at)
  const after = document.body.subarray(at + block.length)
  const name = Buffer.from(personal.username)
  if (before.includes(name) || after.includes(name)) return null

  const base = new Headers(answer.headers)
  applySecurityHeaders(base, { nonce: options.nonce, https: options.https, scriptHashes: document.scriptHashes })
  for (const [name, value] of Object.entries(PRIVATE)) base.set(name, value)
  for (const name of ['etag', 'x-request-id', 'content-length', 'content-encoding', 'transfer-encoding']) base.delete(name)
  const headers = flat(Object.fromEntries(base))
  const gzipBefore = zlib.deflateRawSync(before, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH })
  const gzipAfter = zlib.deflateRawSync(after, { level: 6 })
  const tag = createHash('sha256').update(before).update(after).digest('base64url').slice(0, 24)
  return {
    kind: 'shell', version: options.version, status: answer.status, tag, headers,
    before, after, gzipBefore, gzipAfter, crcBefore: crc32(before, 0),
    bytes: before.length + after.length + gzipBefore.length + gzipAfter.length + 2 * headers.join('').length,
  }
}

/** The body and headers of one person's read: identity, or gzip when the client takes it. */
export function personalAnswer(shell: SignedInShell, html: string, acceptEncoding: string | null | undefined): { etag: string; headers: string[]; parts: Buffer[] } {
  const { bytes: block, digest, deflated } = blockOf(html)
  const etag = `W/"${shell.tag}.${digest}"`
  if (!accepts(acceptEncoding, 'gzip')) {
    const length = shell.before.length + block.length + shell.after.length
    return { etag, headers: [...shell.headers, 'content-length', String(length)], parts: [shell.before, block, shell.after] }
  }
  const middle = deflated()
  const trailer = Buffer.alloc(8)
  trailer.writeUInt32LE(crc32(shell.after, crc32(block, shell.crcBefore)) >>> 0, 0)
  trailer.writeUInt32LE((shell.before.length + block.length + shell.after.length) % 2 ** 32, 4)
  const parts = [GZIP_HEADER, shell.gzipBefore, middle, shell.gzipAfter, trailer]
  const length = parts.reduce((sum, part) => sum + part.length, 0)
  return { etag, headers: [...shell.headers, 'content-length', String(length), 'content-encoding', 'gzip'], parts }
}

/**
 * A person's block as bytes, its digest and, once a gzip read asks, its deflate stream: the same
 * block serves all of that person's reads until their name or unread count changes, so it is
 * encoded once. The most recent 1,000 blocks are kept (a few MB).
 */
const blocks = new Map<string, { bytes: Buffer; digest: string; deflated: () => Buffer }>()
const BLOCKS = 1000

function blockOf(html: string): { bytes: Buffer; digest: string; deflated: () => Buffer } {
  const known = blocks.get(html)
  if (known) return known
  if (blocks.size >= BLOCKS) blocks.delete(blocks.keys().next().value!)
  const bytes = Buffer.from(html)
  let deflated: Buffer | undefined
  const block = {
    bytes,
    digest: createHash('sha256').update(bytes).digest('base64url').slice(0, 12),
    deflated: () => (deflated ??= zlib.deflateRawSync(bytes, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH })),
  }
  blocks.set(html, block)
  return block
}

/** Writes a signed-in read from its shared document: a 304 when the client holds these bytes. */
export function sendShell(req: http.IncomingMessage, res: http.ServerResponse, shell: SignedInShell, html: string, requestId: string): void {
  const answer = personalAnswer(shell, html, req.headers['accept-encoding'])
  if (etagMatches(req.headers['if-none-match'] ?? null, answer.etag)) {
    res.writeHead(304, [...flat(PRIVATE), 'etag', answer.etag, 'x-request-id', requestId])
    res.end()
    return
  }
  res.writeHead(shell.status, [...answer.headers, 'etag', answer.etag, 'x-request-id', requestId])
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // One write of the parts as they are (writev), not a copy of the page.
  res.cork()
  for (const part of answer.parts) res.write(part)
  res.end()
}

/** The same as a fetch Response, for the read that rendered the document. */
export function shellResponse(request: Request, shell: SignedInShell, html: string, requestId: string): Response {
  const answer = personalAnswer(shell, html, request.headers.get('accept-encoding'))
  const headers = new Headers()
  for (let i = 0; i < answer.headers.length; i += 2) headers.append(answer.headers[i]!, answer.headers[i + 1]!)
  headers.set('etag', answer.etag)
  headers.set('x-request-id', requestId)
  if (etagMatches(request.headers.get('if-none-match'), answer.etag)) {
    return new Response(null, { status: 304, headers: { ...PRIVATE, etag: answer.etag, 'x-request-id': requestId } })
  }
  return new Response(request.method === 'HEAD' ? null : (Buffer.concat(answer.parts) as unknown as BodyInit), { status: shell.status, headers })
}

// zlib's crc32 answers 0 for a buffer without memory, which is what an empty Buffer has once zlib
// has read it: the CRC of nothing is the CRC so far.
function crc32(data: Buffer, so: number): number {
  return data.length === 0 ? so : zlib.crc32(data, so)
}
