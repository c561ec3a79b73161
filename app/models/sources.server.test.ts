import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { citation, content, doc, figure, p, text } from '#test/fixtures/docs'
import { seedDemo } from '#app/services/seed-demo.server'
import { saveRevision } from '#app/services/save-revision.server'
import { setPageDeletion } from '#app/services/delete-page.server'
import { reviewRevision } from '#app/services/review-revision.server'
import { countCitingPages, rebuildSourceUses } from './sources.server'

describe.each(TEST_ENGINES)('"cited by N pages" on $engine', (engine) => {
  const t = withTestDatabase(engine)
  beforeAll(async () => {
    await seedDemo(t.db)
  })

  /** The count as the definition reads: distinct live pages whose stable revision cites the source. */
  async function counted(): Promise<Map<string, number>> {
    const rows = await sql<{ source_id: string; n: number }>`
      select u.source_id, count(distinct u.page_id) as n from (
        select f.source_id, p.id as page_id from figures f join pages p on p.stable_revision_id = f.revision_id where p.deleted_at is null and f.source_id is not null
        union all
        select c.source_id, p.id from citations c join pages p on p.stable_revision_id = c.revision_id where p.deleted_at is null
      ) u group by u.source_id`.execute(t.db)
    return new Map(rows.rows.map((r) => [r.source_id, Number(r.n)]))
  }
  async function stored(): Promise<Map<string, number>> {
    const rows = await t.db.selectFrom('sources').select(['id', 'citing_pages']).where('citing_pages', '>', 0).execute()
    return new Map(rows.map((r) => [r.id, Number(r.citing_pages)]))
  }

  it('counts what the demo pages cite', async () => {
    const expected = await counted()
    expect(expected.size).toBeGreaterThan(5)
    expect(await stored()).toEqual(expected)
  })

  it('follows the stable revision through saves, pending edits, deletion and restore', async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const editor = await createUser(t.db)
    const admin = await createUser(t.db, { role: 'admin' })
    const [a, b, c] = [await createSource(t.db), await createSource(t.db), await createSource(t.db)]
    const counts = async () => Object.fromEntries([...(await countCitingPages(t.db, [a.id, b.id, c.id]))].map(([id, n]) => [id === a.id ? 'a' : id === b.id ? 'b' : 'c', n]))
    const body = (...ids: string[]) => doc(p(text('Figures: '), ...ids.flatMap((id, i) => [figure(`${i + 2} 000 users`, { sourceId: id, quote: `${i + 2} 000 users`, asOf: '2025-01' }), text(' and ')]), citation(ids[0] ?? null)))
    const save = (actor: Awaited<ReturnType<typeof createUser>>, title: string, slug: string | null, base: string | null, ids: string[]) =>
      saveRevision(t.db, { actor, slug, baseRevisionId: base, content: content(body(...ids), { title }), summary: '', idempotencyKey: null })

    const one = await save(trusted, 'Cited page alpha', null, null, [a.id, b.id])
    const two = await save(trusted, 'Cited page beta', null, null, [a.id])
    if (!one.ok || !two.ok) throw new Error(`saves failed: ${JSON.stringify([one, two]).slice(0, 500)}`)
    expect(await counts()).toEqual({ a: 2, b: 1, c: 0 })
    // A pending revision changes nothing readers see.
    const pending = await save(editor, 'Cited page alpha', one.page.slug, one.revision.id, [c.id])
    expect(pending.ok && pending.revision.status).toBe('pending')
    expect(await counts()).toEqual({ a: 2, b: 1, c: 0 })
    // A moderator approves it: the stable revision moves, a and b leave page alpha, c arrives.
    const moderator = await createUser(t.db, { role: 'moderator' })
    const approved = await reviewRevision(t.db, { moderator, revisionId: pending.ok ? pending.revision.id : '', decision: 'approve', reason: '' })
    expect(approved.ok).toBe(true)
    expect(await counts()).toEqual({ a: 1, b: 0, c: 1 })
    await setPageDeletion(t.db, { admin, slug: two.page.slug, deleted: true, reason: 'test' })
    expect(await counts()).toEqual({ a: 0, b: 0, c: 1 })
    await setPageDeletion(t.db, { admin, slug: two.page.slug, deleted: false, reason: 'test' })
    expect(await counts()).toEqual({ a: 1, b: 0, c: 1 })
    expect(await stored()).toEqual(await counted())
  })

  it('rebuilds to the same rows and counts', async () => {
    const before = await stored()
    await t.db.updateTable('sources').set({ citing_pages: 7 }).execute()
    await rebuildSourceUses(t.db)
    expect(await stored()).toEqual(before)
  })
})
