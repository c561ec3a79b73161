import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, type TestDatabase, withTestDatabase } from '#test/db'
import { ensureDerivedIndexes } from './bootstrap.server'
import { seedDemo } from './seed-demo.server'

async function counts(t: TestDatabase): Promise<Record<string, number | string>> {
  const n = async (table: 'claims' | 'page_search' | 'product_index' | 'page_sources') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const cited = await t.db.selectFrom('sources').select(['id', 'citing_pages']).where('citing_pages', '>', 0).orderBy('id').execute()
  return { claims: await n('claims'), search: await n('page_search'), products: await n('product_index'), sourceUses: await n('page_sources'), cited: cited.map((r) => `${r.id}:${r.citing_pages}`).join() }
}

describe.each(TEST_ENGINES)('start-up maintenance on $engine', (engine) => {
  const t = withTestDatabase(engine)
  beforeAll(async () => {
    await seedDemo(t.db)
  })

  it('rebuilds lagging indexes once when two instances start together, and neither fails', async () => {
    const built = await counts(t)
    expect(built.claims).toBeGreaterThan(0)
    expect(built.sourceUses).toBeGreaterThan(0)
    // As after a restore from before the indexes existed: no markers, no rows.
    await t.db.deleteFrom('meta').where('key', 'in', ['claims_indexed_at', 'page_facts_indexed_at', 'source_uses_indexed_at']).execute()
    await t.db.deleteFrom('claims').execute()
    await t.db.deleteFrom('page_search').execute()
    await t.db.deleteFrom('product_index').execute()
    await t.db.deleteFrom('page_sources').execute()
    await t.db.updateTable('sources').set({ citing_pages: 0 }).execute()
    const [a, b] = [t.reopen(), t.reopen()]
    try {
      await Promise.all([ensureDerivedIndexes(a), ensureDerivedIndexes(b)])
    } finally {
      await Promise.all([a.destroy(), b.destroy()])
    }
    expect(await counts(t)).toEqual(built)
  })
})
