import { describe, expect, it } from 'vitest'
import { doc, figure, p, table, text } from '#test/fixtures/docs'
import { analyseBody } from './analyse'
import type { DocNode } from './content'
import { areComparable, metricRegistry, searchMetrics, type Metric, type Quantity } from './metrics'

const metric = (slug: string, quantity: Quantity, comparableWith: string[] = []): Metric => ({
  slug, quantity, comparableWith,
  name: { en: slug.replace(/-/g, ' '), de: `${slug} (de)`, fr: `${slug} (fr)` },
  definition: { en: `What ${slug} counts.`, de: 'Definition', fr: 'Définition' },
  unit: { en: 'users', de: 'Nutzende', fr: 'utilisateurs' },
})
const registry = metricRegistry([
  metric('registered-accounts', 'people'),
  metric('daily-active-users', 'people'),
  metric('monthly-active-users', 'people', ['monthly-users']),
  metric('monthly-users', 'people'),
  metric('duration-months', 'duration'),
  metric('mailboxes', 'count'),
  metric('migrated-items', 'activity'),
])
const known = { has: (id: string) => id === 's1' }
const fig = (t: string, m: string, extra: { product?: string; asOf?: string; metricDefinition?: string } = {}) =>
  figure(t, { sourceId: 's1', quote: t.replace(',', ' '), asOf: extra.asOf ?? '2021', metric: m, ...extra })
const mismatchesOf = (body: DocNode) => analyseBody(body, 'en', known, registry).findings.filter((f) => f.kind === 'metric-mismatch').map((f) => f.text)

describe('comparability', () => {
  it('compares a metric with itself and with what either side declares, and nothing else', () => {
    expect(areComparable(registry, 'daily-active-users', 'daily-active-users')).toBe(true)
    expect(areComparable(registry, 'monthly-users', 'monthly-active-users')).toBe(true)
    expect(areComparable(registry, 'monthly-active-users', 'monthly-users')).toBe(true)
    expect(areComparable(registry, 'daily-active-users', 'registered-accounts')).toBe(false)
    expect(areComparable(registry, 'my own words', 'my own words')).toBe(true)
    expect(areComparable(registry, 'my own words', 'daily-active-users')).toBe(false)
  })

  it('finds metrics by words of their slug, names or definitions, names first', () => {
    expect(searchMetrics(registry.all, 'daily', 'en').map((m) => m.slug)).toEqual(['daily-active-users'])
    expect(searchMetrics(registry.all, 'monthly users', 'en').map((m) => m.slug)).toEqual(['monthly-active-users', 'monthly-users'])
    expect(searchMetrics(registry.all, '', 'en')).toHaveLength(registry.all.length)
  })
})

describe('metric-mismatch', () => {
  it('finds a table column mixing daily active users and registered accounts', () => {
    const body = doc(
      table(
        [text('Service'), text('Figure')],
        [text('Tchap'), fig('220,000', 'registered-accounts')],
        [text('Tchap'), fig('200,000', 'daily-active-users')],
      ),
    )
    const analysis = analyseBody(body, 'en', known, registry)
    expect(mismatchesOf(body)).toEqual(['220,000', '200,000'])
    const finding = analysis.findings.find((f) => f.kind === 'metric-mismatch')!
    expect(finding.message).toContain('registered accounts')
    expect(finding.message).toContain('daily active users')
    expect(finding.message).toContain('column')
    expect(analysis.mismatches.map((m) => m.scope)).toEqual(['column', 'column'])
  })

  it('finds them in one table row when the columns are not the metrics', () => {
    const body = doc(table([text('A'), text('B')], [fig('220,000', 'registered-accounts'), fig('200,000', 'daily-active-users')]))
    expect(mismatchesOf(body)).toEqual(['220,000', '200,000'])
  })

  it('finds them in one sentence, and leaves sentences apart alone', () => {
    expect(mismatchesOf(doc(p(text('Tchap has '), fig('200,000', 'daily-active-users'), text(' users, the web conference '), fig('47,000', 'registered-accounts'), text('.'))))).toEqual(['200,000', '47,000'])
    expect(mismatchesOf(doc(p(text('Tchap has '), fig('200,000', 'daily-active-users'), text(' users. The web conference has '), fig('47,000', 'registered-accounts'), text('.'))))).toEqual([])
  })

  it('accepts the same metric, declared comparable metrics, and figures of another kind of quantity', () => {
    const column = (a: DocNode, b: DocNode) => doc(table([text('Service'), text('Figure')], [text('X'), a], [text('Y'), b]))
    expect(mismatchesOf(column(fig('12 million', 'daily-active-users'), fig('44 million', 'daily-active-users')))).toEqual([])
    expect(mismatchesOf(column(fig('60,000', 'monthly-users'), fig('375,000', 'monthly-active-users')))).toEqual([])
    expect(mismatchesOf(doc(p(text('From '), fig('80,000', 'registered-accounts'), text(' to '), fig('160,000', 'registered-accounts'), text(' in '), fig('3 months', 'duration-months'), text('.'))))).toEqual([])
  })

  it('reads a table whose every column holds one metric as metrics by column: its rows may mix them', () => {
    const body = doc(
      table(
        [text('Source'), text('Mailboxes'), text('Users')],
        [text('A'), fig('40,000', 'mailboxes'), fig('30,000', 'registered-accounts')],
        [text('B'), fig('44,000', 'mailboxes'), fig('31,000', 'daily-active-users')],
      ),
    )
    // Column "Users" mixes metrics; rows are not an axis (they mix kinds), so the column is found.
    expect(mismatchesOf(body)).toEqual(['30,000', '31,000'])
    const byColumn = doc(
      table(
        [text('Source'), text('Accounts'), text('Daily')],
        [text('A'), fig('40,000', 'registered-accounts'), fig('30,000', 'daily-active-users')],
        [text('B'), fig('44,000', 'registered-accounts'), fig('31,000', 'daily-active-users')],
      ),
    )
    expect(mismatchesOf(byColumn)).toEqual([])
  })

  it('ignores figures without a metric', () => {
    expect(mismatchesOf(doc(p(fig('200,000', 'daily-active-users'), text(' and '), figure('47,000', { sourceId: 's1', quote: '47 000', asOf: '2021' }))))).toEqual([])
  })
})

describe('unregistered metrics and undated figures', () => {
  it('reports an unregistered metric, asking for a definition when there is none', () => {
    const findings = (m: DocNode) => analyseBody(doc(p(m)), 'en', known, registry).findings.filter((f) => f.kind === 'unregistered-metric').map((f) => f.message)
    expect(findings(fig('200,000', 'daily-active-users'))).toEqual([])
    expect(findings(fig('200,000', 'seats sold', { metricDefinition: 'Licences sold to organisations.' }))[0]).toContain('moderator')
    expect(findings(fig('200,000', 'seats sold'))[0]).toContain('no definition')
  })

  it('keeps an undated figure cited and tells the moderator the source gives no date', () => {
    const analysis = analyseBody(doc(p(fig('200,000', 'daily-active-users', { asOf: 'undated', product: 'tchap' }))), 'en', known, registry)
    expect(analysis.figures[0]).toMatchObject({ cited: true, asOf: 'undated', product: 'tchap', metric: 'daily-active-users' })
    expect(analysis.findings.map((f) => f.kind)).toEqual(['undated-figure'])
  })

  it('says each finding in the page language', () => {
    const body = doc(p(fig('200,000', 'daily-active-users'), text(' und '), fig('47.000', 'registered-accounts')))
    const de = analyseBody(body, 'de', known, registry).findings.filter((f) => f.kind === 'metric-mismatch')
    expect(de[0]!.message).toContain('im selben Satz')
  })
})
