import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { listFigures } from '#app/models/evidence.server'
import { listPublishedPages } from '#app/models/pages.server'
import { getUserByUsername } from '#app/models/users.server'
import { seedDemo } from './seed-demo.server'

describe.each(TEST_ENGINES)('demo seed on $engine', (engine) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await t.destroy()
  })

  it('loads at least six comparisons whose every figure is cited', async () => {
    const accounts = await seedDemo(t.db)
    expect(accounts?.map((a) => a.role)).toEqual(['editor', 'trusted', 'moderator'])
    const pages = await listPublishedPages(t.db)
    expect(pages.length).toBeGreaterThanOrEqual(6)
    for (const page of pages) {
      const figures = await listFigures(t.db, page.stableRevisionId!)
      expect(figures.length, page.slug).toBeGreaterThan(0)
      expect(figures.filter((f) => !f.cited).map((f) => f.text), page.slug).toEqual([])
      expect(figures.filter((f) => !f.quoteShowsFigure).map((f) => f.text), page.slug).toEqual([])
    }
  })

  it('creates the demo accounts once; a second start leaves them alone', async () => {
    expect(await getUserByUsername(t.db, 'demo-moderator')).toMatchObject({ role: 'moderator' })
    expect(await seedDemo(t.db)).toBeNull()
  })
})
