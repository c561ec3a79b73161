import { beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '#app/core/csv'
import { createApiToken } from '#app/models/api-tokens.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser, login } from '#test/factories'
import { get as rawGet, postForm, postJson } from './requests'

type ClaimJson = { product: string; metric: string; value: number; asOf: string | null; undated: boolean; conflict: boolean; page: string; evidence: string; licence: string; attribution: string; source: { kind: string; selfReported: boolean } }
const html = async (response: Promise<Response> | Response) => (await (await response).text()).replace(/<!-- -->/g, '')

describe.each(TEST_ENGINES)('claims over HTTP on $engine', (engine) => {
  const { t, server } = withTestApp(engine)
  let editorToken: string
  let editorCookie: string
  let trustedCookie: string
  const get = (path: string, cookie?: string) => rawGet(server, path, { cookie })

  beforeAll(async () => {
    const editor = await createUser(t.db, { role: 'editor' })
    const trusted = await createUser(t.db, { role: 'trusted' })
    editorToken = (await createApiToken(t.db, editor.id, 'claims test')).token
    editorCookie = await login(server.url, editor.username)
    trustedCookie = await login(server.url, trusted.username)
  }, 120_000)

  it('/products/tchap shows registered accounts and daily active users as separate timelines; the API gives the same points', async () => {
    const page = await html(get('/products/tchap'))
    expect(page).toContain('data-metric="registered-accounts"')
    expect(page).toContain('data-metric="daily-active-users"')
    const section = page.slice(page.indexOf('data-metric="daily-active-users"'), page.indexOf('</section>', page.indexOf('data-metric="daily-active-users"')))
    const chartLinks = [...section.matchAll(/<a href="([^"]+)" class="timeline__point[^"]*"[^>]*data-claim="/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
    const api = (await (await get('/api/v1/claims?product=tchap&metric=daily-active-users')).json()) as { claims: ClaimJson[]; next: string | null }
    expect(api.claims.length).toBeGreaterThan(0)
    expect(api.claims.every((c) => c.product === 'tchap' && c.metric === 'daily-active-users' && c.value === 200_000 && c.undated)).toBe(true)
    // One point per source and number; each opens the evidence the API names.
    const evidence = new Set(api.claims.map((c) => c.evidence.replace(/^https?:\/\/[^/]+/, '')))
    expect(chartLinks.length).toBeGreaterThan(0)
    for (const href of chartLinks) expect(evidence).toContain(href)
    expect(section).toContain('not dated in the source')
  })

  it('filters and pages claims, refusing bad parameters with 400 and a message', async () => {
    const first = (await (await get('/api/v1/claims?product=tchap&limit=3')).json()) as { claims: ClaimJson[]; next: string }
    expect(first.claims).toHaveLength(3)
    const second = (await (await get(`/api/v1/claims?product=tchap&limit=3&cursor=${first.next}`)).json()) as { claims: ClaimJson[] }
    expect(second.claims.length).toBeGreaterThan(0)
    expect(first.claims[0]!.licence).toBe('CC-BY-SA-4.0')
    const since = (await (await get('/api/v1/claims?metric=registered-accounts&since=2021')).json()) as { claims: ClaimJson[] }
    expect(since.claims.every((c) => c.asOf === null || c.asOf >= '2021')).toBe(true)
    const onPage = (await (await get('/api/v1/claims?page=zoom-vs-visio')).json()) as { claims: ClaimJson[] }
    expect(onPage.claims.every((c) => c.page === 'zoom-vs-visio')).toBe(true)
    for (const [query, code] of [['product=Not%20A%20Slug', 'invalid_product'], ['since=2024-02-30x', 'invalid_since'], ['limit=0', 'invalid_limit'], ['cursor=zzz', 'invalid_cursor'], ['source=x', 'invalid_source']] as const) {
      const response = await get(`/api/v1/claims?${query}`)
      expect(response.status).toBe(400)
      const body = (await response.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe(code)
      expect(body.error.message.length).toBeGreaterThan(10)
    }
    const product = (await (await get('/api/v1/products/tchap')).json()) as { claims: ClaimJson[] }
    expect(product.claims.some((c) => c.metric === 'registered-accounts')).toBe(true)
    expect(product.claims.every((c) => c.product === 'tchap')).toBe(true)
  })

  it('exports every claim as CSV and JSON lines, with the licence and attribution', async () => {
    const csvResponse = await get('/exports/claims.csv')
    expect(csvResponse.status).toBe(200)
    expect(csvResponse.headers.get('content-type')).toContain('text/csv')
    expect(csvResponse.headers.get('link')).toContain('creativecommons.org/licenses/by-sa/4.0')
    const rows = parseCsv(await csvResponse.text())
    const header = rows[0]!
    expect(header).toEqual(expect.arrayContaining(['product', 'metric', 'value', 'as_of', 'undated', 'licence', 'attribution', 'evidence']))
    const all = (await (await get('/api/v1/claims?limit=100')).json()) as { claims: ClaimJson[]; next: string | null }
    expect(rows.slice(1).filter((r) => r.length > 1)).toHaveLength(all.claims.length)
    const licenceColumn = header.indexOf('licence')
    expect(rows.slice(1).filter((r) => r.length > 1).every((r) => r[licenceColumn] === 'CC-BY-SA-4.0')).toBe(true)
    const jsonl = (await (await get('/exports/claims.jsonl?product=tchap')).text()).trim().split('\n').map((line) => JSON.parse(line) as { type: string; licence?: { id: string }; product?: string })
    expect(jsonl[0]).toMatchObject({ type: 'meta', licence: { id: 'CC-BY-SA-4.0' } })
    expect(jsonl.slice(1).length).toBeGreaterThan(0)
    expect(jsonl.slice(1).every((l) => l.type === 'claim' && l.product === 'tchap')).toBe(true)
    expect((await get('/exports/claims.csv?since=tomorrow')).status).toBe(400)
  })

  it('records an unverified claim through the API: 201, then 401, 422 and 400 with messages', async () => {
    const created = await postJson(server, '/api/v1/claims/unverified', { text: 'The web conference has 47,000 users', seenAt: 'https://forum.example/t/1', product: 'visio-la-suite-meet', metric: 'monthly-users' }, { token: editorToken, origin: null })
    expect(created.status).toBe(201)
    const { claim } = (await created.json()) as { claim: { id: string; status: string } }
    expect(claim.status).toBe('open')
    expect(await html(get('/products/visio-la-suite-meet'))).toContain(`id="claim-${claim.id}"`)
    expect(await html(get('/claims/unverified'))).toContain('The web conference has 47,000 users')
    const anonymous = await postJson(server, '/api/v1/claims/unverified', { text: 'x', seenAt: 'y' }, { origin: null })
    expect(anonymous.status).toBe(401)
    const invalid = await postJson(server, '/api/v1/claims/unverified', { text: '', seenAt: '', product: 'no-such-product' }, { token: editorToken, origin: null })
    expect(invalid.status).toBe(422)
    const body = (await invalid.json()) as { error: { code: string; message: string; details: Array<{ path: string }> } }
    expect(body.error.code).toBe('invalid_claim')
    expect(body.error.message).toMatch(/Write the claim/)
    expect(body.error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['text', 'seenAt']))
    const unknown = await postJson(server, '/api/v1/claims/unverified', { text: 'Tchap has 2 users', seenAt: 'a forum', product: 'no-such-product' }, { token: editorToken, origin: null })
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain('no product "no-such-product"')
    const array = await postJson(server, '/api/v1/claims/unverified', [1, 2], { token: editorToken, origin: null })
    expect(array.status).toBe(400)
    const notJson = await fetch(`${server.url}/api/v1/claims/unverified`, { method: 'POST', headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' }, body: '{' })
    expect(notJson.status).toBe(400)
    const list = (await (await get('/api/v1/claims/unverified?status=open&product=visio-la-suite-meet')).json()) as { claims: Array<{ id: string; history: Array<{ action: string }> }> }
    expect(list.claims.find((c) => c.id === claim.id)?.history.map((h) => h.action)).toEqual(['recorded'])
    expect((await get('/api/v1/claims/unverified?status=maybe')).status).toBe(400)
  })

  it('records through the form, and only a trusted editor settles: linked, logged and shown', async () => {
    const recorded = await postForm(server, '/claims/unverified', { intent: 'record', text: 'Tchap passed 170,000 accounts in autumn 2020', seenAt: 'A talk at a public-sector conference', product: 'tchap', metric: 'registered-accounts' }, { cookie: editorCookie })
    expect(recorded.status).toBe(303)
    const id = /claim-([0-9a-z]{26})/.exec(recorded.headers.get('location') ?? '')![1]!
    const refused = await postForm(server, '/claims/unverified', { intent: 'record', text: '', seenAt: 'somewhere' }, { cookie: editorCookie })
    expect(refused.status).toBe(422)
    expect(await html(refused)).toContain('somewhere')
    const claims = (await (await get('/api/v1/claims?product=tchap&metric=registered-accounts&page=microsoft-teams-vs-tchap')).json()) as { claims: Array<ClaimJson & { value: number }> }
    const evidence = claims.claims.find((c) => c.value === 170_000)!.evidence
    const forbidden = await postForm(server, '/claims/unverified', { intent: 'settle', claimId: id, status: 'verified', figure: evidence }, { cookie: editorCookie })
    expect(forbidden.status).toBe(403)
    const noNote = await postForm(server, '/claims/unverified', { intent: 'settle', claimId: id, status: 'no-source', note: '' }, { cookie: trustedCookie })
    expect(noNote.status).toBe(422)
    expect(await html(noNote)).toContain('Say where you looked for a source.')
    const settled = await postForm(server, '/claims/unverified', { intent: 'settle', claimId: id, status: 'verified', figure: evidence }, { cookie: trustedCookie })
    expect(settled.status).toBe(303)
    const page = await html(get('/claims/unverified?status=verified'))
    const article = page.slice(page.indexOf(`id="claim-${id}"`), page.indexOf('</article>', page.indexOf(`id="claim-${id}"`)))
    expect(article).toContain('verified')
    expect(article).toContain('170,000')
    expect(article).toMatch(/href="\/pages\/microsoft-teams-vs-tchap#fig-\d+"/)
    expect(await html(get('/moderation/log?action=claim.settle'))).toContain('Tchap passed 170,000 accounts in autumn 2020')
    expect((await get(`/talk/claim/${id}`)).status).toBe(200)
  })

  it('takes a product by name in the form and the filter, and says when no product has that name', async () => {
    const recorded = await postForm(server, '/claims/unverified', { intent: 'record', text: 'Element has 99 million users, says a slide', seenAt: 'A keynote slide', product: ' Tchap ', metric: '' }, { cookie: editorCookie })
    expect(recorded.status).toBe(303)
    const id = /claim-([0-9a-z]{26})/.exec(recorded.headers.get('location') ?? '')![1]!
    const filtered = await html(get('/claims/unverified?product=TCHAP'))
    expect(filtered).toContain(`id="claim-${id}"`)
    expect(filtered).not.toContain('No product has that name')
    const unknown = await postForm(server, '/claims/unverified', { intent: 'record', text: 'Quokka has 3 users', seenAt: 'a forum', product: 'Quokka Chat' }, { cookie: editorCookie })
    expect(unknown.status).toBe(422)
    expect(await html(unknown)).toContain('No product has this name or address.')
    const nothing = await html(get('/claims/unverified?product=Quokka%20Chat'))
    expect(nothing).toContain('No product has that name or address')
    expect(nothing).toContain('value="Quokka Chat"')
    // The form suggests products as one types instead of listing every one.
    expect((await html(get('/claims/unverified'))).match(/<option/g)?.length ?? 0).toBeLessThan(40)
  })
})
