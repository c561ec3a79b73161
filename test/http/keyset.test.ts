import { beforeAll, describe, expect, it } from 'vitest'
import { listFigures } from '#app/models/evidence.server'
import { getPageBySlug } from '#app/models/pages.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'

describe.each(TEST_ENGINES)('keyset lists over HTTP on $engine', (engine) => {
  // The server's start-up loads the demo: six comparisons and their sources.
  const { t, server } = withTestApp(engine)
  let sourceId = ''
  beforeAll(async () => {
    const page = (await getPageBySlug(t.db, 'microsoft-teams-vs-tchap'))!
    const counts = new Map<string, number>()
    for (const f of await listFigures(t.db, page.stableRevisionId!)) if (f.sourceId) counts.set(f.sourceId, (counts.get(f.sourceId) ?? 0) + 1)
    sourceId = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
  })
  const get = (path: string) => fetch(server.url + path, { redirect: 'manual' })

  async function walk<T>(path: string, field: string, limit: number): Promise<T[]> {
    const items: T[] = []
    let cursor: string | null = null
    do {
      const response = await get(`${path}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as Record<string, unknown> & { next: string | null }
      const page = body[field] as T[]
      expect(page.length).toBeLessThanOrEqual(limit)
      items.push(...page)
      cursor = body.next
    } while (cursor)
    return items
  }

  it('GET /api/v1/pages pages through every published page once, with `next`', async () => {
    const all = (await (await get('/api/v1/pages?limit=100')).json()) as { pages: Array<{ slug: string }>; next: string | null }
    expect(all.next).toBeNull()
    expect(all.pages.length).toBeGreaterThanOrEqual(6)
    const walked = await walk<{ slug: string }>('/api/v1/pages', 'pages', 2)
    expect(walked.map((p) => p.slug)).toEqual(all.pages.map((p) => p.slug))
  })

  it("GET /api/v1/sources/:id pages through the source's uses once, with `next`", async () => {
    const all = (await (await get(`/api/v1/sources/${sourceId}?limit=100`)).json()) as { citedBy: unknown[]; next: string | null }
    expect(all.next).toBeNull()
    expect(all.citedBy.length).toBeGreaterThanOrEqual(2)
    const walked = await walk<unknown>(`/api/v1/sources/${sourceId}`, 'citedBy', 1)
    expect(walked).toHaveLength(all.citedBy.length)
    expect(new Set(walked.map((u) => JSON.stringify(u))).size).toBe(all.citedBy.length)
  })

  it('GET /api/v1/sources pages through the registry once, with `next`', async () => {
    const all = (await (await get('/api/v1/sources?limit=100')).json()) as { sources: Array<{ id: string }>; next: string | null }
    expect(all.sources.length).toBeGreaterThanOrEqual(5)
    const walked = await walk<{ id: string }>('/api/v1/sources', 'sources', 3)
    expect(walked.map((s) => s.id)).toEqual(all.sources.map((s) => s.id))
  })

  it('answers a cursor that is not one, or a limit out of range, with 400 and a message', async () => {
    for (const path of ['/api/v1/pages?cursor=nonsense', '/api/v1/pages?cursor=WyJhIl0', `/api/v1/sources/${sourceId}?cursor=WyJhIiwiYiIsMV0`, '/api/v1/pages?limit=0', '/api/v1/pages?limit=101', '/api/v1/sources?cursor=WzFd']) {
      const response = await get(path)
      expect(response.status, path).toBe(400)
      const body = (await response.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toMatch(/^invalid_(cursor|limit)$/)
      expect(body.error.message.length).toBeGreaterThan(10)
    }
    for (const path of ['/pages?cursor=nonsense', `/sources/${sourceId}?cursor=WyJhIl0`]) {
      const response = await get(path)
      expect(response.status, path).toBe(400)
      expect(await response.text()).toContain('Start again from the first page')
    }
  })

  it('links /pages to the next page when there is one', async () => {
    const first = await (await get('/pages')).text()
    // Six demo comparisons fit on one page of a hundred.
    expect(first).not.toContain('rel="next"')
    // The JSON list and the HTML list share their order and their cursors.
    const { pages, next } = (await (await get('/api/v1/pages?limit=3')).json()) as { pages: Array<{ slug: string }>; next: string }
    const rest = await (await get(`/pages?cursor=${next}`)).text()
    for (const p of pages) expect(rest).not.toContain(`href="/pages/${p.slug}"`)
    expect(rest).toContain('href="/pages"')
  })
})
