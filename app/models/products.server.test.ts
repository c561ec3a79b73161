import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import { setPageDeletion } from '#app/services/delete-page.server'
import { saveRevision } from '#app/services/save-revision.server'
import { countByCategory, listPagesInCategory, recountCategories } from './products.server'

describe.each(TEST_ENGINES)('a category’s pages and counts, on $engine', (engine) => {
  const t = withTestDatabase(engine)

  async function publish(title: string, categories: string[], base?: { slug: string; revisionId: string }) {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const saved = await saveRevision(t.db, { actor: trusted, slug: base?.slug ?? null, baseRevisionId: base?.revisionId ?? null, content: content(doc(p(text('A comparison.'))), { title, categories }), summary: '', idempotencyKey: null })
    if (!saved.ok || saved.revision.status !== 'approved') throw new Error(JSON.stringify(saved))
    return { slug: saved.page.slug, revisionId: saved.revision.id }
  }

  it('lists comparisons in title order a page at a time, each page starting where the last ended', async () => {
    for (const title of ['Delta vs Echo', 'Alpha vs Bravo', 'Charlie vs Delta', 'Bravo vs Charlie', 'Echo vs Foxtrot']) await publish(title, ['team-chat'])
    await publish('Golf vs Hotel', ['messaging'])
    const seen: string[] = []
    let after = null
    for (let pages = 0; pages < 5; pages++) {
      const page: Awaited<ReturnType<typeof listPagesInCategory>> = await listPagesInCategory(t.db, 'team-chat', { limit: 2, products: 5, after })
      seen.push(...page.comparisons.map((c) => c.title))
      if (!page.next) break
      after = page.next
    }
    expect(seen).toEqual(['Alpha vs Bravo', 'Bravo vs Charlie', 'Charlie vs Delta', 'Delta vs Echo', 'Echo vs Foxtrot'])
  })

  it('keeps each category’s count as pages are filed, refiled and deleted, equal to a recount', async () => {
    const before = await countByCategory(t.db)
    const a = await publish('India vs Juliett', ['team-chat', 'messaging'])
    await publish('Kilo vs Lima', ['team-chat'])
    const count = async () => Object.fromEntries([...(await countByCategory(t.db))].map(([k, v]) => [k, v - (before.get(k) ?? 0)]))
    expect(await count()).toMatchObject({ 'team-chat': 2, messaging: 1 })
    await publish('India vs Juliett', ['messaging', 'video-conferencing'], a)
    expect(await count()).toMatchObject({ 'team-chat': 1, messaging: 1, 'video-conferencing': 1 })
    const admin = await createUser(t.db, { role: 'admin' })
    expect(await setPageDeletion(t.db, { admin, slug: a.slug, deleted: true, reason: 'Spam' })).toMatchObject({ ok: true })
    expect(await count()).toMatchObject({ 'team-chat': 1, messaging: 0, 'video-conferencing': 0 })
    const kept = await countByCategory(t.db)
    await recountCategories(t.db)
    expect(Object.fromEntries([...(await countByCategory(t.db))].filter(([, n]) => n > 0))).toEqual(Object.fromEntries([...kept].filter(([, n]) => n > 0)))
  })
})
