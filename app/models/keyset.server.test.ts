import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { newId } from './ids.server'
import { listPublishedPages, type PageListKey } from './pages.server'
import { listSourceUses, type SourceUseKey } from './sources.server'

// Keyset pages must together be the whole list, once each, in order — also where many rows share
// the sort key's first part (pages saved in the same millisecond, uses in the same revision).
describe.each(TEST_ENGINES)('keyset pagination on $engine', (engine) => {
  const t = withTestDatabase(engine)
  const sourceId = newId()
  beforeAll(async () => {
    const author = await createUser(t.db, { role: 'trusted' })
    await t.db.insertInto('sources').values({ id: sourceId, url: 'https://keyset.example.org/r', url_key: 'keyset.example.org/r', title: 'R', publisher: 'P', published_at: null, kind: 'official', lang: 'en', archive_url: null, created_at: '2026-01-01T00:00:00.000Z', created_by: author.id, link_status: null, link_http_status: null, link_checked_at: null }).execute()
    for (let i = 0; i < 23; i++) {
      const pageId = newId()
      // Seven distinct times for 23 pages: most keys tie on updated_at.
      const at = `2026-0${1 + (i % 7)}-01T00:00:00.000Z`
      const revisions = [newId(), newId()]
      const stable = i % 2 === 0 ? revisions[1]! : revisions[0]!
      await t.db.insertInto('pages').values({ id: pageId, slug: `keyset-${i}`, title: `K ${i}`, summary: '', lang: 'en', stable_revision_id: i === 22 ? null : stable, latest_revision_id: revisions[1]!, featured: 0, created_at: at, updated_at: at, protection: null, protection_reason: null, protection_expires_at: null, kind: 'comparison' }).execute()
      for (const [k, id] of revisions.entries()) {
        await t.db.insertInto('revisions').values({ id, page_id: pageId, parent_id: k === 0 ? null : revisions[0]!, base_revision_id: null, author_id: author.id, summary: '', status: 'approved', content: '{}', content_hash: 'x', size: 2, created_at: at, idempotency_key: null, idempotency_fingerprint: null, restores_revision_id: null, uncited_count: 0, finding_count: 0, risk_score: 0 }).execute()
        // Both revisions cite the source; only the stable one (the first, for odd pages) counts.
        for (let o = 0; o < 1 + (i % 3); o++) {
          await t.db.insertInto('figures').values({ id: newId(), revision_id: id, page_id: pageId, ordinal: o, text: `${o}`, value: o, unit: null, metric: null, as_of: null, source_id: sourceId, quote: `q${o}`, marked: 1, cited: 1, quote_shows_figure: 1, start_offset: 0, end_offset: 1 }).execute()
          await t.db.insertInto('citations').values({ id: newId(), revision_id: id, page_id: pageId, ordinal: o, source_id: sourceId, quote: `c${o}`, locator: null }).execute()
        }
      }
    }
  })

  it('walks /pages without duplicates or gaps', async () => {
    const all = await listPublishedPages(t.db, { limit: 1000 })
    expect(all).toHaveLength(22)
    for (const size of [1, 4, 7]) {
      const seen: string[] = []
      let after: PageListKey | null = null
      for (;;) {
        const page = await listPublishedPages(t.db, { limit: size, after })
        seen.push(...page.map((p) => p.id))
        if (page.length < size) break
        after = { updatedAt: page.at(-1)!.updatedAt, id: page.at(-1)!.id }
      }
      expect(seen).toEqual(all.map((p) => p.id))
    }
  })

  it("walks a source's uses without duplicates or gaps, stable revisions only", async () => {
    const all = await listSourceUses(t.db, sourceId, { limit: 1000 })
    expect(all.next).toBeNull()
    // 22 published pages; page i has 1 + i % 3 figures and as many citations in its stable revision.
    const expected = Array.from({ length: 22 }, (_, i) => 2 * (1 + (i % 3))).reduce((a, b) => a + b, 0)
    expect(all.uses).toHaveLength(expected)
    const key = (u: (typeof all.uses)[number]) => `${u.revisionId} ${u.kind} ${u.quote}`
    for (const size of [1, 2, 5]) {
      const seen: string[] = []
      let after: SourceUseKey | null = null
      do {
        const page: Awaited<ReturnType<typeof listSourceUses>> = await listSourceUses(t.db, sourceId, { limit: size, after })
        expect(page.uses.length).toBeLessThanOrEqual(size)
        seen.push(...page.uses.map(key))
        after = page.next
      } while (after)
      expect(new Set(seen).size).toBe(seen.length)
      expect([...seen].sort()).toEqual(all.uses.map(key).sort())
    }
  })
})
