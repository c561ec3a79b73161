import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { baseContent, bodyText, concurrentEdits, expectLinearHistory } from '#test/concurrent-edits'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision, listPageRevisions } from '#app/models/revisions.server'
import type { Database } from '#db/schema'
import { saveRevision, type SaveRevisionInput } from './save-revision.server'

/**
 * Saves racing each other, each on its own database handle as separate app instances would be:
 * the history stays linear, nothing anyone submitted is lost, and nothing fails.
 */
describe.each(TEST_ENGINES)('concurrent saves on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let instances: Kysely<Database>[]
  let trusted: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    instances = Array.from({ length: 8 }, () => t.reopen())
    trusted = await createUser(t.db, { role: 'trusted' })
  })

  async function createPage(title: string): Promise<{ slug: string; revisionId: string }> {
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: baseContent(title), summary: 'first', idempotencyKey: null })
    if (!created.ok) throw new Error(`could not create the page: ${JSON.stringify(created)}`)
    return { slug: created.page.slug, revisionId: created.revision.id }
  }

  it('keeps one linear history and every submitted text when 8 editors save from one base at once', async () => {
    const page = await createPage('Eight editors at once')
    const edits = concurrentEdits('Eight editors at once', 8)
    // Editors and trusted editors alike, so the chain mixes pending and approved revisions.
    const authors = await Promise.all(edits.map((_, i) => createUser(t.db, { role: i % 2 === 0 ? 'editor' : 'trusted' })))
    const results = await Promise.all(
      edits.map((edit, i) =>
        saveRevision(instances[i]!, { actor: authors[i]!, slug: page.slug, baseRevisionId: page.revisionId, content: edit.content, summary: edit.summary, idempotencyKey: null }),
      ),
    )

    const outcomes = results.map((r) => (r.ok ? 'saved' : r.code))
    // The four edits of distinct blocks all merge; of the four rewrites of block 0 one wins.
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(5)
    expect(outcomes.filter((o) => o === 'edit_conflict')).toHaveLength(3)
    edits.forEach((edit, i) => {
      if (edit.block !== 0) expect(outcomes[i], `edit ${i} touches a block nobody else does`).toBe('saved')
    })

    const stored = (await getPageBySlug(t.db, page.slug))!
    const revisions = await listPageRevisions(t.db, stored.id, { limit: 100 })
    expect(revisions).toHaveLength(1 + edits.length)
    expectLinearHistory(revisions, stored.latestRevisionId)

    // Every submitted text can be found: merged into the head, or in its own conflict revision.
    const head = (await getRevision(t.db, stored.latestRevisionId))!
    for (const [i, result] of results.entries()) {
      const marker = edits[i]!.marker
      if (result.ok) {
        expect(bodyText(head.content), `edit ${i} is in the head`).toContain(marker)
        expect(bodyText((await getRevision(t.db, result.revision.id))!.content)).toContain(marker)
      } else {
        if (result.code !== 'edit_conflict') throw new Error(`unexpected ${result.code}`)
        const conflict = (await getRevision(t.db, result.conflict.revisionId))!
        expect(conflict).toMatchObject({ status: 'conflict', parentId: page.revisionId, baseRevisionId: page.revisionId })
        expect(bodyText(conflict.content)).toContain(marker)
        expect(result.conflict.fields).toEqual(['body block 1'])
      }
    }
  })

  it('creates one revision when one submit arrives several times at once, and names it in every answer', async () => {
    const page = await createPage('Twin submits')
    const editor = await createUser(t.db)
    const input: SaveRevisionInput = {
      actor: editor, slug: page.slug, baseRevisionId: page.revisionId, summary: 'double click', idempotencyKey: 'twin-key-1',
      content: content(doc(p(text('Only once, please.'))), { title: 'Twin submits' }),
    }
    const results = await Promise.all([0, 1, 2, 3].map((i) => saveRevision(instances[i]!, input)))
    expect(new Set(results.map((r) => (r.ok ? r.revision.id : r.code))).size).toBe(1)
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1)
    const stored = (await getPageBySlug(t.db, page.slug))!
    expect(await listPageRevisions(t.db, stored.id, { limit: 10 })).toHaveLength(2)
  })

  it('creates one page when a new page is submitted several times at once', async () => {
    const editor = await createUser(t.db)
    const input: SaveRevisionInput = { actor: editor, slug: null, baseRevisionId: null, content: baseContent('A page created twice'), summary: 'new', idempotencyKey: 'twin-create-1' }
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => saveRevision(instances[i]!, input)))
    const ids = results.map((r) => (r.ok ? r.revision.id : r.code))
    expect(new Set(ids).size).toBe(1)
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1)
    const stored = (await getPageBySlug(t.db, 'a-page-created-twice'))!
    expect(await listPageRevisions(t.db, stored.id, { limit: 10 })).toHaveLength(1)
  })

  it('answers 409 slug_taken, not an error, when two different pages with one title are created at once', async () => {
    const editors = await Promise.all([createUser(t.db), createUser(t.db)])
    const results = await Promise.all(
      editors.map((editor, i) => saveRevision(instances[i]!, { actor: editor, slug: null, baseRevisionId: null, content: baseContent('Same title twice'), summary: `by ${i}`, idempotencyKey: null })),
    )
    expect(results.map((r) => (r.ok ? 'created' : r.code)).sort()).toEqual(['created', 'slug_taken'])
  })

  it('refuses an idempotency key reused for a different edit, and stores nothing', async () => {
    const page = await createPage('Key reuse')
    const editor = await createUser(t.db)
    const first = await saveRevision(t.db, { actor: editor, slug: page.slug, baseRevisionId: page.revisionId, content: content(doc(p(text('First edit.'))), { title: 'Key reuse' }), summary: '', idempotencyKey: 'reused-key' })
    expect(first.ok).toBe(true)
    const second = await saveRevision(t.db, { actor: editor, slug: page.slug, baseRevisionId: page.revisionId, content: content(doc(p(text('Another edit.'))), { title: 'Key reuse' }), summary: '', idempotencyKey: 'reused-key' })
    expect(second).toMatchObject({ ok: false, status: 422, code: 'idempotency_key_reused' })
    const stored = (await getPageBySlug(t.db, page.slug))!
    expect(await listPageRevisions(t.db, stored.id, { limit: 10 })).toHaveLength(2)
    // The same key from another account is another key.
    const other = await createUser(t.db)
    expect(await saveRevision(t.db, { actor: other, slug: page.slug, baseRevisionId: stored.latestRevisionId, content: content(doc(p(text('Third edit.'))), { title: 'Key reuse' }), summary: '', idempotencyKey: 'reused-key' })).toMatchObject({ ok: true, replayed: false })
  })

  it('replays a conflict as the same 409 with the same conflict revision', async () => {
    const page = await createPage('Replayed conflict')
    const [one, two] = concurrentEdits('Replayed conflict', 8).slice(4, 6)
    const editor = await createUser(t.db)
    await saveRevision(t.db, { actor: trusted, slug: page.slug, baseRevisionId: page.revisionId, content: one!.content, summary: '', idempotencyKey: null })
    const input: SaveRevisionInput = { actor: editor, slug: page.slug, baseRevisionId: page.revisionId, content: two!.content, summary: '', idempotencyKey: 'conflict-key' }
    const first = await saveRevision(t.db, input)
    const again = await saveRevision(t.db, input)
    expect(first).toMatchObject({ ok: false, code: 'edit_conflict', conflict: { fields: ['body block 1'] } })
    expect(again).toMatchObject({ ok: false, code: 'edit_conflict', conflict: { fields: ['body block 1'] } })
    if (first.ok || again.ok || first.code !== 'edit_conflict' || again.code !== 'edit_conflict') return
    expect(again.conflict.revisionId).toBe(first.conflict.revisionId)
  })
})
