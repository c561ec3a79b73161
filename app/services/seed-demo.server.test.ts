import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { listFigures, listFindings } from '#app/models/evidence.server'
import { listPublishedPages } from '#app/models/pages.server'
import { getUserByUsername } from '#app/models/users.server'
import { seedDemo } from './seed-demo.server'

describe.each(TEST_ENGINES)('demo seed on $engine', (engine) => {
  const t = withTestDatabase(engine)

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

  it('sets no figures of different metrics side by side, so a trusted edit of a demo page publishes at once', async () => {
    for (const page of await listPublishedPages(t.db)) {
      const findings = await listFindings(t.db, page.stableRevisionId!)
      const mismatches = findings.filter((f) => f.kind === 'metric-mismatch').map((f) => f.text)
      expect(mismatches, page.slug).toEqual([])
    }
  })

  it('creates the demo accounts once; a second start leaves them alone', async () => {
    expect(await getUserByUsername(t.db, 'demo-moderator')).toMatchObject({ role: 'moderator' })
    expect(await seedDemo(t.db)).toBeNull()
  })
})
