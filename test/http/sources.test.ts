import { beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '#app/models/api-tokens.server'
import { parseCsv } from '#app/core/csv'
import { figureKey } from '#app/core/evidence-key'
import { listFigures } from '#app/models/evidence.server'
import { newId, nowIso } from '#app/models/ids.server'
import { recordLinkCheck } from '#app/models/link-checks.server'
import { getPageBySlug } from '#app/models/pages.server'
import { openOrJoinReport } from '#app/models/reports.server'
import { PAGE_SOURCES_CSV_HEADER, type PageSourcesExport } from '#app/presenters/page-sources'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createSource, createUser, login } from '#test/factories'
import { createCitingPage } from '#test/fixtures/citing-page'
import { citation, doc, figure, p, text } from '#test/fixtures/docs'
import { startServer } from '#test/server'

const SLUG = 'microsoft-teams-vs-tchap'

describe.each(TEST_ENGINES)('sources and their checks over HTTP on $engine', (engine) => {
  const { t, server } = withTestApp(engine)
  let tchapFigure: { sourceId: string; quote: string; text: string }
  let token = ''
  beforeAll(async () => {
    // The demo is loaded by the server's start-up. Record a check of the source of the page's
    // first figure that did not find its quote, and open a report on that figure.
    const page = (await getPageBySlug(t.db, SLUG))!
    const figures = await listFigures(t.db, page.stableRevisionId!)
    const first = figures.find((f) => f.sourceId && f.quote)!
    tchapFigure = { sourceId: first.sourceId!, quote: first.quote!, text: first.text }
    await recordLinkCheck(t.db, { sourceId: first.sourceId!, checkedAt: '2026-11-20T10:00:00.000Z', status: 'ok', httpStatus: 200, finalUrl: 'https://example.org/final', reason: null, quoteResults: [{ quote: first.quote!, found: false }] })
    await openOrJoinReport(t.db, { id: newId(), pageId: page.id, revisionId: page.stableRevisionId!, targetKey: figureKey(first), targetText: first.text, sourceId: first.sourceId, reason: 'unsupported', comment: '', reporterId: null, reporterKey: 'user:a-moderator', trustedReporter: true, createdAt: nowIso() })
    token = (await createApiToken(t.db, (await createUser(t.db)).id, 'sources test')).token
  })
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers, redirect: 'manual' })

  describe('/sources', () => {
    it('lists every source with its kind, link status and how many pages cite it', async () => {
      const response = await get('/sources')
      expect(response.status).toBe(200)
      const html = await response.text()
      const demoSources = await t.db.selectFrom('sources').select(['id', 'kind']).execute()
      for (const s of demoSources) expect(html).toContain(`href="/sources/${s.id}"`)
      expect(html).toContain('Vendor (self-reported)')
      expect(html).toMatch(/[1-9]\d* pages?</)
      expect(html).toContain('Not checked yet')
      expect(html).toContain('Reachable')
    })

    it('filters by text and by kind, in the reader’s language', async () => {
      const vendor = await t.db.selectFrom('sources').select(['id', 'title']).where('kind', '=', 'vendor').executeTakeFirstOrThrow()
      const byKind = await (await get('/sources?kind=vendor', { 'accept-language': 'de' })).text()
      expect(byKind).toContain(`href="/sources/${vendor.id}"`)
      expect(byKind).toContain('Hersteller (Selbstauskunft)')
      const other = await t.db.selectFrom('sources').select('id').where('kind', '!=', 'vendor').execute()
      for (const s of other) expect(byKind).not.toContain(`href="/sources/${s.id}"`)
      const byText = await (await get(`/sources?q=${encodeURIComponent(vendor.title.slice(0, 12).toUpperCase())}`)).text()
      expect(byText).toContain(`href="/sources/${vendor.id}"`)
      const none = await (await get('/sources?q=zzzz-no-such-source', { 'accept-language': 'fr' })).text()
      expect(none).toContain('Aucune source ne correspond')
    })

    // Fifty-five sources would push the others off the first page that the test above reads in
    // full: these have a database and server of their own.
    describe('with a page of sources and more', () => {
      const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
      const get = (path: string) => fetch(server.url + path, { redirect: 'manual' })

      it('pages with keyset cursors in both directions', async () => {
        // Fifty-five more sources whose title shares a word, newest last.
        const added: string[] = []
        for (let i = 0; i < 55; i++) added.push((await createSource(t.db, { url: `https://paging.example/${i}` })).id)
        const ids = (html: string) => [...html.matchAll(/href="\/sources\/([0-9a-z]{26})"/g)].map((m) => m[1])
        const first = await (await get('/sources?q=paging.example')).text()
        expect(ids(first)).toEqual(added.slice(5).reverse())
        const olderHref = /href="\/sources(\?[^"]*before=[^"]+)"/.exec(first)![1]!.replace(/&amp;/g, '&')
        expect(olderHref).toContain('q=paging.example')
        const second = await (await get(`/sources${olderHref}`)).text()
        expect(ids(second)).toEqual(added.slice(0, 5).reverse())
        expect(second).not.toContain('rel="next"')
        const newerHref = /href="\/sources(\?[^"]*after=[^"]+)"/.exec(second)![1]!.replace(/&amp;/g, '&')
        expect(ids(await (await get(`/sources${newerHref}`)).text())).toEqual(added.slice(5).reverse())
        // A malformed cursor is ignored, not an error.
        expect((await get('/sources?before=%27%20or%201=1')).status).toBe(200)
      })
    })
  })

  describe('/sources/:id', () => {
    it('shows the source, every page citing it and its link-check history with each quote', async () => {
      const response = await get(`/sources/${tchapFigure.sourceId}`)
      expect(response.status).toBe(200)
      const html = await response.text()
      const source = await t.db.selectFrom('sources').selectAll().where('id', '=', tchapFigure.sourceId).executeTakeFirstOrThrow()
      expect(html).toContain(source.publisher.replace(/'/g, '&#x27;'))
      expect(html).toContain(`href="${source.url.replace(/&/g, '&amp;')}"`)
      expect(html).toContain(`href="/pages/${SLUG}"`)
      expect(html).toContain('Link checks')
      expect(html).toContain('https://example.org/final')
      expect(html).toMatch(/<td>200<\/td>/)
      expect(html).toContain('not found')
      expect(html).toMatch(/1 cited quote was not found on the page as of Nov 20, 2026/)
      expect(html).toContain('Quote not found on the page as of Nov 20, 2026')
    })

    it('answers an unknown source with 404', async () => {
      expect((await get('/sources/01jxxxxxxxxxxxxxxxxxxxxxxx')).status).toBe(404)
    })
  })

  describe('/pages/:slug/sources and its exports', () => {
    it('tables every figure and citation of the stable revision with its source and state', async () => {
      const response = await get(`/pages/${SLUG}/sources`)
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).toContain('Sources of “')
      expect(html).toContain(`href="/sources/${tchapFigure.sourceId}"`)
      expect(html).toContain('Quote not found on the page as of Nov 20, 2026')
      expect(html).toContain('Disputed: a report on it stands (a trusted reporter, several readers, or a moderator upheld it).')
      expect(html).toContain(`href="/pages/${SLUG}/sources.csv"`)
      expect(html).toMatch(/months? old|years? old/)
      const de = await (await get(`/pages/${SLUG}/sources`, { 'accept-language': 'de' })).text()
      expect(de).toContain('Quellen von „')
    })

    it('exports JSON with every figure and citation', async () => {
      const response = await get(`/pages/${SLUG}/sources.json`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}-sources.json"`)
      const data = (await response.json()) as PageSourcesExport
      const api = (await (await get(`/api/v1/pages/${SLUG}`)).json()) as { figures: unknown[] }
      expect(data.page).toMatchObject({ slug: SLUG, url: `${server.url}/pages/${SLUG}` })
      expect(data.figures).toHaveLength(api.figures.length)
      expect(data.citations.length).toBeGreaterThan(0)
      const reported = data.figures.find((f) => f.source?.id === tchapFigure.sourceId && f.quote === tchapFigure.quote)!
      expect(reported).toMatchObject({ disputed: true, quoteFound: false, quoteCheckedAt: '2026-11-20T10:00:00.000Z', linkStatus: 'ok', cited: true })
      for (const f of data.figures) expect(f.source && f.quote && f.asOf).toBeTruthy()
    })

    it('exports CSV that parses back into the same rows', async () => {
      const response = await get(`/pages/${SLUG}/sources.csv`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}-sources.csv"`)
      const rows = parseCsv(await response.text())
      const json = (await (await get(`/pages/${SLUG}/sources.json`)).json()) as PageSourcesExport
      expect(rows[0]).toEqual([...PAGE_SOURCES_CSV_HEADER])
      expect(rows).toHaveLength(1 + json.figures.length + json.citations.length)
      const col = (name: (typeof PAGE_SOURCES_CSV_HEADER)[number]) => PAGE_SOURCES_CSV_HEADER.indexOf(name)
      rows.slice(1, 1 + json.figures.length).forEach((row, i) => {
        const f = json.figures[i]!
        expect(row[col('type')]).toBe('figure')
        expect(row[col('text')]).toBe(f.text)
        expect(row[col('quote')]).toBe(f.quote)
        expect(row[col('source_url')]).toBe(f.source!.url)
        expect(row[col('as_of')]).toBe(f.asOf)
      })
      expect(rows.at(-1)![col('type')]).toBe('citation')
    })

    it('neutralises spreadsheet formulas in exported text', async () => {
      const author = await createUser(t.db)
      const source = await createSource(t.db, { url: 'https://formula.example/report' })
      await createCitingPage(t.db, { authorId: author.id, slug: 'formula-page', stable: doc(p(text('We counted '), figure('220,000', { sourceId: source.id, quote: '=HYPERLINK("https://evil.example","220,000")', asOf: '2025', metric: '@users' }))) })
      const csv = await (await get('/pages/formula-page/sources.csv')).text()
      const [, row] = parseCsv(csv)
      expect(row![PAGE_SOURCES_CSV_HEADER.indexOf('quote')]).toBe(`'=HYPERLINK("https://evil.example","220,000")`)
      expect(row![PAGE_SOURCES_CSV_HEADER.indexOf('metric')]).toBe("'@users")
    })

    it('redirects ?format=csv|json to the export, and answers a missing page with 404', async () => {
      for (const format of ['csv', 'json']) {
        const response = await get(`/pages/${SLUG}/sources?format=${format}`)
        expect(response.status).toBe(302)
        expect(response.headers.get('location')).toBe(`/pages/${SLUG}/sources.${format}`)
      }
      expect((await get('/pages/no-such-page/sources')).status).toBe(404)
      expect((await get('/pages/no-such-page/sources.csv')).status).toBe(404)
      const json = await get('/pages/no-such-page/sources.json')
      expect(json.status).toBe(404)
      expect(await json.json()).toMatchObject({ error: { code: 'not_found' } })
    })
  })

  describe('the reader’s figure panel', () => {
    it('shows age and “may be outdated” on the demo pages (“not comparable”: test/http/metrics.test.ts)', async () => {
      const data = (await (await get('/pages/zoom-vs-visio/sources.json')).json()) as PageSourcesExport
      for (const f of data.figures) expect(f.ageMonths, f.text).toEqual(expect.any(Number))
      expect(data.figures.some((f) => f.outdated)).toBe(true)
      // Teams' daily active users and Visio's monthly users sit in columns of their own.
      expect(data.figures.filter((f) => f.notComparable)).toEqual([])
      const html = await (await get('/pages/zoom-vs-visio')).text()
      expect(html).toContain('May be outdated')
      expect(html).not.toContain('Not comparable')
      expect(html).toMatch(/\d+ (months|years) old/)
    })

    it('shows title, publisher, kind, quote, as-of date and age, link status, archive link and a report action', async () => {
      const author = await createUser(t.db)
      const source = await createSource(t.db, { url: 'https://press.example/tchap-375000', kind: 'press' })
      const archive = 'https://web.archive.org/web/2024/https://press.example/tchap-375000'
      await t.db.updateTable('sources').set({ title: 'Tchap passes 375,000 users', publisher: 'Press Example', archive_url: archive }).where('id', '=', source.id).execute()
      const quote = 'Tchap compte 375 000 utilisateurs actifs'
      await recordLinkCheck(t.db, { sourceId: source.id, checkedAt: '2026-11-20T10:00:00.000Z', status: 'ok', httpStatus: 200, finalUrl: source.url, reason: null, quoteResults: [{ quote, found: true }] })
      // As of 19 months before this month.
      const now = new Date()
      const then = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 19, 1))
      const asOf = `${then.getUTCFullYear()}-${String(then.getUTCMonth() + 1).padStart(2, '0')}`
      await createCitingPage(t.db, { authorId: author.id, slug: 'panel-page', stable: doc(p(text('Tchap had '), figure('375,000', { sourceId: source.id, quote, asOf, metric: 'monthly active users' }), text(' users.'))) })

      // React separates adjacent text with empty comments; the reader never sees them.
      const page = async (headers: Record<string, string> = {}) => (await (await get('/pages/panel-page', headers)).text()).replace(/<!-- -->/g, '')
      const html = await page()
      // The figure is a button (focusable, clickable) that opens its panel.
      expect(html).toMatch(/<button[^>]*class="fig[^"]*"[^>]*popovertarget="fig-0-panel"[^>]*>375,000(?:<span[^>]*>[^<]*<\/span>)*<\/button>|<button[^>]*popovertarget="fig-0-panel"[^>]*class="fig[^"]*"[^>]*>375,000(?:<span[^>]*>[^<]*<\/span>)*<\/button>/)
      const panel = /<div id="fig-0-panel"[\s\S]*?evidence-panel__close/.exec(html)![0]
      expect(panel).toContain(`<a href="${source.url}" rel="nofollow noopener noreferrer" lang="en">Tchap passes 375,000 users</a>`)
      expect(panel).toContain('Press Example')
      expect(panel).toContain('<span class="kind kind--press">Press</span>')
      expect(panel).toContain(`>${quote}</blockquote>`)
      expect(panel).toContain(`<time dateTime="${asOf}">`)
      expect(panel).toContain('(19 months old)')
      expect(panel).toContain('May be outdated')
      expect(panel).toMatch(/link-status--ok">Reachable/)
      expect(panel).toContain('Quote found on the page as of Nov 20, 2026.')
      expect(panel).toContain(`<a href="${archive}" rel="nofollow noopener noreferrer">Archived copy</a>`)
      expect(panel).toContain('<summary>Report a problem</summary>')
      // The age in the reader's language.
      expect(await page({ 'accept-language': 'de' })).toContain('(19 Monate alt)')
      expect(await page({ 'accept-language': 'fr' })).toContain('(19 mois)')
    })

    it('offers the Internet Archive’s copy nearest the as-of date when no archived copy is on record', async () => {
      const author = await createUser(t.db)
      const source = await createSource(t.db, { url: 'https://press.example/no-archive', kind: 'press' })
      await createCitingPage(t.db, { authorId: author.id, slug: 'lookup-page', stable: doc(p(text('Visio hosts '), figure('40,000', { sourceId: source.id, quote: '40 000 réunions', asOf: '2024-05' }), text(' meetings.'))) })
      const html = await (await get('/pages/lookup-page')).text()
      const panel = /<div id="fig-0-panel"[\s\S]*?evidence-panel__close/.exec(html)![0]
      expect(panel).toContain('<a href="https://web.archive.org/web/202405/https://press.example/no-archive" rel="nofollow noopener noreferrer">The copy nearest the as-of date, in the Internet Archive</a>')
      const sourcePage = await (await get(`/sources/${source.id}`, { 'accept-language': 'de' })).text()
      expect(sourcePage).toContain('<a href="https://web.archive.org/web/*/https://press.example/no-archive" rel="nofollow noopener noreferrer">Keine hinterlegt; im Internet Archive nach Kopien suchen</a>')
    })

    it('says when the quote was not found on the source page', async () => {
      const html = await (await get(`/pages/${SLUG}`)).text()
      expect(html).toContain('Quote not found on the page as of Nov 20, 2026')
    })
  })

  describe('link-check results as findings on the moderator’s review page', () => {
    it('lists an unreachable source and a quote the last check did not find', async () => {
      const author = await createUser(t.db)
      const moderator = await createUser(t.db, { role: 'moderator' })
      const dead = await createSource(t.db, { url: 'https://gone.example/report' })
      const moved = await createSource(t.db, { url: 'https://moved.example/report' })
      await t.db.updateTable('sources').set({ title: 'A report that is gone' }).where('id', '=', dead.id).execute()
      await t.db.updateTable('sources').set({ title: 'A report that changed' }).where('id', '=', moved.id).execute()
      const quote = 'plus de 220 000 inscrits'
      const page = await createCitingPage(t.db, {
        authorId: author.id,
        slug: 'checked-sources-page',
        stable: doc(p(text('Tchap is a messenger.'))),
        latest: doc(p(text('Tchap had '), figure('220,000', { sourceId: moved.id, quote, asOf: '2021-03' }), text(' users.'), citation(dead.id))),
      })
      await recordLinkCheck(t.db, { sourceId: dead.id, checkedAt: '2026-11-20T10:00:00.000Z', status: 'dead', httpStatus: 404, finalUrl: dead.url, reason: 'HTTP 404', quoteResults: [] })
      await recordLinkCheck(t.db, { sourceId: moved.id, checkedAt: '2026-11-20T10:00:00.000Z', status: 'ok', httpStatus: 200, finalUrl: moved.url, reason: null, quoteResults: [{ quote, found: false }] })

      const cookie = await login(server.url, moderator.username)
      const response = await get(`/moderation/revisions/${page.latestRevisionId}`, { cookie })
      expect(response.status).toBe(200)
      const html = (await response.text()).replace(/<!-- -->/g, '')
      const findings = /<section aria-labelledby="findings-heading">[\s\S]*?<\/section>/.exec(html)![0]
      expect(findings).toContain(`href="/sources/${dead.id}">A report that is gone</a>: <span class="link-status link-status--dead">Dead link<span class="muted"> (checked Nov 20, 2026)</span>`)
      expect(findings).toContain(`<mark class="hl-mismatch">220,000</mark>: “<span lang="en">${quote}</span>” — Quote not found on the page as of Nov 20, 2026.`)
      expect(findings).not.toContain('A report that changed</a>:')
      // The figure's evidence panel says it too.
      expect(html).toContain('<li class="badge badge--warn">Quote not found on the page as of Nov 20, 2026.</li>')
    })
  })

  describe('the sources API', () => {
    const SOURCE_KEYS = ['archiveUrl', 'id', 'kind', 'lang', 'link', 'publishedAt', 'publisher', 'selfReported', 'title', 'url']
    const post = (body: unknown) => fetch(`${server.url}/api/v1/sources`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) })

    it('GET /api/v1/sources searches by text and kind, each source in the documented shape', async () => {
      const vendor = await t.db.selectFrom('sources').select(['id', 'title']).where('kind', '=', 'vendor').executeTakeFirstOrThrow()
      const byKind = (await (await get('/api/v1/sources?kind=vendor&limit=100')).json()) as { sources: Array<Record<string, unknown>> }
      expect(Object.keys(byKind)).toEqual(['sources', 'next'])
      expect(byKind.sources.map((s) => s.id)).toContain(vendor.id)
      for (const s of byKind.sources) {
        expect(Object.keys(s).sort()).toEqual(SOURCE_KEYS)
        expect(s).toMatchObject({ kind: 'vendor', selfReported: true })
        expect(Object.keys(s.link as object)).toEqual(['status', 'httpStatus', 'checkedAt'])
      }
      const byText = (await (await get(`/api/v1/sources?q=${encodeURIComponent(vendor.title.slice(0, 12))}`)).json()) as { sources: Array<{ id: string; selfReported: boolean }> }
      expect(byText.sources.find((s) => s.id === vendor.id)).toMatchObject({ selfReported: true })
      const press = (await (await get('/api/v1/sources?kind=press&limit=100')).json()) as { sources: Array<{ kind: string; selfReported: boolean }> }
      expect(press.sources.length).toBeGreaterThan(0)
      for (const s of press.sources) expect(s).toMatchObject({ kind: 'press', selfReported: false })
    })

    it('POST /api/v1/sources registers a source once: another spelling of its URL answers 200 with the same source', async () => {
      const created = await post({ url: 'https://www.example.org/reports/adoption-2025.html', title: 'Adoption report 2025', publisher: 'Example Agency', publishedAt: '2025-03', kind: 'official' })
      expect(created.status).toBe(201)
      const { source } = (await created.json()) as { source: Record<string, unknown> }
      expect(Object.keys(source).sort()).toEqual(SOURCE_KEYS)
      expect(source).toMatchObject({ url: 'https://www.example.org/reports/adoption-2025.html', kind: 'official', selfReported: false, link: { status: null, httpStatus: null, checkedAt: null } })
      for (const spelling of ['http://example.org/reports/adoption-2025.html', 'https://EXAMPLE.org/reports/adoption-2025.html/', 'https://www.example.org/reports/adoption-2025.html?utm_source=newsletter#top']) {
        const again = await post({ url: spelling, title: 'Another title', publisher: 'Someone else', kind: 'press' })
        expect(again.status, spelling).toBe(200)
        expect(((await again.json()) as { source: unknown }).source).toEqual(source)
      }
      expect(await t.db.selectFrom('sources').select('id').where('url', 'like', '%adoption-2025%').execute()).toHaveLength(1)
      const invalid = await post({ url: 'javascript:alert(1)', title: 'x', publisher: 'y', kind: 'press' })
      expect(invalid.status).toBe(422)
      expect(await invalid.json()).toMatchObject({ error: { code: 'invalid_source' } })
    })

    it('GET /api/v1/sources/:id answers { source, citedBy }, each use with whether its quote was found', async () => {
      const response = await get(`/api/v1/sources/${tchapFigure.sourceId}`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { source: Record<string, unknown>; citedBy: Array<Record<string, unknown>> }
      expect(Object.keys(body)).toEqual(['source', 'citedBy', 'next'])
      expect(Object.keys(body.source).sort()).toEqual(SOURCE_KEYS)
      expect(body.source).toMatchObject({ id: tchapFigure.sourceId, link: { status: 'ok', httpStatus: 200, checkedAt: '2026-11-20T10:00:00.000Z' } })
      const use = body.citedBy.find((u) => u.kind === 'figure' && u.quote === tchapFigure.quote)
      expect(use).toEqual({ page: { slug: SLUG, title: expect.any(String) }, revisionId: expect.any(String), kind: 'figure', text: tchapFigure.text, quote: tchapFigure.quote, asOf: expect.any(String), quoteFound: false, quoteCheckedAt: '2026-11-20T10:00:00.000Z' })
      // Quotes the last check did not look for are unknown, not "not found".
      for (const u of body.citedBy.filter((x) => x.quote !== tchapFigure.quote)) expect(u).toMatchObject({ quoteFound: null, quoteCheckedAt: null })
      const missing = await get('/api/v1/sources/01jxxxxxxxxxxxxxxxxxxxxxxx')
      expect(missing.status).toBe(404)
      expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } })
    })
  })

  describe('vendor sources are shown as self-reported everywhere', () => {
    let vendor: { id: string }
    beforeAll(async () => {
      // A vendor source cited by a figure and by a footnote of a stable page.
      const author = await createUser(t.db)
      vendor = await createSource(t.db, { url: 'https://vendor.example/press/adoption', kind: 'vendor' })
      await createCitingPage(t.db, { authorId: author.id, slug: 'vendor-cited-page', stable: doc(p(text('The suite has '), figure('7,000', { sourceId: vendor.id, quote: '7,000 users', asOf: '2025-06', metric: 'users' }), text(' users.'), citation(vendor.id))) })
    })
    const selfReported = 'Self-reported: the maker of a compared product says this about itself.'

    it('in the reader’s figure panel and footnotes, in every language', async () => {
      const html = await (await get('/pages/vendor-cited-page')).text()
      const panel = /<div id="fig-0-panel"[\s\S]*?<\/dl>/.exec(html)![0]
      expect(panel).toContain(selfReported)
      expect(panel).toContain('Vendor (self-reported)')
      const notes = /<section class="citations"[\s\S]*?<\/section>/.exec(html)![0]
      expect(notes).toContain('Vendor (self-reported)')
      expect(await (await get('/pages/vendor-cited-page', { 'accept-language': 'de' })).text()).toContain('Hersteller (Selbstauskunft)')
    })

    it('on the source’s own page and in the page’s list of sources', async () => {
      const sourcePage = await (await get(`/sources/${vendor.id}`)).text()
      expect(sourcePage).toContain(selfReported)
      expect(sourcePage).toContain('Vendor (self-reported)')
      const pageSources = await (await get('/pages/vendor-cited-page/sources')).text()
      expect(pageSources).toContain('Vendor (self-reported)')
      const exported = (await (await get('/pages/vendor-cited-page/sources.json')).json()) as PageSourcesExport
      expect(exported.figures[0]!.source).toMatchObject({ id: vendor.id, kind: 'vendor', selfReported: true })
    })
  })

  describe('POST /api/v1/lint', () => {
    const lint = (body: string, type = 'application/json') => fetch(`${server.url}/api/v1/lint`, { method: 'POST', headers: { 'content-type': type, origin: server.url }, body })

    it('answers in the documented shape', async () => {
      const response = await lint(JSON.stringify({ text: 'A world-class suite used by 200,000 people.', lang: 'en' }))
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({
        figures: [{ text: '200,000', start: 28, end: 35, cited: false }],
        marketing: [{ text: 'world-class', start: 2, end: 13, category: 'peacock', suggestion: expect.any(String) }],
        findings: [
          { code: 'promotional', kind: 'marketing', field: 'body', text: 'world-class', start: 2, end: 13, category: 'peacock', message: expect.any(String) },
          { code: 'uncited-figure', kind: 'uncited-figure', field: 'body', text: '200,000', start: 28, end: 35, category: null, message: 'This figure has no source.' },
        ],
      })
    })

    it('answers a document field by field as documented: offsets into its blocks joined by "\\n", cited figures known', async () => {
      const body = doc(p(text('Intro.')), p(text('Tchap had '), figure('220,000', { sourceId: tchapFigure.sourceId, quote: '220 000 inscrits', asOf: '2021-03' }), text(' and 5,000 world-class others.')), p(figure('40 %', { sourceId: 'no-such-source', quote: '40 %', asOf: '2024' })))
      const response = await lint(JSON.stringify({ doc: body, lang: 'en' }))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      const answer = (await response.json()) as { figures: Array<Record<string, unknown>>; marketing: Array<Record<string, unknown>> }
      expect(Object.keys(answer)).toEqual(['figures', 'marketing', 'findings'])
      expect(answer.figures).toEqual([
        { text: '220,000', start: 17, end: 24, cited: true },
        { text: '5,000', start: 29, end: 34, cited: false },
        { text: '40 %', start: 55, end: 59, cited: false },
      ])
      for (const f of answer.figures) expect(Object.keys(f)).toEqual(['text', 'start', 'end', 'cited'])
      expect(answer.marketing).toEqual([{ text: 'world-class', start: 35, end: 46, category: 'peacock', suggestion: expect.any(String) }])
      for (const m of answer.marketing) expect(Object.keys(m)).toEqual(['text', 'start', 'end', 'category', 'suggestion'])
      const plain = 'Intro.\nTchap had 220,000 and 5,000 world-class others.\n40 %'
      for (const f of [...answer.figures, ...answer.marketing]) expect(plain.slice(f.start as number, f.end as number)).toBe(f.text)
    })

    it.each([
      { name: 'a body that is not JSON', body: '{"text": ', type: 'application/json', status: 400 },
      { name: 'a wrong content type', body: 'text=hello', type: 'application/x-www-form-urlencoded', status: 415 },
      { name: 'an unknown language', body: JSON.stringify({ text: 'x', lang: 'es' }), type: 'application/json', status: 422 },
    ])('answers $name with $status and the error shape', async ({ body, type, status }) => {
      const response = await lint(body, type)
      expect(response.status).toBe(status)
      const json = (await response.json()) as { error: { code: string; message: string } }
      expect(json.error.code).toEqual(expect.any(String))
      expect(json.error.message.length).toBeGreaterThan(0)
    })
  })
})

describe('the “may be outdated” age is configurable', () => {
  // A century: no demo figure is that old.
  const { t, server } = withTestApp({ engine: 'sqlite' }, { env: { FIGURE_MAX_AGE_MONTHS: '1200' } })

  it('badges no figure younger than FIGURE_MAX_AGE_MONTHS, though the default badges some', async () => {
    const data = (await (await fetch(`${server.url}/pages/zoom-vs-visio/sources.json`)).json()) as PageSourcesExport
    // The same figures that are older than the default 18 months (see “shows age…” above).
    expect(data.figures.some((f) => f.ageMonths !== null && f.ageMonths > 18)).toBe(true)
    expect(data.figures.filter((f) => f.outdated)).toEqual([])
    expect(await (await fetch(`${server.url}/pages/zoom-vs-visio`)).text()).not.toContain('May be outdated')
  })

  it('refuses a malformed value at start-up, naming the variable', async () => {
    await expect(startServer({ databaseUrl: t.url, env: { FIGURE_MAX_AGE_MONTHS: 'soon' } })).rejects.toThrow(/FIGURE_MAX_AGE_MONTHS must be a non-negative number, not "soon"/)
  })
})
