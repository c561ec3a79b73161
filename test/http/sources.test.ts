import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '#app/core/csv'
import { figureKey } from '#app/core/evidence-key'
import { listFigures } from '#app/models/evidence.server'
import { newId, nowIso } from '#app/models/ids.server'
import { recordLinkCheck } from '#app/models/link-checks.server'
import { getPageBySlug } from '#app/models/pages.server'
import { openOrJoinReport } from '#app/models/reports.server'
import { PAGE_SOURCES_CSV_HEADER, type PageSourcesExport } from '#app/presenters/page-sources'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { createCitingPage } from '#test/fixtures/citing-page'
import { doc, figure, p, text } from '#test/fixtures/docs'
import { startServer, type RunningServer } from '#test/server'

const SLUG = 'microsoft-teams-vs-tchap'

describe.each(TEST_ENGINES)('sources and their checks over HTTP on $engine', (engine) => {
  let t: TestDatabase
  let server: RunningServer
  let tchapFigure: { sourceId: string; quote: string; text: string }
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    server = await startServer({ databaseUrl: t.url })
    // The demo is loaded by the server's start-up. Record a check of the source of the page's
    // first figure that did not find its quote, and open a report on that figure.
    const page = (await getPageBySlug(t.db, SLUG))!
    const figures = await listFigures(t.db, page.stableRevisionId!)
    const first = figures.find((f) => f.sourceId && f.quote)!
    tchapFigure = { sourceId: first.sourceId!, quote: first.quote!, text: first.text }
    await recordLinkCheck(t.db, { sourceId: first.sourceId!, checkedAt: '2026-11-20T10:00:00.000Z', status: 'ok', httpStatus: 200, finalUrl: 'https://example.org/final', reason: null, quoteResults: [{ quote: first.quote!, found: false }] })
    await openOrJoinReport(t.db, { id: newId(), pageId: page.id, revisionId: page.stableRevisionId!, targetKey: figureKey(first), targetText: first.text, sourceId: first.sourceId, reason: 'unsupported', comment: '', reporterId: null, createdAt: nowIso() })
  })
  afterAll(async () => {
    await server?.stop()
    await t?.destroy()
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
      expect(html).toContain('Disputed: a reader report is open.')
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
    it('shows age, “may be outdated” and “not comparable” on the demo pages', async () => {
      const data = (await (await get('/pages/zoom-vs-visio/sources.json')).json()) as PageSourcesExport
      for (const f of data.figures) expect(f.ageMonths, f.text).toEqual(expect.any(Number))
      expect(data.figures.some((f) => f.outdated)).toBe(true)
      // Zoom's daily active users and Visio's monthly users, in one column of one table.
      expect(data.figures.filter((f) => f.notComparable).map((f) => f.metric)).toEqual(expect.arrayContaining(['utilisateurs actifs quotidiens', 'utilisateurs mensuels']))
      const html = await (await get('/pages/zoom-vs-visio')).text()
      expect(html).toContain('May be outdated')
      expect(html).toContain('Not comparable: this table sets it beside figures that count something different.')
      expect(html).toMatch(/\d+ (months|years) old/)
    })

    it('says when the quote was not found on the source page', async () => {
      const html = await (await get(`/pages/${SLUG}`)).text()
      expect(html).toContain('Quote not found on the page as of Nov 20, 2026')
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
      })
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
