import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import { listLog } from '#app/models/moderation.server'
import { findRedirect } from '#app/models/page-redirects.server'
import { getPageBySlug, listPublishedPages } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { listAlternativesTo } from '#app/models/products.server'
import { searchPages } from '#app/models/search.server'
import { setPageDeletion } from './delete-page.server'
import { movePage } from './move-page.server'
import { saveRevision } from './save-revision.server'
import { changeRevisionVisibility } from './set-revision-visibility.server'

describe.each(TEST_ENGINES)('moves, visibility and deletion on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let trusted: Awaited<ReturnType<typeof createUser>>
  let moderator: Awaited<ReturnType<typeof createUser>>
  let admin: Awaited<ReturnType<typeof createUser>>

  async function save(slug: string | null, title: string, words: string, extra: Record<string, unknown> = {}, kind?: 'product') {
    const existing = slug ? await getPageBySlug(t.db, slug) : null
    const result = await saveRevision(t.db, { actor: trusted, slug, baseRevisionId: existing?.latestRevisionId ?? null, content: { ...content(doc(p(text(words))), { title }), ...extra }, summary: words, idempotencyKey: null, kind })
    if (!result.ok) throw new Error(`save failed: ${result.code} ${'message' in result ? result.message : ''}`)
    return result.revision.id
  }

  beforeAll(async () => {
    trusted = await createUser(t.db, { role: 'trusted' })
    moderator = await createUser(t.db, { role: 'moderator' })
    admin = await createUser(t.db, { role: 'admin' })
  })

  it('records every address a page left, pointing at the page, so chains resolve in one step', async () => {
    await save(null, 'Chain one', 'Text.')
    expect(await movePage(t.db, { actor: trusted, slug: 'chain-one', to: 'chain-two', reason: 'r' })).toMatchObject({ ok: true, page: { slug: 'chain-two' } })
    expect(await movePage(t.db, { actor: trusted, slug: 'chain-two', to: 'chain-three', reason: 'r' })).toMatchObject({ ok: true })
    expect(await findRedirect(t.db, 'chain-one')).toMatchObject({ slug: 'chain-three' })
    expect(await findRedirect(t.db, 'chain-two')).toMatchObject({ slug: 'chain-three' })
    // Moving back to a former address takes it back from the redirects.
    expect(await movePage(t.db, { actor: trusted, slug: 'chain-three', to: 'chain-one', reason: 'back' })).toMatchObject({ ok: true })
    expect(await findRedirect(t.db, 'chain-one')).toBeNull()
    expect(await findRedirect(t.db, 'chain-three')).toMatchObject({ slug: 'chain-one' })
    expect(await movePage(t.db, { actor: trusted, slug: 'chain-one', to: 'chain-one', reason: 'r' })).toMatchObject({ ok: false, status: 422, code: 'same' })
    expect(await movePage(t.db, { actor: trusted, slug: 'chain-one', to: 'x', reason: '' })).toMatchObject({ ok: false, status: 422, code: 'reason_required' })
    expect(await movePage(t.db, { actor: trusted, slug: 'no-such-page', to: 'x', reason: 'r' })).toMatchObject({ ok: false, status: 404 })
    const log = await listLog(t.db, { action: 'page.move', limit: 10 })
    expect(log.map((e) => e.detail)).toContainEqual({ from: 'chain-one', to: 'chain-two' })
  })

  it('a moved product keeps its alternatives: derived rows and later reindexing follow the new slug', async () => {
    const facts = (kind: 'proprietary' | 'open-source', alternativeTo: string[]) => ({
      product: { kind, license: kind === 'proprietary' ? 'LicenseRef-Proprietary' : 'AGPL-3.0-only', vendor: 'V', homepage: '', repository: '', hosting: kind === 'proprietary' ? 'saas' : 'self-hosted', aliases: [], alternativeTo },
      subjects: { proprietary: [], alternatives: [] },
      categories: [],
    })
    await save(null, 'Closedchat', 'A chat.', facts('proprietary', []), 'product')
    await save(null, 'Openchat', 'A chat.', facts('open-source', ['closedchat']), 'product')
    expect((await listAlternativesTo(t.db, 'closedchat', {})).map((a) => a.slug)).toEqual(['openchat'])
    expect(await movePage(t.db, { actor: trusted, slug: 'closedchat', to: 'closed-chat', reason: 'Official spelling' })).toMatchObject({ ok: true, page: { kind: 'product' } })
    expect((await listAlternativesTo(t.db, 'closed-chat', {})).map((a) => a.slug)).toEqual(['openchat'])
    // A new revision of the alternative still names the old slug in its snapshot.
    await save('openchat', 'Openchat', 'A chat, edited.', facts('open-source', ['closedchat']))
    expect((await listAlternativesTo(t.db, 'closed-chat', {})).map((a) => a.slug)).toEqual(['openchat'])
  })

  it('hiding the stable revision moves readers back to the newest visible approved one', async () => {
    const r1 = await save(null, 'Hide stable', 'First clean.')
    const r2 = await save('hide-stable', 'Hide stable', 'Second libellous.')
    await save('hide-stable', 'Hide stable', 'Third clean.')
    const page = (await getPageBySlug(t.db, 'hide-stable'))!
    // Trusted saves publish: make r2 the stable one again by pointing at it (as a pending head would leave it).
    await t.db.updateTable('pages').set({ stable_revision_id: r2 }).where('id', '=', page.id).execute()
    const result = await changeRevisionVisibility(t.db, { actor: moderator, revisionId: r2, change: { hide: ['content'], reason: 'libel', note: '' }, mayUnhide: false })
    expect(result).toMatchObject({ ok: true, stableRevisionId: r1 })
    expect((await getPageBySlug(t.db, 'hide-stable'))!.stableRevisionId).toBe(r1)
    expect((await getRevision(t.db, r2))!.content.body).toEqual({ type: 'doc', content: [] })
    expect(JSON.stringify((await getRevision(t.db, r2, { reveal: true }))!.content)).toContain('libellous')
    expect(await searchPages(t.db, 'libellous')).toEqual([])
    // A moderator cannot take it back; an admin can.
    expect(await changeRevisionVisibility(t.db, { actor: moderator, revisionId: r2, change: { hide: [], reason: 'other', note: 'n' }, mayUnhide: false })).toMatchObject({ ok: false, status: 403 })
    expect(await changeRevisionVisibility(t.db, { actor: admin, revisionId: r2, change: { hide: [], reason: 'other', note: 'n' }, mayUnhide: true })).toMatchObject({ ok: true })
    expect(await changeRevisionVisibility(t.db, { actor: admin, revisionId: r2, change: { hide: [], reason: 'other', note: 'n' }, mayUnhide: true })).toMatchObject({ ok: false, status: 409, code: 'unchanged' })
  })

  it('deletes softly and restores: gone from lists and search, nothing lost', async () => {
    await save(null, 'Soft delete', 'Findable quokkaword.')
    expect(await setPageDeletion(t.db, { admin, slug: 'soft-delete', deleted: true, reason: '' })).toMatchObject({ ok: false, status: 422 })
    expect(await setPageDeletion(t.db, { admin, slug: 'soft-delete', deleted: true, reason: 'Spam' })).toMatchObject({ ok: true })
    expect(await setPageDeletion(t.db, { admin, slug: 'soft-delete', deleted: true, reason: 'Spam' })).toMatchObject({ ok: false, status: 409 })
    expect(await getPageBySlug(t.db, 'soft-delete')).toBeNull()
    const kept = await getPageBySlug(t.db, 'soft-delete', { includeDeleted: true })
    expect(kept?.deletedAt).not.toBeNull()
    expect((await listPublishedPages(t.db)).map((p) => p.slug)).not.toContain('soft-delete')
    expect(await searchPages(t.db, 'quokkaword')).toEqual([])
    expect(await getRevision(t.db, kept!.stableRevisionId!)).not.toBeNull()
    expect(await setPageDeletion(t.db, { admin, slug: 'soft-delete', deleted: false, reason: 'Mistake' })).toMatchObject({ ok: true })
    expect((await searchPages(t.db, 'quokkaword')).map((h) => h.slug)).toEqual(['soft-delete'])
  })
})
