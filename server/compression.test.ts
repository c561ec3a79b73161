import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { compressResponse } from './compression'

const big = '<p>Évaluation — 12 000 utilisateurs</p>'.repeat(200)
const request = (acceptEncoding?: string, method = 'GET') => new Request('http://x/pages/a/history', { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} })
const html = (body: string, headers: Record<string, string> = {}) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } })

describe('compressResponse', () => {
  it('streams brotli or gzip as the client prefers, and says so in Vary', async () => {
    const br = compressResponse(request('gzip, br'), html(big, { 'content-length': String(Buffer.byteLength(big)), vary: 'Cookie' }))
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('content-length')).toBeNull()
    expect(br.headers.get('vary')).toBe('Cookie, Accept-Encoding')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(big)
    const gzip = compressResponse(request('gzip'), html(big))
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(big)
  })

  it('leaves alone what gains nothing or must not be touched', async () => {
    expect(compressResponse(request(), html(big)).headers.get('content-encoding')).toBeNull()
    expect(compressResponse(request('br'), html('<p>short</p>', { 'content-length': '12' })).headers.get('content-encoding')).toBeNull()
    expect(compressResponse(request('br'), new Response(big, { headers: { 'content-type': 'text/event-stream' } })).headers.get('content-encoding')).toBeNull()
    expect(compressResponse(request('br'), new Response(big, { headers: { 'content-type': 'image/png' } })).headers.get('content-encoding')).toBeNull()
    const identity = compressResponse(request('identity'), html(big))
    expect(identity.headers.get('content-encoding')).toBeNull()
    expect(identity.headers.get('vary')).toBe('Accept-Encoding')
    expect(await identity.text()).toBe(big)
  })
})
