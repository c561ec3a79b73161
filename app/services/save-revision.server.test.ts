import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision, listPageRevisions } from '#app/models/revisions.server'
import { reviewRevision } from './review-revision.server'
import { saveRevision } from './save-revision.server'

const lines = (...l: string[]) => doc(...l.map((x) => p(text(x))))

describe.each(TEST_ENGINES)('saving and reviewing revisions on $engine', (engine) => {
  let t: TestDatabase
  let editor: Awaited<ReturnType<typeof createUser>>
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let source: { id: string }
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    editor = await createUser(t.db)
    trusted = await createUser(t.db, { role: 'trusted' })
    moderator = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
  })
  afterAll(async () => {
    await t.destroy()
  })

  it('publishes a trusted editor’s clean page at once and queues an editor’s edit', async () => {
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(lines('a', 'b', 'c'), { title: 'Save test one' }), summary: 'new', idempotencyKey: null })
    expect(created).toMatchObject({ ok: true, page: { slug: 'save-test-one' }, revision: { status: 'approved' } })
    if (!created.ok) return
    const edit = await saveRevision(t.db, { actor: editor, slug: 'save-test-one', baseRevisionId: created.revision.id, content: content(lines('a', 'B', 'c'), { title: 'Save test one' }), summary: 'edit', idempotencyKey: null })
    expect(edit).toMatchObject({ ok: true, revision: { status: 'pending' } })
    const page = await getPageBySlug(t.db, 'save-test-one')
    expect(page?.stableRevisionId).toBe(created.revision.id)
    expect(page?.latestRevisionId).toBe(edit.ok && edit.revision.id)
  })

  it('rejects invalid content with 422 and stores nothing', async () => {
    const before = (await getPageBySlug(t.db, 'save-test-one'))!
    const result = await saveRevision(t.db, { actor: editor, slug: 'save-test-one', baseRevisionId: before.latestRevisionId, content: content(doc({ type: 'script' })), summary: '', idempotencyKey: null })
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect((await getPageBySlug(t.db, 'save-test-one'))!.latestRevisionId).toBe(before.latestRevisionId)
  })

  it('merges edits to different blocks and keeps overlapping ones as a conflict revision', async () => {
    const page = (await getPageBySlug(t.db, 'save-test-one'))!
    const base = page.latestRevisionId
    const first = await saveRevision(t.db, { actor: editor, slug: page.slug, baseRevisionId: base, content: content(lines('A', 'B', 'c'), { title: 'Save test one' }), summary: 'first', idempotencyKey: null })
    const second = await saveRevision(t.db, { actor: editor, slug: page.slug, baseRevisionId: base, content: content(lines('a', 'B', 'C'), { title: 'Save test one' }), summary: 'second', idempotencyKey: null })
    expect(second).toMatchObject({ ok: true, revision: { merged: true } })
    const merged = await getRevision(t.db, second.ok ? second.revision.id : '')
    expect(merged!.content.body.content!.map((n) => n.content![0]!.text)).toEqual(['A', 'B', 'C'])
    expect(merged!.parentId).toBe(first.ok && first.revision.id)
    const third = await saveRevision(t.db, { actor: editor, slug: page.slug, baseRevisionId: base, content: content(lines('X', 'B', 'c'), { title: 'Save test one' }), summary: 'third', idempotencyKey: null })
    expect(third).toMatchObject({ ok: false, status: 409, code: 'edit_conflict' })
    const conflict = await getRevision(t.db, !third.ok && third.code === 'edit_conflict' ? third.conflict.revisionId : '')
    expect(conflict).toMatchObject({ status: 'conflict' })
    expect(conflict!.content.body.content![0]!.content![0]!.text).toBe('X')
  })

  it('answers a repeated submit with the revision the first one created', async () => {
    const page = (await getPageBySlug(t.db, 'save-test-one'))!
    const input = { actor: editor, slug: page.slug, baseRevisionId: page.latestRevisionId, content: content(lines('once'), { title: 'Save test one' }), summary: 'retry', idempotencyKey: 'key-1' }
    const [a, b] = await Promise.all([saveRevision(t.db, input), saveRevision(t.db, input)])
    expect(a.ok && b.ok).toBe(true)
    if (a.ok && b.ok) expect(a.revision.id).toBe(b.revision.id)
    const revisions = await listPageRevisions(t.db, page.id, { limit: 100 })
    expect(revisions.filter((r) => r.summary === 'retry')).toHaveLength(1)
  })

  it('refuses to approve a revision with an uncited figure, then approves it once cited', async () => {
    const created = await saveRevision(t.db, { actor: editor, slug: null, baseRevisionId: null, content: content(doc(p(text('openDesk is used by 5,000 agencies.'))), { title: 'Review test' }), summary: 'new', idempotencyKey: null })
    if (!created.ok) throw new Error('save failed')
    expect(created.revision.status).toBe('pending')
    expect(created.revision.findings.map((f) => [f.kind, f.text])).toContainEqual(['uncited-figure', '5,000'])
    const refused = await reviewRevision(t.db, { moderator, revisionId: created.revision.id, decision: 'approve', reason: '' })
    expect(refused).toMatchObject({ ok: false, status: 409, code: 'uncited_figures', uncitedFigures: [{ text: '5,000' }] })
    const cited = await saveRevision(t.db, {
      actor: editor, slug: created.page.slug, baseRevisionId: created.revision.id, summary: 'cite', idempotencyKey: null,
      content: content(doc(p(text('openDesk is used by '), figure('5,000', { sourceId: source.id, quote: 'used by 5,000 agencies', asOf: '2025-06', metric: 'agencies' }), text(' agencies.'))), { title: 'Review test' }),
    })
    if (!cited.ok) throw new Error('save failed')
    const [one, two] = await Promise.all([
      reviewRevision(t.db, { moderator, revisionId: cited.revision.id, decision: 'approve', reason: 'Sourced' }),
      reviewRevision(t.db, { moderator, revisionId: cited.revision.id, decision: 'approve', reason: 'Sourced' }),
    ])
    expect([one.ok, two.ok].sort()).toEqual([false, true])
    expect([one, two].find((r) => !r.ok)).toMatchObject({ status: 409 })
    const page = await getPageBySlug(t.db, created.page.slug)
    expect(page!.stableRevisionId).toBe(cited.revision.id)
    // The pending revision it builds on was published with it.
    expect((await getRevision(t.db, created.revision.id))!.status).toBe('approved')
  })
})
