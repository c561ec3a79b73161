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
