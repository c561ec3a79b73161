import { beforeAll, describe, expect, it } from 'vitest'
import { protectPage } from '#app/services/protect-page.server'
import { reviewRevision } from '#app/services/review-revision.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createPage, createRevision, createUser, login } from '#test/factories'
import { doc, p, text } from '#test/fixtures/docs'
import { get } from './requests'

type User = Awaited<ReturnType<typeof createUser>>
const html = async (response: Promise<Response>) => (await (await response).text()).replace(/<!-- -->/g, '')

/** What issue 15 adds to reading pages: no React on them, protection in view, rejection reasons. */
describe.each(TEST_ENGINES)('reading pages on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let trusted: User
  let editor: User
  let moderator: User
  beforeAll(async () => {
    trusted = await createUser(t.db, { role: 'trusted' })
    editor = await createUser(t.db, { role: 'editor' })
    moderator = await createUser(t.db, { role: 'moderator' })
  })

  it('tells the author why a revision was rejected, on the revision and in their contributions', async () => {
    const first = await createPage(t.db, trusted, { title: 'Rejection page', body: doc(p(text('Plain words.'))), summary: 'first' })
    const edit = await createRevision(t.db, editor, 'rejection-page', { base: first.revision.id, title: 'Rejection page', body: doc(p(text('Plain words, and the best tool ever.'))), summary: 'praise' })
    const review = await reviewRevision(t.db, { moderator, revisionId: edit.revision.id, decision: 'reject', reason: 'Promotional wording without a source' })
    expect(review.ok).toBe(true)
    const cookie = await login(server.url, editor.username)
    const permalink = await html(get(server, `/pages/rejection-page/revisions/${edit.revision.id}`, { cookie }))
    expect(permalink).toMatch(new RegExp(`Rejected by ${moderator.username} on [^<]+\\. Reason: Promotional wording without a source`))
    const contributions = await html(get(server, `/users/${editor.username}`, { cookie }))
    expect(contributions).toContain('Reason: Promotional wording without a source')
  })

  it('"see the approved revision" leads to the approved text, not to "not found" (regression)', async () => {
    const first = await createPage(t.db, trusted, { title: 'Stable link page', body: doc(p(text('Approved words.'))), summary: 'first' })
    await createRevision(t.db, editor, 'stable-link-page', { base: first.revision.id, title: 'Stable link page', body: doc(p(text('Pending words.'))), summary: 'pending' })
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
    await createPage(t.db, trusted, { title: 'Protected page', body: doc(p(text('Protected words.'))), summary: 'first' })
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
