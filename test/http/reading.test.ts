import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { protectPage } from '#app/services/protect-page.server'
import { reviewRevision } from '#app/services/review-revision.server'
import { saveRevision } from '#app/services/save-revision.server'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { createUser, login } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import { startServer, type RunningServer } from '#test/server'
import { get } from './requests'

type User = Awaited<ReturnType<typeof createUser>>
const html = async (response: Promise<Response>) => (await (await response).text()).replace(/<!-- -->/g, '')

/** What issue 15 adds to reading pages: no React on them, protection in view, rejection reasons. */
describe.each(TEST_ENGINES)('reading pages on $engine', (engine) => {
  let t: TestDatabase
  let server: RunningServer
  let trusted: User
  let editor: User
  let moderator: User
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    server = await startServer({ databaseUrl: t.url, env: { DEMO_CONTENT: 'false' } })
    trusted = await createUser(t.db, { role: 'trusted' })
    editor = await createUser(t.db, { role: 'editor' })
    moderator = await createUser(t.db, { role: 'moderator' })
  })
  afterAll(async () => {
    await server?.stop()
    await t?.destroy()
  })

  it('tells the author why a revision was rejected, on the revision and in their contributions', async () => {
    const first = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(doc(p(text('Plain words.'))), { title: 'Rejection page' }), summary: 'first', idempotencyKey: null })
    if (!first.ok) throw new Error(first.code)
    const edit = await saveRevision(t.db, { actor: editor, slug: 'rejection-page', baseRevisionId: first.revision.id, content: content(doc(p(text('Plain words, and the best tool ever.'))), { title: 'Rejection page' }), summary: 'praise', idempotencyKey: null })
    if (!edit.ok) throw new Error(edit.code)
    const review = await reviewRevision(t.db, { moderator, revisionId: edit.revision.id, decision: 'reject', reason: 'Promotional wording without a source' })
    expect(review.ok).toBe(true)
    const cookie = await login(server.url, editor.username)
    const permalink = await html(get(server, `/pages/rejection-page/revisions/${edit.revision.id}`, { cookie }))
    expect(permalink).toMatch(new RegExp(`Rejected by ${moderator.username} on [^<]+\\. Reason: Promotional wording without a source`))
    const contributions = await html(get(server, `/users/${editor.username}`, { cookie }))
    expect(contributions).toContain('Reason: Promotional wording without a source')
  })

  it('"see the approved revision" leads to the approved text, not to "not found" (regression)', async () => {
    const first = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(doc(p(text('Approved words.'))), { title: 'Stable link page' }), summary: 'first', idempotencyKey: null })
    if (!first.ok) throw new Error(first.code)
    const edit = await saveRevision(t.db, { actor: editor, slug: 'stable-link-page', baseRevisionId: first.revision.id, content: content(doc(p(text('Pending words.'))), { title: 'Stable link page' }), summary: 'pending', idempotencyKey: null })
    if (!edit.ok) throw new Error(edit.code)
    const cookie = await login(server.url, editor.username)
    const latest = await html(get(server, '/pages/stable-link-page', { cookie }))
    expect(latest).toContain('Pending words.')
    const link = latest.match(/href="([^"]+)"[^>]*>See the approved revision</)?.[1]?.replace(/&amp;/g, '&')
    expect(link).toBe('/pages/stable-link-page?revision=stable')
    const stable = await get(server, link ?? '', { cookie })
    expect(stable.status).toBe(200)
    const body = await html(Promise.resolve(stable))
    expect(body).toContain('Approved words.')
    expect(body).not.toContain('Pending words.')
  })

  it('shows protection where people decide to edit, with a link for moderators, and no Edit link for those it keeps out', async () => {
    const made = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(doc(p(text('Protected words.'))), { title: 'Protected page' }), summary: 'first', idempotencyKey: null })
    if (!made.ok) throw new Error(made.code)
    const result = await protectPage(t.db, { moderator, slug: 'protected-page', protection: { level: 'trusted', reason: 'Edit war', expiresAt: null } })
    expect(result.ok).toBe(true)
    const anonymous = await html(get(server, '/pages/protected-page'))
    expect(anonymous).toContain('Protected — who may edit: Trusted editors')
    expect(anonymous).not.toContain('href="/pages/protected-page/edit"')
    // A reading page carries no React: no module scripts, no serialized loader data.
    expect(anonymous).not.toMatch(/<script[^>]*type="module"/)
    expect(anonymous).not.toContain('__remixContext')
    const asEditor = await html(get(server, '/pages/protected-page', { cookie: await login(server.url, editor.username) }))
    expect(asEditor).not.toContain('href="/pages/protected-page/edit"')
    const asModerator = await html(get(server, '/pages/protected-page', { cookie: await login(server.url, moderator.username) }))
    expect(asModerator).toContain('href="/pages/protected-page/edit"')
    expect(asModerator).toContain('href="/moderation/pages/protected-page/protect"')
  })
})
