import { gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeShell, personalAnswer, shellKeyOfTarget, shellResponse } from './signed-in-pages'

const nonce = 'r4nd0mN0nce+/=r4nd0mN0n=='
const block = (name: string, unread = 0) => `<a class="user-link" aria-label="${unread} unread" href="/users/${name}">${name}${unread ? `<span class="badge">${unread}</span>` : ''}</a>`
const page = (personal: string, extra = '') =>
  `<!DOCTYPE html><html><header>${personal}</header><main>${'<p>Visio — « déjà » 🎥 12 000 users</p>'.repeat(300)}${extra}</main><script src="/assets/r.js" defer nonce="${nonce}"></script></html>`
const answer = (body: string, headers: Record<string, string> = {}) => ({
  status: 200,
  headers: new Headers({ 'content-type': 'text/html; charset=utf-8', 'x-request-id': 'abc', ...headers }),
  body: Buffer.from(body),
})
const options = { nonce, https: false, version: 'v1' }
const bodyOf = (parts: Buffer[]) => Buffer.concat(parts)

describe('the shared document of a signed-in read', () => {
  const shell = makeShell(answer(page(block('ada'))), { html: block('ada'), username: 'ada' }, options)!

  it('answers each person with their own block in the document rendered for another, nonce taken out', () => {
    expect(shell).not.toBeNull()
    const mine = bodyOf(personalAnswer(shell, block('grace', 3), undefined).parts).toString()
    expect(mine).toBe(page(block('grace', 3)).replace(` nonce="${nonce}"`, ''))
    expect(mine).not.toContain('ada')
    const headers = personalAnswer(shell, block('grace', 3), undefined).headers
    const header = (name: string) => headers[headers.indexOf(name) + 1]
    expect(header('cache-control')).toBe('private, no-cache')
    expect(header('content-security-policy')).not.toContain('nonce-')
    expect(headers).not.toContain('x-request-id')
    expect(Number(header('content-length'))).toBe(Buffer.byteLength(mine))
  })

  it('sends gzip that decodes to exactly the identity bytes, whatever the block', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.boolean(), (text, big) => {
        const html = big ? text.repeat(20) : text
        const gzip = personalAnswer(shell, html, 'gzip, deflate, br')
        const identity = personalAnswer(shell, html, 'identity')
        expect(gzip.headers).toContain('gzip')
        expect(gunzipSync(bodyOf(gzip.parts)).equals(bodyOf(identity.parts))).toBe(true)
        expect(gzip.etag).toBe(identity.etag)
      }),
      { numRuns: 60 },
    )
    expect(personalAnswer(shell, 'x', 'gzip;q=0, br').headers).not.toContain('content-encoding')
  })

  it('tags each person\'s answer apart, and the same person\'s reads alike', () => {
    expect(personalAnswer(shell, block('grace'), null).etag).toBe(personalAnswer(shell, block('grace'), null).etag)
    expect(personalAnswer(shell, block('grace'), null).etag).not.toBe(personalAnswer(shell, block('grace', 1), null).etag)
    const tag = personalAnswer(shell, block('grace'), null).etag
    const notModified = shellResponse(new Request('http://x/pages/a', { headers: { 'if-none-match': tag } }), shell, block('grace'), 'id')
    expect(notModified.status).toBe(304)
    expect(shellResponse(new Request('http://x/pages/a', { headers: { 'if-none-match': tag } }), shell, block('ada'), 'id').status).toBe(200)
  })

  it('is not kept when sharing it could show one person\'s data to another, or is not a page', () => {
    const person = { html: block('ada'), username: 'ada' }
    // The block changed while the page rendered (a notification arrived): not found, not kept.
    expect(makeShell(answer(page(block('ada', 1))), person, options)).toBeNull()
    // Twice, or the name outside the block (a hydrated page's data, a signature…).
    expect(makeShell(answer(page(block('ada'), block('ada'))), person, options)).toBeNull()
    expect(makeShell(answer(page(block('ada'), '<p>by ada</p>')), person, options)).toBeNull()
    expect(makeShell(answer(page(block('ada'), '<script>window.__remixContext = {}</script>')), person, options)).toBeNull()
    // The nonce left in the text, where taking the attribute out does not reach it.
    expect(makeShell(answer(page(block('ada'), `<p>${nonce}</p>`)), person, options)).toBeNull()
    expect(makeShell({ ...answer(page(block('ada'))), status: 404 }, person, options)).toBeNull()
    expect(makeShell(answer(page(block('ada')), { 'set-cookie': 'a=b' }), person, options)).toBeNull()
    expect(makeShell(answer('{}', { 'content-type': 'application/json' }), person, options)).toBeNull()
  })

  it('is keyed on audience, target, language and day, for comparison pages only', () => {
    const key = shellKeyOfTarget('/pages/a?saved=published', 'de', 'trusted')!
    expect(key).toContain('trusted')
    expect(key).toContain('/pages/a?saved=published')
    expect(key).toContain('de')
    expect(key).toContain(new Date().toISOString().slice(0, 10))
    expect(shellKeyOfTarget('/pages/a', 'de', 'moderator')).not.toBe(shellKeyOfTarget('/pages/a', 'de', 'trusted'))
    expect(shellKeyOfTarget('/pages/a', 'de', 'trusted:blocked')).not.toBe(shellKeyOfTarget('/pages/a', 'de', 'trusted'))
    for (const target of ['/pages/a/edit', '/moderation', '/account', '/pages', `/pages/a?${'x'.repeat(400)}`]) expect(shellKeyOfTarget(target, 'en', 'editor')).toBeNull()
  })
})
