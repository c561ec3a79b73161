import { beforeAll, describe, expect, it } from 'vitest'
import type { DocNode } from '#app/core/content'
import { getPageBySlug } from '#app/models/pages.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createSource, createUser, login } from '#test/factories'
import { citation, doc, figure, p, text } from '#test/fixtures/docs'
import { get as rawGet, postForm, postJson, type RequestOptions } from './requests'

type User = Awaited<ReturnType<typeof createUser>>

/** Polls a condition with a generous bound: the page cache learns of a write within about a second. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`never happened: ${what}`)
}

describe.each(TEST_ENGINES)('moves, hidden revisions and deletion on $engine', (engine) => {
  const { t, server } = withTestApp(engine)
  let trusted: User
  let editor: User
  let moderator: User
  let admin: User
  const cookies: Record<string, string> = {}
  let source: { id: string }

  const get = (path: string, options: RequestOptions = {}) => rawGet(server, path, options)
  const body = (words: string): DocNode =>
    doc(p(text(`Tchap is the messenger of the French State. ${words}`)), p(text('Tchap has '), figure('375,000', { sourceId: source.id, quote: 'Tchap has 375,000 users', asOf: '2024', metric: 'monthly active users' }), text(' users.'), citation(source.id)))

  async function save(actor: User, slug: string | null, title: string, words: string, summary: string) {
    const edit = { title, body: body(words), summary }
    return slug ? await createRevision(t.db, actor, slug, edit) : await createPage(t.db, actor, edit)
  }

  beforeAll(async () => {
    trusted = await createUser(t.db, { role: 'trusted' })
    editor = await createUser(t.db, { role: 'editor' })
    moderator = await createUser(t.db, { role: 'moderator' })
    admin = await createUser(t.db, { role: 'admin' })
    for (const u of [trusted, editor, moderator, admin]) cookies[u.username] = await login(server.url, u.username)
    source = await createSource(t.db)
  })

  it('moves a page: every old path answers 301, chains resolve, taken and invalid addresses are refused', async () => {
    const first = await save(trusted, null, 'Move test page', 'First.', 'Created')
    await save(trusted, 'move-test-page', 'Move test page', 'Second.', 'Edited')
    const r1 = first.revision.id
    const latest = (await getPageBySlug(t.db, 'move-test-page'))!.latestRevisionId
    await save(trusted, null, 'Occupied page', 'Other.', 'Created')

    expect((await postJson(server, '/api/v1/pages/move-test-page/move', { to: 'moved-page', reason: 'Clearer name' }, { cookie: cookies[editor.username] })).status).toBe(403)
    const invalid = await postJson(server, '/api/v1/pages/move-test-page/move', { to: 'Bad Slug!', reason: 'x' }, { cookie: cookies[trusted.username] })
    expect(invalid.status).toBe(422)
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/lower-case/)
    const taken = await postJson(server, '/api/v1/pages/move-test-page/move', { to: 'occupied-page', reason: 'x' }, { cookie: cookies[trusted.username] })
    expect(taken.status).toBe(409)
    expect(((await taken.json()) as { error: { message: string } }).error.message).toContain('/pages/occupied-page')

    const moved = await postJson(server, '/api/v1/pages/move-test-page/move', { to: 'moved-page', reason: 'Clearer name' }, { cookie: cookies[trusted.username] })
    expect(moved.status).toBe(200)
    expect(await moved.json()).toMatchObject({ page: { slug: 'moved-page' } })

    const paths = [
      '', '/history', '/history.atom', '/sources', '/sources.csv', '/sources.json', `/diff?from=${r1}&to=${latest}`, `/revisions/${r1}`,
    ]
    for (const rest of paths) {
      const response = await get(`/pages/move-test-page${rest}`)
      expect(response.status, rest).toBe(301)
      expect(response.headers.get('location'), rest).toBe(`/pages/moved-page${rest}`)
    }
    for (const [from, to] of [
      ['/api/v1/pages/move-test-page', '/api/v1/pages/moved-page'],
      ['/api/v1/pages/move-test-page/revisions', '/api/v1/pages/moved-page/revisions'],
      ['/talk/page/move-test-page', '/talk/page/moved-page'],
    ]) {
      const response = await get(from!)
      expect(response.status, from).toBe(301)
      expect(response.headers.get('location')).toBe(to)
    }
    expect((await get('/pages/moved-page')).status).toBe(200)

    // A second move: the first address leads straight to the newest one.
    expect((await postForm(server, '/pages/moved-page/move', { to: 'moved-again', reason: 'Once more' }, { cookie: cookies[moderator.username] })).status).toBe(302)
    expect((await get('/pages/move-test-page')).headers.get('location')).toBe('/pages/moved-again')
    expect((await get('/pages/moved-page/history')).headers.get('location')).toBe('/pages/moved-again/history')

    // The form says what is wrong.
    const refused = await postForm(server, '/pages/moved-again/move', { to: 'occupied-page', reason: 'x' }, { cookie: cookies[trusted.username] })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('/pages/occupied-page')

    // History and the public log show the moves.
    const history = (await (await get('/pages/moved-again/history')).text()).replace(/<!-- -->/g, '')
    expect(history).toContain('from /move-test-page to /moved-page')
    const log = await (await get('/moderation/log?action=page.move')).text()
    expect(log).toContain('data-action="page.move"')

    // A new page at a left address takes precedence over the redirect.
    await save(trusted, null, 'Move test page', 'A new page.', 'Created anew')
    expect((await get('/pages/move-test-page')).status).toBe(200)
  })

  it('hides a revision: its marker reaches no surface; an admin still reads it and can show it again', async () => {
    const marker = `zqmarker${Date.now().toString(36)}`
    const searchWord = `zebracorn${Date.now().toString(36)}`
    const r1 = (await save(trusted, null, 'Hidden test page', 'Clean text.', 'Created')).revision.id
    const r2 = (await save(trusted, 'hidden-test-page', 'Hidden test page', `Libel ${marker} ${searchWord}.`, `Summary ${marker}`)).revision.id
    const r3 = (await save(editor, 'hidden-test-page', 'Hidden test page', 'Clean again.', 'Cleanup')).revision.id
    // Before: the marker is there to be found (the search below could find it).
    expect(await (await get('/pages/hidden-test-page')).text()).toContain(marker)
    expect(await (await get(`/search?q=${searchWord}`)).text()).toContain('href="/pages/hidden-test-page"')

    expect((await postJson(server, `/api/v1/revisions/${r2}/visibility`, { hide: ['content', 'summary'], reason: 'libel' }, { cookie: cookies[trusted.username] })).status).toBe(403)
    expect((await postJson(server, `/api/v1/revisions/${r3}/visibility`, { hide: ['content'], reason: 'libel' }, { cookie: cookies[moderator.username] })).status).toBe(409)
    const hidden = await postJson(server, `/api/v1/revisions/${r2}/visibility`, { hide: ['content', 'summary'], reason: 'libel' }, { cookie: cookies[moderator.username] })
    expect(hidden.status).toBe(200)
    expect(await hidden.json()).toMatchObject({ revision: { id: r2, contentHidden: true, summaryHidden: true }, page: { stableRevisionId: r1 } })

    const surfaces = [
      '/pages/hidden-test-page', '/pages/hidden-test-page?revision=stable', '/pages/hidden-test-page/history', `/pages/hidden-test-page/revisions/${r2}`,
      `/pages/hidden-test-page/diff?from=${r1}&to=${r2}`, `/pages/hidden-test-page/diff?from=${r2}&to=${r3}`, `/pages/hidden-test-page/diff?to=${r2}`,
      '/pages/hidden-test-page/history.atom', '/feeds/recent-changes.atom', '/recent-changes', `/users/${trusted.username}`,
      '/api/v1/pages/hidden-test-page', '/api/v1/pages/hidden-test-page/revisions', '/api/v1/pages',
      '/pages/hidden-test-page/sources', '/pages/hidden-test-page/sources.csv', '/pages/hidden-test-page/sources.json', '/moderation/log',
    ]
    // Anonymous readers (through the page cache, which must not serve what it stored before).
    for (const path of surfaces) await eventually(async () => !(await (await get(path)).text()).includes(marker), `${path} without the marker`)
    expect(await (await get(`/search?q=${searchWord}`)).text()).not.toContain('href="/pages/hidden-test-page"')
    // Signed in: editors, the author, moderators (review page included), the watchers' notifications.
    for (const who of [editor, trusted, moderator]) {
      for (const path of [...surfaces, '/pages/hidden-test-page?revision=latest', '/notifications', `/moderation/revisions/${r2}`]) {
        const response = await get(path, { cookie: cookies[who.username] })
        expect((await response.text()).includes(marker), `${who.role} ${path}`).toBe(false)
      }
    }
    const history = (await (await get('/pages/hidden-test-page/history')).text()).replace(/<!-- -->/g, '')
    expect(history).toContain('summary hidden')
    expect(history).toContain('content hidden')
    expect(await (await get(`/pages/hidden-test-page/revisions/${r2}`)).text()).toContain('hid the content of this revision')
    // Revert and approval cannot bring it back.
    expect((await postForm(server, `/pages/hidden-test-page/revisions/${r2}`, { intent: 'revert', baseRevisionId: r3 }, { cookie: cookies[trusted.username] })).status).toBe(409)

    // Admins read it.
    expect(await (await get(`/pages/hidden-test-page/revisions/${r2}`, { cookie: cookies[admin.username] })).text()).toContain(marker)
    // A moderator cannot show it again; an admin can, and that is logged.
    expect((await postJson(server, `/api/v1/revisions/${r2}/visibility`, { hide: [], reason: 'libel' }, { cookie: cookies[moderator.username] })).status).toBe(403)
    expect((await postJson(server, `/api/v1/revisions/${r2}/visibility`, { hide: [], reason: 'other', note: 'Checked: not libel' }, { cookie: cookies[admin.username] })).status).toBe(200)
    await eventually(async () => (await (await get(`/pages/hidden-test-page/revisions/${r2}`)).text()).includes(marker), 'the revision shown again')
    const log = await (await get('/moderation/log')).text()
    expect(log).toContain('data-action="revision.hide"')
    expect(log).toContain('data-action="revision.unhide"')
  })

  it('the visibility form asks for confirmation', async () => {
    const r1 = (await save(trusted, null, 'Confirm test page', 'One.', 'Created')).revision.id
    await save(trusted, 'confirm-test-page', 'Confirm test page', 'Two.', 'Edited')
    const unconfirmed = await postForm(server, `/pages/confirm-test-page/revisions/${r1}/visibility`, { hide: 'summary', reason: 'personal-data' }, { cookie: cookies[moderator.username] })
    expect(unconfirmed.status).toBe(422)
    const confirmed = await postForm(server, `/pages/confirm-test-page/revisions/${r1}/visibility`, { hide: 'summary', reason: 'personal-data', confirm: 'yes' }, { cookie: cookies[moderator.username] })
    expect(confirmed.status).toBe(200)
    expect((await postForm(server, `/pages/confirm-test-page/revisions/${r1}/visibility`, { hide: 'summary', reason: 'personal-data', confirm: 'yes' }, { cookie: cookies[editor.username] })).status).toBe(403)
  })

  it('deletes and restores a page: 410 for readers, gone from lists and search, readable by admins, logged', async () => {
    const word = `deletemarker${Date.now().toString(36)}`
    await save(trusted, null, 'Delete test page', `Words ${word}.`, 'Created')
    expect(await (await get(`/search?q=${word}`)).text()).toContain('href="/pages/delete-test-page"')
    expect((await get('/pages/delete-test-page/delete', { cookie: cookies[moderator.username] })).status).toBe(403)
    expect((await postForm(server, '/pages/delete-test-page/delete', { intent: 'delete', reason: 'Spam' }, { cookie: cookies[admin.username] })).status).toBe(422)
    expect((await postForm(server, '/pages/delete-test-page/delete', { intent: 'delete', reason: 'Spam', confirm: 'yes' }, { cookie: cookies[admin.username] })).status).toBe(302)

    await eventually(async () => (await get('/pages/delete-test-page')).status === 410, 'the page answers 410')
    const gone = await get('/api/v1/pages/delete-test-page')
    expect(gone.status).toBe(410)
    expect(await gone.json()).toMatchObject({ error: { code: 'gone' } })
    expect((await get('/pages/delete-test-page/history')).status).toBe(410)
    expect(await (await get('/api/v1/pages')).text()).not.toContain('delete-test-page')
    expect(await (await get('/pages')).text()).not.toContain('delete-test-page')
    expect(await (await get(`/search?q=${word}`)).text()).not.toContain('href="/pages/delete-test-page"')
    expect(await (await get('/feeds/recent-changes.atom')).text()).not.toContain('delete-test-page')
    const asAdmin = await get('/pages/delete-test-page', { cookie: cookies[admin.username] })
    expect(asAdmin.status).toBe(200)
    expect(await asAdmin.text()).toContain(word)
    // The address stays taken while deleted.
    expect((await postJson(server, '/api/v1/pages/moved-again/move', { to: 'delete-test-page', reason: 'x' }, { cookie: cookies[trusted.username] })).status).toBe(409)

    expect((await postForm(server, '/pages/delete-test-page/delete', { intent: 'restore', reason: 'Not spam after all' }, { cookie: cookies[admin.username] })).status).toBe(302)
    await eventually(async () => (await get('/pages/delete-test-page')).status === 200, 'the page is back')
    expect(await (await get(`/search?q=${word}`)).text()).toContain('href="/pages/delete-test-page"')
    const log = await (await get('/moderation/log')).text()
    expect(log).toContain('data-action="page.delete"')
    expect(log).toContain('data-action="page.restore"')
  })
})
