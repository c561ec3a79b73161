import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '#app/models/api-tokens.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createSource, createUser, login } from '#test/factories'
import { content, doc, figure, p, table, text } from '#test/fixtures/docs'
import { get, postForm, postJson, stateOf } from './requests'

/** The metric registry, honest as-of dates and metric findings over HTTP (issue 13, decision 026). */
describe.each(TEST_ENGINES)('metrics and as-of dates on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let token = ''
  let cookie = ''
  let moderatorCookie = ''
  let sourceId = ''
  beforeAll(async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    token = (await createApiToken(t.db, trusted.id, 'test')).token
    cookie = await login(server.url, trusted.username)
    const moderator = await createUser(t.db, { role: 'moderator' })
    moderatorCookie = await login(server.url, moderator.username)
    sourceId = (await createSource(t.db)).id // published 2025
  })

  const sentence = (asOf: string, extra: { metric?: string; product?: string } = {}) =>
    doc(p(text('Tchap counts '), figure('200,000', { sourceId, quote: 'plus de 200 000 utilisateurs', asOf, metric: extra.metric ?? 'daily-active-users', ...(extra.product ? { product: extra.product } : {}) }), text(' daily users.')))
  const mixedColumn = () =>
    doc(
      table(
        [text('Service'), text('Figure')],
        [text('Tchap'), figure('220,000', { sourceId, quote: '220 000 inscrits', asOf: '2021-03', metric: 'registered-accounts', product: 'tchap' })],
        [text('Tchap'), figure('200,000', { sourceId, quote: '200 000 actifs', asOf: 'undated', metric: 'daily-active-users', product: 'tchap' })],
      ),
    )

  it('lists the registry at GET /api/v1/metrics, with names in every language and comparability both ways', async () => {
    const response = await get(server, '/api/v1/metrics')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { metrics: Array<{ slug: string; name: Record<string, string>; definition: Record<string, string>; unit: Record<string, string>; comparableWith: string[] }> }
    const dau = body.metrics.find((m) => m.slug === 'daily-active-users')!
    expect(dau).toMatchObject({ name: { en: 'Daily active users', fr: 'Utilisateurs actifs quotidiens' }, unit: { de: 'Nutzende' }, comparableWith: [] })
    expect(body.metrics.find((m) => m.slug === 'monthly-users')!.comparableWith).toEqual(['monthly-active-users'])
  })

  it('shows /metrics and /metrics/:slug in the reader’s language, and 404 for an unknown metric', async () => {
    const list = await get(server, '/metrics', { headers: { 'accept-language': 'de' } })
    expect(list.status).toBe(200)
    expect(await list.text()).toContain('Täglich aktive Nutzende')
    const one = await (await get(server, '/metrics/monthly-users', { headers: { 'accept-language': 'fr' } })).text()
    expect(one).toContain('Utilisateurs mensuels')
    expect(one).toContain('Utilisateurs actifs mensuels')
    expect((await get(server, '/metrics/no-such-metric')).status).toBe(404)
  })

  it.each([
    ['2099-01', /in the future/],
    ['2024-02-30', /not a real calendar date/],
    ['2026-02', /after its source was published/],
  ])('refuses the as-of date %s with 422 through the API and stores nothing', async (asOf, message) => {
    const before = await stateOf(t.db)
    const response = await postJson(server, '/api/v1/pages', { content: content(sentence(asOf), { title: `Bad date ${asOf}` }), summary: 'new' }, { token, origin: null })
    expect(response.status).toBe(422)
    const body = (await response.json()) as { error: { code: string; message: string } }
    expect(body.error.message).toMatch(message)
    expect(await stateOf(t.db)).toBe(before)
  })

  it('refuses 2024-02-30 through the page editor with 422 and a message, keeping what was typed', async () => {
    const before = await stateOf(t.db)
    const typed = content(sentence('2024-02-30'), { title: 'Typed words survive', summary: 'A summary nobody wants to type twice.' })
    const response = await postForm(server, '/pages/new', { content: JSON.stringify(typed), summary: 'my edit summary', baseRevisionId: '', idempotencyKey: randomUUID() }, { cookie })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('An as-of date does not exist')
    expect(html).toContain('A summary nobody wants to type twice.')
    expect(html).toContain('Tchap counts ')
    expect(await stateOf(t.db)).toBe(before)
  })

  it('publishes an undated figure; readers see "not dated in the source" with the source’s date', async () => {
    const response = await postJson(server, '/api/v1/pages', { content: content(sentence('undated', { product: 'tchap' }), { title: 'Undated figure page' }), summary: 'new' }, { token, origin: null })
    expect(response.status).toBe(201)
    const created = (await response.json()) as { page: { slug: string }; revision: { status: string } }
    expect(created.revision.status).toBe('approved')
    const html = await (await get(server, `/pages/${created.page.slug}`)).text()
    expect(html).toContain('not dated in the source (published 2025)')
    const de = await (await get(server, `/pages/${created.page.slug}`, { headers: { 'accept-language': 'de' } })).text()
    expect(de).toContain('in der Quelle nicht datiert (veröffentlicht 2025)')
  })

  it('finds a table column mixing daily active users and registered accounts in the lint API, on save, on the review page and for readers', async () => {
    const lint = await postJson(server, '/api/v1/lint', { doc: mixedColumn(), lang: 'en' }, { origin: null })
    expect(lint.status).toBe(200)
    const findings = ((await lint.json()) as { findings: Array<{ code: string; text: string }> }).findings
    expect(findings.filter((f) => f.code === 'metric-mismatch').map((f) => f.text)).toEqual(['220,000', '200,000'])

    const saved = await postJson(server, '/api/v1/pages', { content: content(mixedColumn(), { title: 'Mixed metrics column' }), summary: 'new' }, { token, origin: null })
    expect(saved.status).toBe(201)
    const { page, revision } = (await saved.json()) as { page: { slug: string }; revision: { id: string; status: string } }
    // A finding for the moderator: even a trusted editor's revision waits.
    expect(revision.status).toBe('pending')
    const review = await (await get(server, `/moderation/revisions/${revision.id}`, { cookie: moderatorCookie })).text()
    expect(review).toContain('Metrics not comparable side by side')
    expect(review).toContain('Not comparable: this figure counts Registered accounts')

    const approved = await postForm(server, `/moderation/revisions/${revision.id}`, { intent: 'approve', reason: '' }, { cookie: moderatorCookie })
    expect(approved.status).toBeLessThan(400)
    const reader = await (await get(server, `/pages/${page.slug}`)).text()
    expect(reader).toContain('Not comparable: it is set beside figures of a metric that counts something different.')
  })
})
