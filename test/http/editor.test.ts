import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PageContent } from '#app/core/content'
import { saveRevision } from '#app/services/save-revision.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createSource, createUser, login } from '#test/factories'
import { content, doc, figure, p, table, text } from '#test/fixtures/docs'
import { get, postForm, stateOf } from './requests'

/** The edit routes over HTTP, as the browser's form posts them: what is saved, what is refused, and that nothing typed is lost. */
describe.each(TEST_ENGINES)('the edit routes on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let cookie: string
  let editor: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    editor = await createUser(t.db, { role: 'editor' })
    cookie = await login(server.url, editor.username)
  })

  const save = (path: string, fields: { content: string; summary?: string; baseRevisionId?: string; idempotencyKey?: string }, as: string | null = cookie) =>
    postForm(server, path, { summary: '', baseRevisionId: '', idempotencyKey: randomUUID(), ...fields }, { cookie: as })
  const json = (value: unknown) => JSON.stringify(value)
  const pageOf = (slug: string) => t.db.selectFrom('pages').select(['id', 'latest_revision_id', 'stable_revision_id']).where('slug', '=', slug).executeTakeFirst()

  async function createPage(title: string, body = doc(p(text('First paragraph.')), p(text('Second paragraph.')))) {
    const response = await save('/pages/new', { content: json(content(body, { title })), summary: 'Created' })
    expect(response.status).toBe(303)
    const slug = new URL(response.headers.get('location')!, server.url).pathname.split('/')[2]!
    return { slug, page: (await pageOf(slug))! }
  }

  it('sends anonymous visitors of the editor to the login page and back', async () => {
    const { slug } = await createPage('Login redirect page')
    for (const path of ['/pages/new', `/pages/${slug}/edit`, `/pages/${slug}/edit?conflict=x`]) {
      const response = await get(server, path)
      expect(response.status, path).toBe(302)
      expect(response.headers.get('location')).toBe(`/login?redirectTo=${encodeURIComponent(path)}`)
    }
  })

  it('refuses an anonymous save and stores nothing; the editor’s own request gets 401 with the text back', async () => {
    const before = await stateOf(t.db)
    const fields = { content: json(content(doc(p(text('Anonymous words kept here.'))), { title: 'Anonymous page' })), summary: '', baseRevisionId: '', idempotencyKey: randomUUID() }
    // A plain form post renders the page again, whose loader sends the visitor to log in.
    const document = await postForm(server, '/pages/new', fields)
    expect(document.status).toBe(302)
    expect(document.headers.get('location')).toMatch(/^\/login\?redirectTo=/)
    // The editor submits with fetch (Remix's single fetch): that answer keeps the text for the editor.
    const editor = await postForm(server, '/pages/new.data', fields)
    expect(editor.status).toBe(401)
    expect(await editor.text()).toContain('Anonymous words kept here.')
    expect(await stateOf(t.db)).toBe(before)
  })

  it('opens the editor on the latest revision with a fresh idempotency key per load', async () => {
    const { slug, page } = await createPage('Editor load page')
    const first = await (await get(server, `/pages/${slug}/edit`, { cookie })).text()
    const second = await (await get(server, `/pages/${slug}/edit`, { cookie })).text()
    expect(first).toContain(`name="baseRevisionId" value="${page.latest_revision_id}"`)
    const key = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1]
    expect(key(first)).toBeTruthy()
    expect(key(first)).not.toBe(key(second))
    expect(first).toContain('Second paragraph.')
  })

  it('saves a new page and redirects to its latest revision with a notice', async () => {
    const source = await createSource(t.db)
    const body = doc(p(text('Tchap has '), figure('375,000', { sourceId: source.id, quote: 'Tchap has 375,000 users', asOf: '2024-05' }), text(' users.')), table([text('Product')], [text('Tchap')]))
    const response = await save('/pages/new', { content: json(content(body, { title: 'Saved through the form' })), summary: 'New page' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/pages/saved-through-the-form?revision=latest&saved=pending')
    const page = await (await get(server, response.headers.get('location')!, { cookie })).text()
    expect(page).toContain('waits for a moderator')
    // After the number, the marks of its state (outdated, self-reported …) if any.
    expect(page).toMatch(/<button type="button" class="fig"[^>]*>375,000(<span class="(fig-mark|visually-hidden)[^]*?)?<\/button>/)
  })

  const unknownNode = doc(p(text('ok')), { type: 'script', content: [text('alert(1)')] })
  const jsLink = doc(p(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])))
  const nul = doc(p(text('a\u0000b')))
  const deep = `{"title":"Deep page","summary":"","lang":"en","subjects":{"proprietary":[],"alternatives":[]},"categories":[],"body":${'['.repeat(100_000)}${']'.repeat(100_000)}}`

  it.each<[string, string, RegExp]>([
    ['an unknown node', json(content(unknownNode)), /Unknown node type/],
    ['a javascript: link', json(content(jsLink)), /Links can only go to http, https or mailto addresses/],
    ['a NUL character', json(content(nul)), /control character/],
    ['100,000 levels of nesting', deep, /nested more than 32 levels/],
    ['text that is not JSON', '{"title": ', /not valid JSON/],
    ['a title too short', json(content(doc(p(text('x'))), { title: 'ab' })), /at least 3 characters/],
  ])('answers %s with 422 naming the problem, on both routes, and stores nothing', async (_name, submitted, message) => {
    const { slug, page } = await createPage(`Refusal page ${randomUUID().slice(0, 8)}`)
    const before = await stateOf(t.db)
    for (const path of ['/pages/new', `/pages/${slug}/edit`]) {
      const response = await save(path, { content: submitted, baseRevisionId: path === '/pages/new' ? '' : page.latest_revision_id })
      expect(response.status, path).toBe(422)
      expect(await response.text(), path).toMatch(message)
    }
    expect(await stateOf(t.db)).toBe(before)
  })

  it('answers a document of 100,000 nested nodes, sent as multipart form data, with 422 before parsing it', async () => {
    const before = await stateOf(t.db)
    const { body: _body, ...metadata } = content(doc(), { title: 'Deep nodes' })
    const deepNodes = `${JSON.stringify(metadata).slice(0, -1)},"body":{"type":"doc","content":[${'{"content":['.repeat(100_000)}${']}'.repeat(100_000)}]}}`
    const form = new FormData()
    for (const [name, value] of Object.entries({ content: deepNodes, summary: '', baseRevisionId: '', idempotencyKey: randomUUID() })) form.append(name, value)
    const response = await fetch(`${server.url}/pages/new`, { method: 'POST', redirect: 'manual', headers: { origin: server.url, cookie }, body: form })
    expect(response.status).toBe(422)
    expect(await response.text()).toMatch(/nested more than 32 levels/)
    expect(await stateOf(t.db)).toBe(before)
  })

  it('answers a body over 2 MiB with 413 and stores nothing', async () => {
    const before = await stateOf(t.db)
    const big = json(content(doc(p(text('x'.repeat(2.2 * 1024 * 1024)))), { title: 'Too big' }))
    const body = new URLSearchParams({ content: big, summary: '', baseRevisionId: '', idempotencyKey: randomUUID() }).toString()
    expect(await postOnItsOwnConnection('/pages/new', body)).toBe(413)
    expect(await stateOf(t.db)).toBe(before)
  })

  /**
   * The 413 comes before the body is read; a connection that still carries the unread rest of
   * it is not reused by the server, so this request gets a connection of its own (fetch's pool
   * would hand the half-sent one to the next test's request). When the server closes that
   * connection while the rest of the body is still arriving, the client's kernel may drop the
   * answer on the reset: on a busy machine that happens now and then, so a reset before any
   * answer is tried again (a few times), and anything else fails at once instead of hanging.
   */
  async function postOnItsOwnConnection(path: string, body: string): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const status = await postOnce(path, body)
      if (status !== 'reset' || attempt === 3) return status === 'reset' ? 0 : status
    }
  }
  function postOnce(path: string, body: string): Promise<number | 'reset'> {
    return new Promise((resolve, reject) => {
      const request = http.request(server.url + path, {
        method: 'POST',
        agent: false,
        headers: { origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), connection: 'close' },
      })
      request.on('response', (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
        request.destroy()
      })
      request.on('error', (error) => {
        const code = (error as NodeJS.ErrnoException).code
        if (code !== 'EPIPE' && code !== 'ECONNRESET') reject(error)
      })
      // Resolved already when an answer came; otherwise the connection ended without one.
      request.on('close', () => resolve('reset'))
      request.end(body)
    })
  }

  it('keeps what was typed when a save is refused, and shows it again', async () => {
    const submitted = content(doc(p(text('A sentence nobody should lose.'))), { title: 'No', summary: 'My summary stays.' })
    const response = await save('/pages/new', { content: json(submitted), summary: 'my edit summary' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('value="No"')
    expect(html).toContain('My summary stays.')
    expect(html).toContain('A sentence nobody should lose.')
    expect(html).toContain('value="my edit summary"')
  })

  it('creates one revision for a double submit with the same idempotency key', async () => {
    const { slug, page } = await createPage('Double click page')
    const idempotencyKey = randomUUID()
    const edited = json(content(doc(p(text('First paragraph, edited once.')), p(text('Second paragraph.'))), { title: 'Double click page' }))
    const [a, b] = await Promise.all([0, 1].map(() => save(`/pages/${slug}/edit`, { content: edited, baseRevisionId: page.latest_revision_id, idempotencyKey })))
    expect([a!.status, b!.status]).toEqual([303, 303])
    const revisions = await t.db.selectFrom('revisions').select('id').where('page_id', '=', page.id).execute()
    expect(revisions).toHaveLength(2)
  })

  it('keeps the text and hands out a new key when the form’s key already saved another version', async () => {
    const { slug, page } = await createPage('Reused key page')
    const idempotencyKey = randomUUID()
    const first = await save(`/pages/${slug}/edit`, { content: json(content(doc(p(text('Saved with this key.'))), { title: 'Reused key page' })), baseRevisionId: page.latest_revision_id, idempotencyKey })
    expect(first.status).toBe(303)
    const before = await stateOf(t.db)
    // The same form, kept from before that save, sent again with other text.
    const again = await save(`/pages/${slug}/edit`, { content: json(content(doc(p(text('Words typed later.'))), { title: 'Reused key page' })), baseRevisionId: page.latest_revision_id, idempotencyKey })
    expect(again.status).toBe(422)
    const html = await again.text()
    expect(html).toContain('This form had already been used to save another version')
    expect(html).toContain('Words typed later.')
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1]
    expect(key).toBeTruthy()
    expect(key).not.toBe(idempotencyKey)
    expect(await stateOf(t.db)).toBe(before)
    const head = (await pageOf(slug))!.latest_revision_id
    expect((await save(`/pages/${slug}/edit`, { content: json(content(doc(p(text('Words typed later.'))), { title: 'Reused key page' })), baseRevisionId: head, idempotencyKey: key! })).status).toBe(303)
  })

  it.each<[string, 'de' | 'fr', () => Promise<PageContent>, string[]]>([
    ['a title too short', 'de', async () => content(doc(p(text('Mein Text.'))), { title: 'ab' }), ['Titel', 'Verwenden Sie mindestens 3 Zeichen.', 'Die Seite wurde nicht gespeichert:']],
    ['a product address that is not a web address', 'fr', async () => content(doc(p(text('Mon texte.'))), { title: 'Adresse fausse', subjects: { proprietary: [{ name: 'Zoom', vendor: '', homepage: 'ftp://zoom.us' }], alternatives: [] } }), ['Produit propriétaire 1', 'Utilisez une adresse qui commence par http:// ou https://.']],
    ['a licence that is not SPDX', 'de', async () => content(doc(p(text('Mein Text.'))), { title: 'Falsche Lizenz', subjects: { proprietary: [], alternatives: [{ name: 'Visio', vendor: '', homepage: '', license: 'frei!', repository: '' }] } }), ['Verwenden Sie eine SPDX-Lizenzkennung']],
    ['a title that is taken', 'fr', async () => (await createPage('Titre déjà pris'), content(doc(p(text('Mon texte.'))), { title: 'Titre déjà pris' })), ['Une page portant ce titre existe déjà à l’adresse /pages/titre-deja-pris.']],
  ])('says why %s was refused in the editor’s language (%s), and keeps the text', async (_name, lang, make, expected) => {
    const submitted = await make()
    const before = await stateOf(t.db)
    const response = await postForm(server, '/pages/new', { summary: '', baseRevisionId: '', idempotencyKey: randomUUID(), content: json(submitted) }, { cookie, headers: { 'accept-language': lang } })
    expect([409, 422]).toContain(response.status)
    const html = (await response.text()).replace(/<!-- -->/g, '')
    for (const words of expected) expect(html).toContain(words)
    expect(html).toContain(`lang="${lang}"`)
    expect(html).toContain(submitted.body.content![0]!.content![0]!.text!)
    expect(await stateOf(t.db)).toBe(before)
  })

  it('tells that a title is taken and keeps the text', async () => {
    await createPage('Taken title')
    const response = await save('/pages/new', { content: json(content(doc(p(text('My own words.'))), { title: 'Taken title' })) })
    expect(response.status).toBe(409)
    const html = await response.text()
    expect(html).toContain('/pages/taken-title')
    expect(html).toContain('My own words.')
  })

  it('answers an edit conflict with 409, keeps the text as a conflict revision and opens the merge view', async () => {
    const { slug, page } = await createPage('Conflict page')
    const base = page.latest_revision_id
    const other = await createUser(t.db, { role: 'editor' })
    const theirs = await saveRevision(t.db, {
      actor: other, slug, baseRevisionId: base, summary: 'their edit', idempotencyKey: null,
      content: content(doc(p(text('Their first paragraph.')), p(text('Second paragraph.'))), { title: 'Conflict page' }),
    })
    expect(theirs.ok).toBe(true)

    const mine: PageContent = content(doc(p(text('My first paragraph, typed with care.')), p(text('Second paragraph.'))), { title: 'Conflict page' })
    const response = await save(`/pages/${slug}/edit`, { content: json(mine), baseRevisionId: base, summary: 'my edit' })
    expect(response.status).toBe(409)
    const html = await response.text()
    expect(html).toContain('My first paragraph, typed with care.')
    // The merge screen marks the words each side changed: compare the text, not the markup.
    expect(html.replace(/<[^>]+>/g, '')).toContain('Their first paragraph.')
    expect(html).toContain('The words you both changed, marked on each side')

    const conflict = await t.db.selectFrom('revisions').select(['id', 'content']).where('page_id', '=', page.id).where('status', '=', 'conflict').executeTakeFirstOrThrow()
    expect(conflict.content).toContain('My first paragraph, typed with care.')
    expect(html).toContain(`/pages/${slug}/revisions/${conflict.id}`)

    const view = await get(server, `/pages/${slug}/edit?conflict=${conflict.id}`, { cookie })
    expect(view.status).toBe(200)
    const merge = await view.text()
    expect(merge).toContain('Current version')
    // Both sides are there, their differing words marked (and named for screen readers).
    expect(merge).toContain('Their')
    expect(merge).toContain('first paragraph.')
    expect(merge).toContain('typed with care.')
    const latest = (await pageOf(slug))!.latest_revision_id
    expect(merge).toContain(`name="baseRevisionId" value="${latest}"`)

    const resolved = await save(`/pages/${slug}/edit`, { content: json(mine), baseRevisionId: latest, summary: 'merged' })
    expect(resolved.status).toBe(303)
    expect((await pageOf(slug))!.latest_revision_id).not.toBe(latest)
  })

  it('answers 404 for a conflict id that is not a conflict of this page', async () => {
    const { slug, page } = await createPage('No conflict here')
    expect((await get(server, `/pages/${slug}/edit?conflict=${page.latest_revision_id}`, { cookie })).status).toBe(404)
    expect((await get(server, '/pages/no-such-page/edit', { cookie })).status).toBe(404)
  })

  it('refuses a protected page to an editor below its level, on load and on save', async () => {
    const { slug, page } = await createPage('Protected page')
    await t.db.updateTable('pages').set({ protection: 'trusted', protection_reason: 'edit war' }).where('id', '=', page.id).execute()
    const load = await get(server, `/pages/${slug}/edit`, { cookie })
    expect(load.status).toBe(403)
    expect(await load.text()).toContain('edit war')
    const before = await stateOf(t.db)
    const response = await save(`/pages/${slug}/edit`, { content: json(content(doc(p(text('Protected words I typed.'))), { title: 'Protected page' })), baseRevisionId: page.latest_revision_id })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('Protected words I typed.')
    expect(await stateOf(t.db)).toBe(before)
  })

  it('refuses a blocked account with 403', async () => {
    const blocked = await createUser(t.db, { role: 'editor' })
    const blockedCookie = await login(server.url, blocked.username)
    await t.db.updateTable('users').set({ blocked_until: new Date(Date.now() + 86_400_000).toISOString() }).where('id', '=', blocked.id).execute()
    expect((await get(server, '/pages/new', { cookie: blockedCookie })).status).toBe(403)
    const before = await stateOf(t.db)
    const response = await save('/pages/new', { content: json(content(doc(p(text('x'))), { title: 'Blocked page' })) }, blockedCookie)
    expect(response.status).toBe(403)
    expect(await stateOf(t.db)).toBe(before)
  })
})
