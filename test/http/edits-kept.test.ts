import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser, login } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import type { PageContent } from '#app/core/content'
import { createApiToken } from '#app/models/api-tokens.server'

/**
 * Issue 10, "no edit lost, no false state", through the JSON API against the built app: a client
 * reads GET /api/v1/pages/:slug while another editor's revision is pending and saves as docs/api.md
 * says; the pending change ends up in the merged text or the save is a stored conflict, and a
 * revision is approved only with its change in the published text.
 */
describe.each(TEST_ENGINES)('saving beside a pending revision through the API on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  const tokens = { editor: '', trusted: '', moderator: '' }
  let moderatorCookie = ''

  beforeAll(async () => {
    for (const role of ['editor', 'trusted', 'moderator'] as const) {
      const user = await createUser(t.db, { role })
      tokens[role] = (await createApiToken(t.db, user.id, 'test')).token
      if (role === 'moderator') moderatorCookie = await login(server.url, user.username)
    }
  })

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, token?: string) => {
    const response = await fetch(server.url + path, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  }
  const lines = (c: PageContent) => (c.body.content ?? []).map((n) => n.content?.[0]?.text)
  const page = (title: string, blocks: string[]) => content(doc(...blocks.map((b) => p(text(b)))), { title })
  const edit = (c: PageContent, at: number, line: string) => page(c.title, lines(c).map((l, i) => (i === at ? line : l!)))

  /** A published page with one editor's revision pending on top; answers what a client reads. */
  async function pageWithPendingRevision(title: string) {
    const created = await call('POST', '/api/v1/pages', { content: page(title, ['Block a.', 'Block b.', 'Block c.']) }, tokens.trusted)
    expect(created.body.revision.status).toBe('approved')
    const slug = created.body.page.slug as string
    const pending = await call('POST', `/api/v1/pages/${slug}/revisions`, { baseRevisionId: created.body.revision.id, content: page(title, ['Block a.', 'Block b by the first editor.', 'Block c.']) }, tokens.editor)
    expect(pending).toMatchObject({ status: 201, body: { revision: { status: 'pending' } } })
    const read = await call('GET', `/api/v1/pages/${slug}`)
    expect(read.status).toBe(200)
    return { slug, stableId: created.body.revision.id as string, pendingId: pending.body.revision.id as string, read: read.body }
  }

  it('GET gives the stable revision as before and the latest one to edit from', async () => {
    const { read, stableId, pendingId } = await pageWithPendingRevision('Reading both revisions')
    expect(read.page).toMatchObject({ stableRevisionId: stableId, latestRevisionId: pendingId })
    expect(read.revision).toMatchObject({ id: stableId, status: 'approved' })
    expect(lines(read.revision.content)).toEqual(['Block a.', 'Block b.', 'Block c.'])
    expect(read.latestRevision).toMatchObject({ id: pendingId, parentId: stableId, status: 'pending' })
    expect(lines(read.latestRevision.content)).toEqual(['Block a.', 'Block b by the first editor.', 'Block c.'])
  })

  it('a save from latestRevision keeps the pending change; approving it publishes both', async () => {
    const { slug, read, pendingId } = await pageWithPendingRevision('Saving from the latest')
    const saved = await call('POST', `/api/v1/pages/${slug}/revisions`, { baseRevisionId: read.latestRevision.id, content: edit(read.latestRevision.content, 2, 'Block c by the second editor.') }, tokens.trusted)
    // A trusted editor's save on someone's pending revision waits too (decision 014).
    expect(saved).toMatchObject({ status: 201, body: { revision: { status: 'pending', merged: false } } })
    const approved = await call('POST', `/api/v1/revisions/${saved.body.revision.id}/review`, { decision: 'approve' }, tokens.moderator)
    expect(approved.body).toMatchObject({ published: [pendingId, saved.body.revision.id], superseded: [] })
    const after = await call('GET', `/api/v1/pages/${slug}`)
    expect(lines(after.body.revision.content)).toEqual(['Block a.', 'Block b by the first editor.', 'Block c by the second editor.'])
  })

  it('a save from the stable revision merges with the pending one, or is a stored conflict', async () => {
    const { slug, read, stableId } = await pageWithPendingRevision('Saving from the stable text')
    const merged = await call('POST', `/api/v1/pages/${slug}/revisions`, { baseRevisionId: read.revision.id, content: edit(read.revision.content, 2, 'Block c by the second editor.') }, tokens.editor)
    expect(merged).toMatchObject({ status: 201, body: { revision: { merged: true } } })
    const latest = await call('GET', `/api/v1/pages/${slug}`)
    expect(lines(latest.body.latestRevision.content)).toEqual(['Block a.', 'Block b by the first editor.', 'Block c by the second editor.'])

    const clash = await call('POST', `/api/v1/pages/${slug}/revisions`, { baseRevisionId: stableId, content: edit(read.revision.content, 1, 'Block b by a third editor.') }, tokens.editor)
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'edit_conflict' }, conflict: { baseRevisionId: stableId } } })
    const history = await call('GET', `/api/v1/pages/${slug}/revisions`)
    expect(history.body.revisions.find((r: { id: string }) => r.id === clash.body.conflict.revisionId)).toMatchObject({ status: 'conflict' })
  })

  it('the stable text sent with the head’s id: approving it marks the undone pending revision superseded, not approved', async () => {
    const { slug, read, pendingId } = await pageWithPendingRevision('Stable text on the latest id')
    const stale = await call('POST', `/api/v1/pages/${slug}/revisions`, { baseRevisionId: read.page.latestRevisionId, content: edit(read.revision.content, 2, 'Block c by the second editor.') }, tokens.editor)
    expect(stale.status).toBe(201)
    // The moderator is told before deciding, in their language.
    const review = await fetch(`${server.url}/moderation/revisions/${stale.body.revision.id}`, { headers: { cookie: moderatorCookie } })
    const html = await review.text()
    expect(html).toContain('This revision undoes the change of a pending revision under it.')
    expect(html).toContain(`href="/moderation/revisions/${pendingId}"`)
    const french = await (await fetch(`${server.url}/moderation/revisions/${stale.body.revision.id}`, { headers: { cookie: moderatorCookie, 'accept-language': 'fr' } })).text()
    expect(french).toContain('Cette révision annule la modification d’une révision en attente en dessous.')
    const approved = await call('POST', `/api/v1/revisions/${stale.body.revision.id}/review`, { decision: 'approve' }, tokens.moderator)
    expect(approved.body).toMatchObject({ published: [stale.body.revision.id], superseded: [pendingId] })
    const history = await call('GET', `/api/v1/pages/${slug}/revisions`)
    expect(history.body.revisions.find((r: { id: string }) => r.id === pendingId)).toMatchObject({ status: 'superseded' })
    // Recent changes (and so the author's contributions) agree: superseded, not approved.
    const permalink = `href="/pages/${slug}/revisions/${pendingId}"`
    expect(await (await fetch(`${server.url}/recent-changes?page=${slug}&status=superseded`)).text()).toContain(permalink)
    expect(await (await fetch(`${server.url}/recent-changes?page=${slug}&status=approved`)).text()).not.toContain(permalink)
  })
})
