import { beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '#app/models/api-tokens.server'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser } from '#test/factories'
import { postJson } from './requests'

/**
 * POST /api/v1/sources as DESIGN.md gives it: { url, title, publisher, publishedAt?, kind } →
 * 201 { source: { id } }, and an already known URL → 200 with that source.
 */
describe.each(TEST_ENGINES)('POST /api/v1/sources on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let token: string
  beforeAll(async () => {
    const editor = await createUser(t.db, { role: 'editor' })
    token = (await createApiToken(t.db, editor.id, 'sources test')).token
  })

  const post = (body: unknown, as: string | null = token) => postJson(server, '/api/v1/sources', body, { token: as, origin: null })
  const count = async () => Number((await t.db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const report = { url: 'https://www.numerique.gouv.fr/bilan-visio-2024/', title: 'Visio : bilan 2024', publisher: 'DINUM', publishedAt: '2024-06', kind: 'official' }

  it('registers a new source: 201 with its id and what was sent', async () => {
    const response = await post(report)
    expect(response.status).toBe(201)
    const answer = (await response.json()) as { source: Record<string, unknown> }
    expect(answer.source).toMatchObject({ id: expect.stringMatching(/^[0-9a-z]{26}$/), url: report.url, title: report.title, publisher: report.publisher, publishedAt: '2024-06', kind: 'official', selfReported: false })
  })

  it('answers an already known URL — written another way — with 200 and that source, storing nothing', async () => {
    const known = (await (await post({ ...report, url: 'https://example.org/known-report' })).json()) as { source: { id: string } }
    const before = await count()
    for (const url of ['https://example.org/known-report', 'http://www.example.org/known-report/?utm_source=newsletter#part-2']) {
      const response = await post({ ...report, url, title: 'Another title', kind: 'press' })
      expect(response.status, url).toBe(200)
      const answer = (await response.json()) as { source: { id: string; title: string } }
      expect(answer.source).toMatchObject({ id: known.source.id, title: report.title })
    }
    expect(await count()).toBe(before)
  })

  it('makes one source when the same new URL is sent twice at once', async () => {
    const url = 'https://example.org/sent-twice'
    const responses = await Promise.all([post({ ...report, url }), post({ ...report, url })])
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201])
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { source: { id: string } }).source.id))
    expect(ids[0]).toBe(ids[1])
  })

  it('accepts a source without a publication date, and marks a vendor’s own page as self-reported', async () => {
    const response = await post({ url: 'https://vendor.example/about', title: 'About us', publisher: 'Vendor', kind: 'vendor' })
    expect(response.status).toBe(201)
    expect(((await response.json()) as { source: unknown }).source).toMatchObject({ publishedAt: null, selfReported: true })
  })

  it.each([
    ['a javascript: URL', { ...report, url: 'javascript:alert(1)' }, /http:\/\/ or https:\/\//],
    ['a data: URL', { ...report, url: 'data:text/html,hi' }, /http:\/\/ or https:\/\//],
    ['no title', { ...report, url: 'https://example.org/no-title', title: '' }, /title/],
    ['an unknown kind', { ...report, url: 'https://example.org/bad-kind', kind: 'blog' }, /official, press, vendor, audit, academic, community/],
    ['a date that is not a date', { ...report, url: 'https://example.org/bad-date', publishedAt: 'June 2024' }, /YYYY/],
    ['a NUL in the publisher', { ...report, url: 'https://example.org/nul', publisher: 'DI\u0000NUM' }, /control characters/],
  ])('refuses %s with 422 invalid_source naming the problem, storing nothing', async (_name, body, message) => {
    const before = await count()
    const response = await post(body)
    expect(response.status).toBe(422)
    const answer = (await response.json()) as { error: { code: string; message: string; details: unknown[] } }
    expect(answer.error.code).toBe('invalid_source')
    expect(answer.error.message).toMatch(message)
    expect(answer.error.details.length).toBeGreaterThan(0)
    expect(await count()).toBe(before)
  })

  it('refuses anonymous requests with 401, storing nothing', async () => {
    const before = await count()
    const response = await post({ ...report, url: 'https://example.org/anonymous' }, null)
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated')
    expect(await count()).toBe(before)
  })
})
