import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { translator } from '#app/core/i18n/index'
import { listFigures } from '#app/models/evidence.server'
import { saveRevision } from '#app/services/save-revision.server'
import { loadPendingConflicts } from './claims-view.server'

describe.each(TEST_ENGINES)('conflicts a pending revision would create, on $engine', (engine) => {
  const t = withTestDatabase(engine)

  it('names every one of its figures in conflict and ten published claims beside them, counting the rest', async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const editor = await createUser(t.db)
    const source = await createSource(t.db)
    const body = (value: string) => doc(p(text('Quokkachat had '), figure(value, { sourceId: source.id, quote: `${value} accounts`, asOf: '2019-05', metric: 'registered-accounts', product: 'tchap' }), text(' accounts.')))
    for (const [i, letter] of [...'abcdefghijkl'].entries()) {
      const saved = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(body(String(1001 + i)), { title: `Published page ${letter}` }), summary: '', idempotencyKey: null })
      if (!saved.ok || saved.revision.status !== 'approved') throw new Error(JSON.stringify(saved))
    }
    const pending = await saveRevision(t.db, { actor: editor, slug: null, baseRevisionId: null, content: content(body('5000'), { title: 'Pending page' }), summary: '', idempotencyKey: null })
    if (!pending.ok || pending.revision.status !== 'pending') throw new Error(JSON.stringify(pending))
    const page = { id: pending.page.id, slug: pending.page.slug, title: 'Pending page' }
    const conflicts = await loadPendingConflicts(t.db, page, pending.revision.id, await listFigures(t.db, pending.revision.id), 'en', translator('en'))
    expect(conflicts).toHaveLength(1)
    const [conflict] = conflicts
    expect(conflict!.claims[0]).toMatchObject({ value: '5000', page: 'Pending page' })
    expect(conflict!.claims.slice(1)).toHaveLength(10)
    expect(conflict!.claims.slice(1).every((c) => c.page.startsWith('Published page'))).toBe(true)
    expect(conflict!.more).toBe(2)
  })
})

describe.each(TEST_ENGINES)('the period a pending figure is weighed in, on $engine', (engine) => {
  const t = withTestDatabase(engine)

  it('weighs claims of its period and the coarser ones, not other years nor the page it replaces', async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const editor = await createUser(t.db)
    const source = await createSource(t.db)
    const body = (value: string, asOf: string) => doc(p(text('Quokkachat had '), figure(value, { sourceId: source.id, quote: `${value} accounts`, asOf, metric: 'registered-accounts', product: 'tchap' }), text(' accounts.')))
    const publish = async (title: string, value: string, asOf: string) => {
      const saved = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(body(value, asOf), { title }), summary: '', idempotencyKey: null })
      if (!saved.ok || saved.revision.status !== 'approved') throw new Error(JSON.stringify(saved))
      return saved
    }
    await publish('Same month, same value', '5000', '2019-05')
    await publish('Another year', '1', '2018-05')
    await publish('Another month', '2', '2019-06')
    await publish('The whole year', '3', '2019')
    await publish('That day', '4', '2019-05-02')
    await publish('That day again', '4', '2019-05-02')
    // The page's own published figure disagrees too, but the pending revision replaces it.
    const own = await publish('Own page', '7', '2019-05')
    const pending = await saveRevision(t.db, { actor: editor, slug: own.page.slug, baseRevisionId: own.revision.id, content: content(body('5000', '2019-05'), { title: 'Own page' }), summary: '', idempotencyKey: null })
    if (!pending.ok || pending.revision.status !== 'pending') throw new Error(JSON.stringify(pending))
    const conflicts = await loadPendingConflicts(t.db, { id: own.page.id, slug: own.page.slug, title: 'Own page' }, pending.revision.id, await listFigures(t.db, pending.revision.id), 'en', translator('en'))
    const byPeriod = new Map(conflicts.map((c) => [c.period, c]))
    expect([...byPeriod.keys()].sort()).toEqual(['2019', 'May 2019'])
    // The year: ours against the yearly 3, and every finer claim differs from that 3. The values
    // none of ours states come first; the year before is out, and the page's own 7 is replaced.
    const year = byPeriod.get('2019')!
    expect(year.claims.map((c) => c.page)).toEqual(['Own page', 'The whole year', 'That day', 'That day again', 'Another month', 'Same month, same value'])
    expect(year.claims.map((c) => c.value)).toEqual(['5000', '3', '4', '4', '2', '5000'])
    expect(year.more).toBe(0)
    expect(year.moreAtLeast).toBe(false)
    // May: ours and the month's other 5000 against the 2nd of May's 4s.
    const month = byPeriod.get('May 2019')!
    expect(month.claims.map((c) => c.page)).toEqual(['Own page', 'That day', 'That day again', 'Same month, same value'])
    expect(month.more).toBe(0)
  })
})
