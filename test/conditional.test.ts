import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { withConditionalGet } from '../server/conditional'

// The ETag is the hash of the body without this response's nonce; it is computed on bytes, and
// must equal the hash of the text with the nonce cut out (as first defined), or every cached tag
// would change with the implementation.
describe('withConditionalGet', () => {
  const nonce = 'r4nd0mN0nce+/=='
  const html = `<!DOCTYPE html><html lang="fr"><script nonce="${nonce}">x</script><p>Visio — 12 000 utilisateurs, « déjà » 🎥</p><script nonce="${nonce}">y</script></html>`
  const page = () => new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
  const expected = `W/"${createHash('sha256').update(html.split(nonce).join('')).digest('base64url').slice(0, 32)}"`

  it('tags the body without its nonce, and serves it unchanged', async () => {
    const response = await withConditionalGet(new Request('http://x/pages/a'), page(), { nonce, anonymous: true })
    expect(response.headers.get('etag')).toBe(expected)
    expect(await response.text()).toBe(html)
  })

  it('gives two renders with different nonces one tag', async () => {
    const other = await withConditionalGet(new Request('http://x/pages/a'), new Response(html.split(nonce).join('0therN0nce'), { headers: { 'content-type': 'text/html' } }), { nonce: '0therN0nce', anonymous: true })
    expect(other.headers.get('etag')).toBe(expected)
  })

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const response = await withConditionalGet(new Request('http://x/pages/a', { headers: { 'if-none-match': expected } }), page(), { nonce, anonymous: true })
    expect(response.status).toBe(304)
    expect(await response.text()).toBe('')
  })

  it('leaves signed-in responses alone', async () => {
    const response = await withConditionalGet(new Request('http://x/pages/a'), page(), { nonce, anonymous: false })
    expect(response.headers.get('etag')).toBeNull()
  })
})
