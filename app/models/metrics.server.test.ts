import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { content, doc, figure, p, table, text } from '#test/fixtures/docs'
import { saveRevision } from '#app/services/save-revision.server'
import { seedDemo } from '#app/services/seed-demo.server'
import { listFigures } from './evidence.server'
import { figuresUsingMetric, getMetric, listMetrics, loadMetricRegistry, metricsComparable } from './metrics.server'

describe.each(TEST_ENGINES)('the metric registry on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let trusted: Awaited<ReturnType<typeof createUser>>
  let source: { id: string }
  beforeAll(async () => {
    trusted = await createUser(t.db, { role: 'trusted' })
    source = await createSource(t.db) // published 2025
  })

  const save = (title: string, body: ReturnType<typeof doc>) =>
    saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(body, { title }), summary: 'new', idempotencyKey: null })

  it('holds the metrics the demo needs, defined in EN, DE and FR', async () => {
    const slugs = (await listMetrics(t.db)).map((m) => m.slug)
    for (const slug of ['registered-accounts', 'daily-active-users', 'weekly-active-users', 'monthly-active-users', 'meetings-per-week', 'messages-per-week', 'cost-per-seat-per-year', 'deployments']) {
      expect(slugs).toContain(slug)
    }
    const dau = await getMetric(t.db, 'daily-active-users')
    expect(dau).toMatchObject({ slug: 'daily-active-users', name: { en: 'Daily active users', de: 'Täglich aktive Nutzende', fr: 'Utilisateurs actifs quotidiens' }, quantity: 'people', comparableWith: [] })
    expect(dau!.definition.de.length).toBeGreaterThan(40)
    expect(await getMetric(t.db, 'no-such-metric')).toBeNull()
  })

  it('compares a metric only with itself and what the registry declares', async () => {
    expect(await metricsComparable(t.db, 'monthly-users', 'monthly-active-users')).toBe(true)
    expect(await metricsComparable(t.db, 'daily-active-users', 'registered-accounts')).toBe(false)
    expect((await loadMetricRegistry(t.db)).get('registered-accounts')?.unit.fr).toBe('comptes')
  })

  it('stores each figure’s metric, product and an undated as-of, and publishes an undated figure', async () => {
    const saved = await save('Undated publishes', doc(p(text('Tchap has '), figure('200,000', { sourceId: source.id, quote: '200 000 actifs', asOf: 'undated', metric: 'daily-active-users', product: 'tchap' }), text(' daily users.'))))
    expect(saved).toMatchObject({ ok: true, revision: { status: 'approved' } })
    if (!saved.ok) return
    expect(saved.revision.findings.map((f) => f.kind)).toEqual(['undated-figure'])
    const [row] = await listFigures(t.db, saved.revision.id)
    expect(row).toMatchObject({ metric: 'daily-active-users', product: 'tchap', asOf: 'undated', cited: true, metricDefinition: null })
    expect((await figuresUsingMetric(t.db, 'daily-active-users')).map((f) => [f.text, f.product])).toContainEqual(['200,000', 'tchap'])
  })

  it('lists the figures of stable revisions newest first, walking past revisions no reader sees, window by window', async () => {
    const body = (value: string) => doc(p(text('Quokka sends '), figure(value, { sourceId: source.id, quote: `${value} messages`, asOf: '2024', metric: 'messages-per-week', product: 'tchap' }), text(' and '), figure(`${value}1`, { sourceId: source.id, quote: `${value}1 messages`, asOf: '2024', metric: 'messages-per-week', product: 'tchap' }), text(' messages a week.')))
    const first = await save('Quokka weekly', body('11'))
    if (!first.ok) throw new Error(JSON.stringify(first))
    // Four later revisions of one page: only the last is stable, the three before it are history.
    let base = first.revision.id
    for (const value of ['12', '13', '14', '15']) {
      const next = await saveRevision(t.db, { actor: trusted, slug: first.page.slug, baseRevisionId: base, content: content(body(value), { title: 'Quokka weekly' }), summary: '', idempotencyKey: null })
      if (!next.ok) throw new Error(JSON.stringify(next))
      base = next.revision.id
    }
    const other = await save('Quokka monthly', body('21'))
    if (!other.ok) throw new Error(JSON.stringify(other))
    const expected = [['21', 'Quokka monthly'], ['211', 'Quokka monthly'], ['15', 'Quokka weekly'], ['151', 'Quokka weekly']]
    const list = async (window?: number) => (await figuresUsingMetric(t.db, 'messages-per-week', 50, window)).map((f) => [f.text, f.pageTitle])
    expect(await list()).toEqual(expected)
    // Windows of three figures split revisions: nothing is lost or repeated between them.
    expect(await list(3)).toEqual(expected)
    expect(await list(1)).toEqual(expected)
    expect((await figuresUsingMetric(t.db, 'messages-per-week', 3, 2)).map((f) => f.text)).toEqual(['21', '211', '15'])
  })

  it.each([
    ['2099-01', 'in the future'],
    ['2024-02-30', 'not a real calendar date'],
    ['2026-13', 'not a real calendar date'],
    ['2026-01', 'after its source was published'],
  ])('refuses the as-of date %s with 422 and says why', async (asOf, words) => {
    // The factory's source was published in 2025: a number cannot be as of January 2026.
    const body = doc(p(text('Tchap has '), figure('200,000', { sourceId: source.id, quote: '200 000 actifs', asOf, metric: 'daily-active-users' }), text(' users.')))
    const saved = await save(`Bad date ${asOf}`, body)
    expect(saved).toMatchObject({ ok: false, status: 422, code: 'invalid_content' })
    if (saved.ok || saved.code !== 'invalid_content') return
    expect(saved.issues[0]!.message).toContain(words)
  })

  it('keeps a trusted editor’s table mixing daily active users and registered accounts for a moderator', async () => {
    const saved = await save('Mixed column', doc(table(
      [text('Service'), text('Figure')],
      [text('Tchap'), figure('220,000', { sourceId: source.id, quote: '220 000 inscrits', asOf: '2021-03', metric: 'registered-accounts', product: 'tchap' })],
      [text('Tchap'), figure('200,000', { sourceId: source.id, quote: '200 000 actifs', asOf: '2024', metric: 'daily-active-users', product: 'tchap' })],
    )))
    expect(saved).toMatchObject({ ok: true, revision: { status: 'pending' } })
    if (!saved.ok) return
    expect(saved.revision.findings.map((f) => [f.kind, f.text])).toEqual([['metric-mismatch', '220,000'], ['metric-mismatch', '200,000']])
  })
})

describe.each(TEST_ENGINES)('the demo’s figures on $engine', (engine) => {
  const t = withTestDatabase(engine)
  beforeAll(async () => {
    await seedDemo(t.db)
  })

  it('name a registered metric and, but for the French consortia funding, their product; the ones the source does not date are undated', async () => {
    const registry = await loadMetricRegistry(t.db)
    const rows = await t.db
      .selectFrom('figures')
      .innerJoin('pages', (j) => j.onRef('pages.stable_revision_id', '=', 'figures.revision_id'))
      .select(['pages.slug', 'figures.text', 'figures.metric', 'figures.product', 'figures.as_of', 'figures.cited'])
      .execute()
    expect(rows.length).toBeGreaterThan(40)
    for (const r of rows) {
      const where = `${r.slug}: ${r.text}`
      expect(registry.get(r.metric ?? ''), where).toBeDefined()
      expect(r.cited, where).toBe(1)
    }
    const productless = rows.filter((r) => r.product === null).map((r) => `${r.slug}: ${r.text}`)
    expect(productless).toEqual(['microsoft-365-vs-opendesk: 23 Mio. €', 'microsoft-365-vs-opendesk: 3'])
    const products = new Set((await t.db.selectFrom('product_index').select('slug').execute()).map((p) => p.slug))
    for (const r of rows) if (r.product) expect(products.has(r.product), r.product).toBe(true)
    const tchapDau = rows.filter((r) => r.product === 'tchap' && r.metric === 'daily-active-users')
    expect(tchapDau.map((r) => r.as_of)).toEqual(['undated', 'undated'])
    expect(rows.filter((r) => r.as_of === 'undated').length).toBeGreaterThanOrEqual(5)
  })
})
