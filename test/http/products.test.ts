import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser, login } from '#test/factories'
import { get as rawGet, postForm, postJson, stateOf } from './requests'

const html = async (response: Promise<Response> | Response) => (await (await response).text()).replace(/<!-- -->/g, '')

describe.each(TEST_ENGINES)('products and alternatives on $engine', (engine) => {
  const { t, server } = withTestApp(engine)
  let trustedCookie: string
  const get = (path: string, cookie?: string) => rawGet(server, path, { cookie })

  beforeAll(async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    trustedCookie = await login(server.url, trusted.username)
  }, 120_000)

  it('lists the open-source messengers as alternatives to Microsoft Teams, with licences; ?license=copyleft narrows', async () => {
    const page = await html(get('/alternatives/microsoft-teams'))
    for (const [name, licence] of [['Tchap', 'Apache-2.0'], ['Element', 'AGPL-3.0-only OR GPL-3.0-only'], ['Synapse', 'AGPL-3.0-only'], ['Rocket.Chat', 'MIT']]) {
      expect(page).toContain(`>${name}</a>`)
      expect(page).toContain(`<code>${licence}</code>`)
    }
    const copyleft = await html(get('/alternatives/microsoft-teams?license=copyleft'))
    expect(copyleft).toContain('>Element</a>')
    expect(copyleft).toContain('>Synapse</a>')
    expect(copyleft).not.toContain('>Tchap</a>')
    expect(copyleft).not.toContain('>Rocket.Chat</a>')
  })

  it('serves its reading pages as plain HTML, with no React and no serialized loader data (decision 024)', async () => {
    for (const path of ['/products', '/products/tchap', '/products/tchap/history', '/alternatives/microsoft-teams', '/categories', '/categories/messaging', '/metrics', '/metrics/daily-active-users', '/no-such-address']) {
      const response = await get(path)
      expect(response.status, path).toBe(path === '/no-such-address' ? 404 : 200)
      const page = await html(response)
      expect(page, path).not.toMatch(/<script[^>]*type="module"/)
      expect(page, path).not.toContain('__remixContext')
      expect(page, path).toMatch(/<script src="\/assets\/reader-[^"]+\.js" defer/)
    }
  })

  it('answers the same as JSON', async () => {
    const all = (await (await get('/api/v1/alternatives/microsoft-teams')).json()) as { product: { slug: string }; alternatives: Array<{ product: { slug: string; license: string }; keyFigures: unknown[]; comparisons: Array<{ slug: string }> }> }
    expect(all.product.slug).toBe('microsoft-teams')
    const slugs = all.alternatives.map((a) => a.product.slug)
    expect(slugs).toEqual(expect.arrayContaining(['tchap', 'element', 'synapse', 'rocket-chat']))
    const tchap = all.alternatives.find((a) => a.product.slug === 'tchap')!
    expect(tchap.product.license).toBe('Apache-2.0')
    expect(tchap.keyFigures).toEqual([expect.objectContaining({ metric: 'registered-accounts', asOf: '2021-03', source: expect.objectContaining({ id: expect.any(String) }) })])
    expect(tchap.comparisons.map((c) => c.slug)).toContain('microsoft-teams-vs-tchap')
    const copyleft = (await (await get('/api/v1/alternatives/microsoft-teams?license=copyleft')).json()) as typeof all
    // Weak copyleft (BigBlueButton, LGPL) counts as copyleft; ?license=weak-copyleft narrows to it.
    expect(copyleft.alternatives.map((a) => a.product.slug).sort()).toEqual(['bigbluebutton', 'element', 'synapse'])
    const bad = await get('/api/v1/alternatives/microsoft-teams?license=NOPE-1.0')
    expect(bad.status).toBe(400)
  })

  it('says so when filters leave nothing, and offers to clear them', async () => {
    const page = await html(get('/alternatives/microsoft-teams?license=GPL-2.0-only'))
    expect(page).toContain('No alternative matches these filters.')
    expect(page).toContain('href="/alternatives/microsoft-teams"')
  })

  it.each(['alternatives to Teams', 'Alternativen zu Teams', 'alternatives à Teams', 'Microsoft Teams alternatives', 'alternatives to Microsfot Teams'])('search %j leads to /alternatives/microsoft-teams', async (q) => {
    const response = await get(`/search?q=${encodeURIComponent(q)}`)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/alternatives/microsoft-teams')
  })

  it('search finds products by alias and vendor, and figures however their digits are grouped', async () => {
    expect(await html(get('/search?q=Riot'))).toContain('href="/products/element"')
    expect(await html(get('/search?q=ZenDiS'))).toContain('href="/products/opendesk"')
    // The demo has "220,000" (Tchap's registered users): typed without separators.
    expect(await html(get('/search?q=220000'))).toContain('href="/pages/microsoft-teams-vs-tchap"')
  })

  it('lists products with filters and pagination in the API', async () => {
    const first = (await (await get('/api/v1/products?kind=proprietary&limit=2')).json()) as { products: Array<{ slug: string; kind: string; license: string }>; next: string | null }
    expect(first.products).toHaveLength(2)
    expect(first.products.every((p) => p.kind === 'proprietary' && p.license === 'LicenseRef-Proprietary')).toBe(true)
    const second = (await (await get(`/api/v1/products?kind=proprietary&limit=2&cursor=${first.next}`)).json()) as typeof first
    expect(second.products[0]!.slug > first.products[1]!.slug).toBe(true)
    const copyleft = (await (await get('/api/v1/products?license=weak-copyleft')).json()) as typeof first
    expect(copyleft.products.map((p) => p.slug)).toEqual(expect.arrayContaining(['bigbluebutton', 'libreoffice', 'thunderbird', 'collabora-online']))
    const one = (await (await get('/api/v1/products/microsoft-teams')).json()) as { product: { name: string }; alternatives: unknown[]; comparisons: Array<{ slug: string }>; claims: Array<{ product: string; metric: string }> }
    expect(one.product.name).toBe('Microsoft Teams')
    expect(one.alternatives.length).toBeGreaterThanOrEqual(2)
    expect(one.comparisons.map((c) => c.slug)).toContain('microsoft-teams-vs-tchap')
    // Every cited figure naming the product, on any page (decision 027).
    expect(one.claims.length).toBeGreaterThanOrEqual(1)
    expect(one.claims.every((c) => c.product === 'microsoft-teams' && c.metric === 'daily-active-users')).toBe(true)
  })

  it('shows product pages with translated categories and links each comparison to its products', async () => {
    const teams = await html(get('/products/microsoft-teams', undefined))
    expect(teams).toContain('href="/alternatives/microsoft-teams"')
    expect(teams).toContain('href="/pages/microsoft-teams-vs-tchap"')
    const de = await html(rawGet(server, '/products/tchap', { headers: { 'accept-language': 'de' } }))
    expect(de).toContain('Öffentliche Verwaltung')
    const comparison = await html(get('/pages/microsoft-teams-vs-tchap'))
    expect(comparison).toContain('href="/products/tchap"')
    expect(comparison).toContain('href="/alternatives/microsoft-teams"')
    expect(await html(get('/categories/messaging'))).toContain('href="/products/element"')
  })

  const product = (license: string, name = 'Acme Chat') => ({
    content: { title: name, summary: 'A chat server', lang: 'en', categories: ['team-chat'], product: { kind: 'open-source', license, vendor: 'Acme', homepage: '', repository: '', hosting: 'self-hosted', aliases: [], alternativeTo: ['slack'] } },
    summary: 'new product',
  })

  it.each([
    ['BUSL-1.1', /source-available/],
    ['NOT-A-LICENCE-9', /not an SPDX licence identifier/],
    ['', /needs its licence/],
  ])('refuses an open-source product under %j with 422 naming the field, changing nothing', async (license, message) => {
    const before = await stateOf(t.db)
    const response = await postJson(server, '/api/v1/products', product(license), { cookie: trustedCookie })
    expect(response.status).toBe(422)
    const body = (await response.json()) as { error: { code: string; message: string; details: Array<{ path: string; message: string }> } }
    expect(body.error.details[0]!.path).toBe('content.product.license')
    expect(body.error.message).toMatch(message)
    expect(body.error.message).toMatch(/content\.product\.license/)
    expect(await stateOf(t.db)).toBe(before)
  })

  // The approved change rewrites Element (vendor, licence, what it replaces), which the tests above
  // read as the demo has it: the change is made on a database and server of its own.
  describe('a product change', () => {
    const { t, server } = withTestApp(engine)
    let editorCookie: string
    let moderatorCookie: string
    const get = (path: string, cookie?: string) => rawGet(server, path, { cookie })
    beforeAll(async () => {
      editorCookie = await login(server.url, (await createUser(t.db, { role: 'editor' })).username)
      moderatorCookie = await login(server.url, (await createUser(t.db, { role: 'moderator' })).username)
    }, 120_000)

    it("queues an editor's product change; readers keep the approved product; a moderator approves it on the review page", async () => {
      const current = (await (await get('/api/v1/products/element')).json()) as { product: { latestRevisionId: string; vendor: string } }
      const edit = await postForm(server, '/products/element/edit', {
        name: 'Element', summary: 'Matrix client', lang: 'en', kind: 'open-source', license: 'AGPL-3.0-only', vendor: 'Element Creations Ltd',
        homepage: 'https://element.io', repository: 'https://github.com/element-hq/element-web', hosting: 'both', aliases: 'Riot', categories: 'messaging',
        alternativeTo: 'slack', editSummary: 'Vendor name', baseRevisionId: current.product.latestRevisionId, idempotencyKey: 'product-edit-1',
      }, { cookie: editorCookie })
      expect(edit.status).toBe(303)
      expect(edit.headers.get('location')).toBe('/products/element?saved=pending')
      const reader = await html(get('/products/element'))
      expect(reader).toContain('<dd>Element</dd>')
      expect(reader).not.toContain('Element Creations Ltd')
      const pending = await t.db.selectFrom('revisions').innerJoin('pages', 'pages.id', 'revisions.page_id').select('revisions.id').where('pages.slug', '=', 'element').where('revisions.status', '=', 'pending').executeTakeFirstOrThrow()
      const review = await html(get(`/moderation/revisions/${pending.id}`, moderatorCookie))
      expect(review).toContain('Element Creations Ltd')
      const approve = await postJson(server, `/api/v1/revisions/${pending.id}/review`, { decision: 'approve', reason: 'Checked the vendor' }, { cookie: moderatorCookie })
      expect(approve.status).toBe(200)
      expect(await html(get('/products/element'))).toContain('<dd>Element Creations Ltd</dd>')
    })
  })
})
