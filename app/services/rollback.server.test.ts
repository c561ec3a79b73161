import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createPage, createRevision, createSource, createUser } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { listPageHistory, findRollbackPoint } from '#app/models/history.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { rollbackEdits } from './rollback.server'
import { saveRevision } from './save-revision.server'

type User = Awaited<ReturnType<typeof createUser>>

describe.each(TEST_ENGINES)('rolling back edits on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let trusted: User
  let editor: User
  let other: User
  let moderator: User
  let source: { id: string }
  beforeAll(async () => {
    trusted = await createUser(t.db, { role: 'trusted' })
    editor = await createUser(t.db, { role: 'editor' })
    other = await createUser(t.db, { role: 'editor' })
    moderator = await createUser(t.db, { role: 'moderator' })
    source = await createSource(t.db)
  })

  async function save(actor: User, title: string, words: string, first = false) {
    const edit = { title, body: doc(p(text(words))), summary: words }
    const result = first ? await createPage(t.db, actor, edit) : await createRevision(t.db, actor, title.toLowerCase().replace(/ /g, '-'), edit)
    return result.revision.id
  }
  const rollback = async (slug: string, by: User = moderator, key: string | null = null) =>
    rollbackEdits(t.db, { moderator: by, slug, expectedLatestId: (await getPageBySlug(t.db, slug))?.latestRevisionId ?? 'none', reason: 'Vandalism', idempotencyKey: key })

  it('refuses when one author wrote every revision, and for non-moderators', async () => {
    await save(editor, 'Single author', 'one', true)
    await save(editor, 'Single author', 'two')
    expect(await rollback('single-author')).toMatchObject({ ok: false, status: 409, code: 'nothing_to_roll_back' })
    expect(await rollback('single-author', trusted)).toMatchObject({ ok: false, status: 403 })
    expect(await rollbackEdits(t.db, { moderator, slug: 'single-author', expectedLatestId: 'x', reason: '  ', idempotencyKey: null })).toMatchObject({ ok: false, status: 422, code: 'reason_required' })
    expect(await rollback('no-such-page')).toMatchObject({ ok: false, status: 404 })
  })

  it('stops only at another author, restores that revision and answers a repeat with the same rollback', async () => {
    const kept = await save(trusted, 'Long run', 'good text', true)
    const bad = [await save(editor, 'Long run', 'bad 1'), await save(editor, 'Long run', 'bad 2'), await save(editor, 'Long run', 'bad 3')]
    const point = await findRollbackPoint(t.db, bad[2]!)
    expect(point).toMatchObject({ author: { id: editor.id }, target: { id: kept } })
    expect(point!.edits.map((e) => e.id)).toEqual([...bad].reverse())
    expect(await findRollbackPoint(t.db, bad[2]!, 2)).toBeNull()

    const first = await rollback('long-run', moderator, 'key-1')
    expect(first).toMatchObject({ ok: true, restoredRevisionId: kept, rolledBack: [...bad].reverse(), superseded: bad, replayed: false })
    const again = await rollbackEdits(t.db, { moderator, slug: 'long-run', expectedLatestId: bad[2]!, reason: 'Vandalism', idempotencyKey: 'key-1' })
    expect(again).toMatchObject({ ok: true, replayed: true, revisionId: first.ok ? first.revisionId : '' })
    const { entries } = await listPageHistory(t.db, (await getPageBySlug(t.db, 'long-run'))!.id, { limit: 10 })
    expect(entries.map((e) => e.status)).toEqual(['approved', 'superseded', 'superseded', 'superseded', 'approved'])
    expect(entries[0]).toMatchObject({ parentSize: entries[1]!.size, restoresRevisionId: kept, author: { id: moderator.id } })
    expect((await getRevision(t.db, entries[0]!.id))!.content).toEqual((await getRevision(t.db, kept))!.content)
  })

  it('refuses to publish a restored revision with an uncited figure', async () => {
    await save(other, 'Uncited restore', 'It has 5,000 users.', true)
    await save(editor, 'Uncited restore', 'It has many users.')
    expect(await rollback('uncited-restore')).toMatchObject({ ok: false, status: 409, code: 'uncited_figures', uncitedFigures: [{ text: '5,000' }] })
    // Cited, the same number can be restored and published.
    const cited = await saveRevision(t.db, {
      actor: other, slug: 'uncited-restore', baseRevisionId: (await getPageBySlug(t.db, 'uncited-restore'))!.latestRevisionId,
      content: content(doc(p(text('It has '), figure('5,000', { sourceId: source.id, quote: 'It has 5,000 users', asOf: '2024' }), text(' users.'))), { title: 'Uncited restore' }),
      summary: 'cite', idempotencyKey: null,
    })
    expect(cited.ok).toBe(true)
    await save(editor, 'Uncited restore', 'It has few users.')
    expect(await rollback('uncited-restore')).toMatchObject({ ok: true })
    const page = (await getPageBySlug(t.db, 'uncited-restore'))!
    expect(page.stableRevisionId).toBe(page.latestRevisionId)
  })
})
