import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { listQueue } from '#app/models/moderation-queue.server'
import { ulid } from 'ulid'
import { analyseContent } from '#app/core/analyse'
import { nowIso } from '#app/models/ids.server'
import { getPageBySlug, updatePageHeads } from '#app/models/pages.server'
import { getRevision, listChainBetween, listPageRevisions } from '#app/models/revisions.server'
import { recordRevision } from './record-revision.server'
import { reviewRevision } from './review-revision.server'
import { saveRevision } from './save-revision.server'

const lines = (...l: string[]) => doc(...l.map((x) => p(text(x))))

describe.each(TEST_ENGINES)('saving and reviewing revisions on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let editor: Awaited<ReturnType<typeof createUser>>
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let source: { id: string }
  beforeAll(async () => {
    editor = await createUser(t.db)
    trusted = await createUser(t.db, { role: 'trusted' })
    moderator = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
  })

  /** A page as the first test leaves 'Save test one' (published a, b, c; the editor's a, B, c pending), for a test of its own. */
  async function pageLikeSaveTestOne(title: string) {
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(lines('a', 'b', 'c'), { title }), summary: 'new', idempotencyKey: null })
    if (!created.ok) throw new Error('setup failed')
    const edit = await saveRevision(t.db, { actor: editor, slug: created.page.slug, baseRevisionId: created.revision.id, content: content(lines('a', 'B', 'c'), { title }), summary: 'edit', idempotencyKey: null })
    if (!edit.ok) throw new Error('setup failed')
    return created.page.slug
  }

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

  it('keeps a trusted editor’s revision with an uncited figure in the queue: saved, never stable', async () => {
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(lines('A clean first version.'), { title: 'Trusted uncited' }), summary: 'new', idempotencyKey: null })
    if (!created.ok) throw new Error('save failed')
    expect(created.revision.status).toBe('approved')
    const edit = await saveRevision(t.db, {
      actor: trusted, slug: created.page.slug, baseRevisionId: created.revision.id, summary: 'numbers', idempotencyKey: null,
      content: content(lines('A clean first version.', 'openDesk serves 7,000 users.'), { title: 'Trusted uncited' }),
    })
    if (!edit.ok) throw new Error('save failed')
    expect(edit.revision.status).toBe('pending')
    expect(edit.revision.findings.map((f) => [f.kind, f.text])).toEqual([['uncited-figure', '7,000']])
    // Saved (nothing typed is lost) but not what readers see.
    const page = await getPageBySlug(t.db, created.page.slug)
    expect(page).toMatchObject({ stableRevisionId: created.revision.id, latestRevisionId: edit.revision.id })
    expect((await getRevision(t.db, edit.revision.id))!.content.body.content![1]!.content![0]!.text).toBe('openDesk serves 7,000 users.')
    // Waiting for a moderator, with its uncited figure counted.
    const queued = (await listQueue(t.db, { lang: null, finding: null, age: null, page: created.page.slug, after: null }, {}, 50)).find((r) => r.id === edit.revision.id)
    expect(queued).toMatchObject({ uncitedCount: 1, author: { id: trusted.id } })
    // And the approval a moderator might try answers 409 with the list.
    expect(await reviewRevision(t.db, { moderator, revisionId: edit.revision.id, decision: 'approve', reason: '' })).toMatchObject({ ok: false, status: 409, code: 'uncited_figures', uncitedFigures: [{ text: '7,000' }] })
  })

  it('rejects invalid content with 422 and stores nothing', async () => {
    const slug = await pageLikeSaveTestOne('Save test invalid')
    const before = (await getPageBySlug(t.db, slug))!
    const result = await saveRevision(t.db, { actor: editor, slug, baseRevisionId: before.latestRevisionId, content: content(doc({ type: 'script' })), summary: '', idempotencyKey: null })
    expect(result).toMatchObject({ ok: false, status: 422 })
    expect((await getPageBySlug(t.db, slug))!.latestRevisionId).toBe(before.latestRevisionId)
  })

  it('merges edits to different blocks and keeps overlapping ones as a conflict revision', async () => {
    const page = (await getPageBySlug(t.db, await pageLikeSaveTestOne('Save test merges')))!
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
    const page = (await getPageBySlug(t.db, await pageLikeSaveTestOne('Save test retry')))!
    const input = { actor: editor, slug: page.slug, baseRevisionId: page.latestRevisionId, content: content(lines('once'), { title: 'Save test one' }), summary: 'retry', idempotencyKey: 'key-1' }
    const [a, b] = await Promise.all([saveRevision(t.db, input), saveRevision(t.db, input)])
    expect(a.ok && b.ok).toBe(true)
    if (a.ok && b.ok) expect(a.revision.id).toBe(b.revision.id)
    const revisions = await listPageRevisions(t.db, page.id, { limit: 100 })
    expect(revisions.filter((r) => r.summary === 'retry')).toHaveLength(1)
  })

  it('keeps the history in order when the head was written by an app instance whose clock is ahead', async () => {
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(lines('one'), { title: 'Clock skew test' }), summary: 'new', idempotencyKey: null })
    if (!created.ok) throw new Error(created.code)
    // Another instance, its clock an hour ahead, saved an edit on top: its id carries its time.
    const aheadContent = content(lines('two'), { title: 'Clock skew test' })
    const { id: ahead } = await recordRevision(t.db, {
      id: ulid(Date.now() + 3_600_000).toLowerCase(), pageId: created.page.id, parentId: created.revision.id, baseRevisionId: created.revision.id,
      authorId: editor.id, summary: 'from the other instance', status: 'pending', content: aheadContent, analysis: analyseContent(aheadContent, new Set()),
    })
    await updatePageHeads(t.db, created.page.id, { latestRevisionId: ahead, updatedAt: nowIso() })

    const next = await saveRevision(t.db, { actor: editor, slug: created.page.slug, baseRevisionId: ahead, content: content(lines('three'), { title: 'Clock skew test' }), summary: 'here', idempotencyKey: null })
    if (!next.ok) throw new Error(next.code)
    expect(next.revision.id > ahead).toBe(true)
    expect((await getRevision(t.db, next.revision.id))!.parentId).toBe(ahead)
    // Newest first, and the chain from the stable revision to the head holds both pending edits.
    expect((await listPageRevisions(t.db, created.page.id, { limit: 10 })).map((r) => r.id)).toEqual([next.revision.id, ahead, created.revision.id])
    expect((await listChainBetween(t.db, created.page.id, created.revision.id, next.revision.id)).map((r) => r.id)).toEqual([ahead, next.revision.id])
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
