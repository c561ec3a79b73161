import { createHash } from 'node:crypto'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { negotiateEncoding } from './compression'
import { inlineScriptHashes, PageCache, pageCacheLimits, RenderFlights, storablePage, storedResponse, type StoredPage } from './page-cache'

const nonce = 'r4nd0mN0nce+/=r4nd0mN0n=='
const script = 'window.__x = "é — 12 000";'
const html = `<!DOCTYPE html><html lang="fr"><script nonce="${nonce}">${script}</script><p>Visio — « déjà » 🎥</p>${'<p>filler text</p>'.repeat(200)}<script nonce="${nonce}" type="module" async="">import "/assets/a.js"</script><script type="application/ld+json">{}</script><script src="/assets/b.js"></script></html>`
const answer = (body = html) => ({ status: 200, headers: new Headers({ 'content-type': 'text/html; charset=utf-8', 'x-request-id': 'abc' }), body: Buffer.from(body) })
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64')
const url = (path: string) => new URL(`http://x${path}`)

describe('storablePage', () => {
  it('makes a render static: nonces out, scripts allowed by hash, the same bytes for every reader', async () => {
    const page = (await storablePage(answer(), { nonce, https: false, version: 'v' }))!
    const text = page.bodies.identity.toString()
    expect(text).not.toContain(nonce)
    expect(text).toBe(html.split(` nonce="${nonce}"`).join(''))
    const csp = page.headers.identity['content-security-policy']!
    expect(csp).toContain(`'sha256-${sha(script)}'`)
    expect(csp).toContain(`'sha256-${sha('import "/assets/a.js"')}'`)
    expect(csp).not.toContain('nonce-')
    // Neither data blocks nor external scripts need a hash.
    expect(inlineScriptHashes(text)).toHaveLength(2)
    expect(page.headers.identity['x-request-id']).toBeUndefined()
    // Two renders with different nonces store the same bytes and tag.
    const other = (await storablePage(answer(html.split(nonce).join('OtherNonceOtherNonce==')), { nonce: 'OtherNonceOtherNonce==', https: false, version: 'v' }))!
    expect(other.etag).toBe(page.etag)
  })

  it('stores brotli and gzip variants of the same bytes, negotiated by Accept-Encoding', async () => {
    const page = (await storablePage(answer(), { nonce, https: true, version: 'v' }))!
    expect(brotliDecompressSync(page.bodies.br).equals(page.bodies.identity)).toBe(true)
    expect(gunzipSync(page.bodies.gzip).equals(page.bodies.identity)).toBe(true)
    expect(page.bodies.br.length).toBeLessThan(page.bodies.identity.length / 4)
    expect(page.headers.br['content-encoding']).toBe('br')
    expect(page.headers.gzip['content-length']).toBe(String(page.bodies.gzip.length))
    expect(page.headers.identity['vary']).toContain('Accept-Encoding')
    expect(page.headers.identity['strict-transport-security']).toBeDefined()
    const get = (headers: Record<string, string>) => storedResponse(new Request('http://x/pages/a', { headers }), page, 'id-1')
    const br = get({ 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('x-request-id')).toBe('id-1')
    expect(Buffer.from(await br.arrayBuffer()).equals(page.bodies.br)).toBe(true)
    expect(get({ 'accept-encoding': 'gzip' }).headers.get('content-encoding')).toBe('gzip')
    expect(get({}).headers.get('content-encoding')).toBeNull()
  })

  it('answers a matching If-None-Match with a 304 that carries no body and no policy', async () => {
    const page = (await storablePage(answer(), { nonce, https: false, version: 'v' }))!
    const response = storedResponse(new Request('http://x/pages/a', { headers: { 'if-none-match': page.etag } }), page, 'id')
    expect(response.status).toBe(304)
    expect(response.body).toBeNull()
    expect(response.headers.get('etag')).toBe(page.etag)
    expect(response.headers.get('content-security-policy')).toBeNull()
  })

  it('refuses a page that carries its nonce anywhere but in script tags', async () => {
    expect(await storablePage(answer(`${html}<p data-x="${nonce}"></p>`), { nonce, https: false, version: 'v' })).toBeNull()
  })
})

describe('negotiateEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(negotiateEncoding('gzip;q=0.8, br;q=0')).toBe('gzip')
    expect(negotiateEncoding('identity')).toBe('identity')
    expect(negotiateEncoding('*')).toBe('br')
    expect(negotiateEncoding(undefined)).toBe('identity')
  })
})

describe('PageCache', () => {
  const entry = (bytes: number, version = 'v'): StoredPage => ({ kind: 'page', version, status: 200, etag: 'e', headers: { identity: {}, br: {}, gzip: {} }, flatHeaders: { identity: [], br: [], gzip: [] }, notModified: {}, bodies: { identity: Buffer.alloc(0), br: Buffer.alloc(0), gzip: Buffer.alloc(0) }, bytes })

  it('keys only anonymous reads of reader paths, by language and day', () => {
    expect(PageCache.keyOf('GET', url('/pages/a'), true, 'en')).toContain('/pages/a')
    expect(PageCache.keyOf('GET', url('/pages/a'), false, 'en')).toBeNull()
    expect(PageCache.keyOf('GET', url('/moderation'), true, 'en')).toBeNull()
    expect(PageCache.keyOf('POST', url('/pages/a'), true, 'en')).toBeNull()
    expect(PageCache.keyOf('GET', url('/pages/a'), true, 'de')).not.toBe(PageCache.keyOf('GET', url('/pages/a'), true, 'fr'))
    expect(PageCache.keyOf('GET', url('/api/v1/pages/a'), true, 'de')).toBe(PageCache.keyOf('GET', url('/api/v1/pages/a'), true, 'fr'))
  })

  it('keys a raw request target as the render stores it, and never a normalised one as another page', () => {
    for (const target of ['/', '/pages', '/pages/a', '/pages/a?x=1&y=%20', '/search?q=tchap', '/api/v1/pages/a', '/pages/a/sources']) {
      expect(PageCache.keyOfTarget(target, 'de')).toBe(PageCache.keyOf('GET', url(target), true, 'de'))
    }
    expect(PageCache.keyOfTarget('/pages/a?', 'en')).not.toBe(PageCache.keyOf('GET', url('/pages/b'), true, 'en'))
    expect(PageCache.keyOfTarget('/pages/./a', 'en')).toBeNull()
    expect(PageCache.keyOfTarget('/moderation', 'en')).toBeNull()
    expect(PageCache.keyOfTarget(`/pages/a?q=${'x'.repeat(400)}`, 'en')).toBeNull()
    expect(PageCache.isAnonymous('lang=de', false, 'sid')).toBe(true)
    expect(PageCache.isAnonymous('lang=de; sid=x', false, 'sid')).toBe(false)
    expect(PageCache.isAnonymous(undefined, true, 'sid')).toBe(false)
  })

  it('serves an entry only while the content version is unchanged', () => {
    const cache = new PageCache({ bytes: 1000, entries: 10 })
    cache.set('k', entry(10, 'v1'))
    expect(cache.get('k', 'v1')).toBeDefined()
    expect(cache.get('k', 'v2')).toBeUndefined()
    expect(cache.get('k', 'v1')).toBeUndefined()
    expect(cache.bytes).toBe(0)
  })

  it('keeps within its byte budget, dropping the least recently used first', () => {
    const cache = new PageCache({ bytes: 1000, entries: 10 })
    cache.set('a', entry(200))
    cache.set('b', entry(200))
    cache.set('c', entry(200))
    cache.get('a', 'v')
    cache.set('d', entry(250))
    cache.set('e', entry(250))
    expect(cache.bytes).toBeLessThanOrEqual(1000)
    expect(cache.get('b', 'v')).toBeUndefined()
    expect(cache.get('a', 'v')).toBeDefined()
    // Nothing larger than a quarter of the budget is kept.
    cache.set('big', entry(300))
    expect(cache.get('big', 'v')).toBeUndefined()
  })

  it('still honours an entry count, and 0 turns it off', () => {
    const cache = new PageCache({ bytes: 1000, entries: 2 })
    for (const k of ['a', 'b', 'c']) cache.set(k, entry(1))
    expect(cache.size).toBe(2)
    const off = new PageCache(pageCacheLimits({ PAGE_CACHE_ENTRIES: '0' }))
    off.set('a', entry(1))
    expect(off.size).toBe(0)
    expect(() => pageCacheLimits({ PAGE_CACHE_BYTES: '64MB' })).toThrow(/PAGE_CACHE_BYTES must be a whole number of bytes/)
  })
})

describe('RenderFlights', () => {
  const stored = { version: 'v1', etag: 'W/"x"' } as StoredPage

  it('lets readers of a page being rendered under their version wait for that render', async () => {
    const flights = new RenderFlights()
    const finish = flights.start('k', 'v1')
    const waiting = flights.join('k', 'v1')
    expect(waiting).toBeDefined()
    // A render under an older version is no answer for a reader who already knows of a newer write.
    expect(flights.join('k', 'v2')).toBeUndefined()
    expect(flights.join('other', 'v1')).toBeUndefined()
    finish(stored)
    expect(await waiting).toBe(stored)
    expect(flights.join('k', 'v1')).toBeUndefined()
    expect(flights.size).toBe(0)
  })

  it('tells waiters when the render stored nothing, and keeps a newer render of the key registered', async () => {
    const flights = new RenderFlights()
    const first = flights.start('k', 'v1')
    const waiting = flights.join('k', 'v1')!
    const second = flights.start('k', 'v2')
    first(null)
    expect(await waiting).toBeNull()
    expect(flights.join('k', 'v2')).toBeDefined()
    second(stored)
    expect(flights.size).toBe(0)
  })
})
