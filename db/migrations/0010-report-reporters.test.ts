import { Migrator, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { engineOf } from '#app/models/db.server'
import { loadPageView } from '#app/views/page-view.server'
import { listReports } from '#app/models/reports.server'
import { createReport } from '#app/services/create-report.server'
import { resolveReport } from '#app/services/resolve-report.server'
import { saveRevision } from '#app/services/save-revision.server'
import { migrationProvider } from './index'

/** Migration 0010 on a database with reports made before it: each keeps its first reporter, and reports upheld before it count as settled. */
describe.each(TEST_ENGINES)('migration 0010 over existing reports on $engine', (engine) => {
  const t = withTestDatabase(engine)

  it('backfills reporters and settles reports upheld before it', async () => {
    const [trusted, moderator] = [await createUser(t.db, { role: 'trusted' }), await createUser(t.db, { role: 'moderator' })]
    const source = await createSource(t.db)
    const saved = await saveRevision(t.db, {
      actor: trusted, slug: null, baseRevisionId: null, summary: '', idempotencyKey: null,
      content: content(doc(p(text('Tchap had '), figure('5,000', { sourceId: source.id, quote: 'counted 5,000 users', asOf: '2025-06', metric: 'users' }), text(' users.'))), { title: 'Migration page' }),
    })
    if (!saved.ok) throw new Error('setup failed')
    const fields = (reason: string) => ({ revisionId: saved.revision.id, target: 'figure', ordinal: '0', reason, comment: '' })
    const byTrusted = await createReport(t.db, { reporter: { id: trusted.id }, ip: null, slug: saved.page.slug, fields: fields('outdated') })
    const upheld = await createReport(t.db, { reporter: null, ip: '192.0.2.1', slug: saved.page.slug, fields: fields('unsupported') })
    if (!byTrusted.ok || !upheld.ok) throw new Error('reports failed')
    await resolveReport(t.db, { moderator, reportId: upheld.reportId, resolution: 'upheld', note: 'Right.' })

    const schema = engineOf(t.db) === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db)).rows[0]?.schema : undefined
    const migrator = new Migrator({ db: t.db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) })
    expect((await migrator.migrateTo('0006-page-search')).error).toBeUndefined()
    expect((await migrator.migrateToLatest()).error).toBeUndefined()

    const rows = await t.db.selectFrom('report_reporters').select(['report_id', 'reporter_key', 'trusted']).orderBy('report_id').execute()
    expect(rows.map((r) => [r.report_id, r.reporter_key, Number(r.trusted)])).toEqual([
      [byTrusted.reportId, `user:${trusted.id}`, 1],
      [upheld.reportId, `report:${upheld.reportId}`, 0],
    ])
    const [resolved] = await listReports(t.db, { status: 'resolved', pageSlug: saved.page.slug, limit: 5 })
    expect(resolved).toMatchObject({ status: 'upheld', fixedAt: expect.any(String), fixedByRevisionId: null })
    // Still disputed: its trusted reporter stands behind the open report.
    expect((await loadPageView(t.db, saved.page.slug, { kind: 'stable' }, 'en'))!.figures[0]).toMatchObject({ disputed: true, disputedBy: 'trusted-reporter' })
  })
})
