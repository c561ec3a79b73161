import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { conditionalAnswer, tagAnswer } from './conditional'

const nonce = 'r4nd0mN0nce+/=r4nd0mN0n=='
const html = `<!DOCTYPE html><html lang="fr"><script nonce="${nonce}">x</script><p>Visio — 12 000 utilisateurs, « déjà » 🎥</p><script nonce="${nonce}">y</script></html>`
const page = (body = html) => new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } })
// The ETag is the hash of the body without this response's nonce; computed on bytes, it must
// equal the hash of the text with the nonce cut out, or every tag would change with the code.
const expected = `W/"${createHash('sha256').update(html.split(nonce).join('')).digest('base64url').slice(0, 32)}"`
const get = (headers: Record<string, string> = {}) => new Request('http://x/pages/a', { headers })

describe('conditional answers', () => {
  it('tags the body without its nonce, and serves it unchanged', async () => {
    const tagged = (await tagAnswer(get(), page(), { nonce, anonymous: true }))!
    expect(tagged.etag).toBe(expected)
    const response = conditionalAnswer(get(), tagged)
    expect(response.headers.get('etag')).toBe(expected)
    expect(await response.text()).toBe(html)
  })

  it('gives two renders with different nonces one tag', async () => {
    const other = 'XXXXXXXXXXXXXXXXXXXXXXXX'
    expect((await tagAnswer(get(), page(html.split(nonce).join(other)), { nonce: other, anonymous: true }))!.etag).toBe(expected)
  })

  it('answers a matching If-None-Match with 304, no body and no CSP', async () => {
    const tagged = (await tagAnswer(get(), page(), { nonce, anonymous: true }))!
    const response = conditionalAnswer(get({ 'if-none-match': `"x", ${expected}` }), tagged)
    expect(response.status).toBe(304)
    expect(await response.text()).toBe('')
    expect(response.headers.get('content-security-policy')).toBeNull()
  })

  it('leaves signed-in answers and errors alone', async () => {
    expect(await tagAnswer(get(), page(), { nonce, anonymous: false })).toBeNull()
    expect(await tagAnswer(get(), new Response('x', { status: 404, headers: { 'content-type': 'text/html' } }), { nonce, anonymous: true })).toBeNull()
  })
})
