import type { ActionFunctionArgs } from '@remix-run/node'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { requestBodies, serviceContent } from '#test/fixtures/api-bodies'
import { baseContent } from '#test/concurrent-edits'
import { createTestDatabase, type TestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { createApiToken } from '#app/models/api-tokens.server'
import { saveRevision, type SaveRevisionResult } from './save-revision.server'

/**
 * Property tests at the API boundary, in-process on SQLite (the HTTP suite runs a smaller sample
 * against the built server): whatever arrives, the answer is typed — never a throw, never a 5xx.
 */
// Hundreds of saves by one account in seconds: the rate limit is not what is under test. Set
// before any import reads the configuration.
vi.hoisted(() => {
  process.env.RATE_SAVE_USER = '100000/3600'
})

const REFUSALS: Record<string, number> = {
  invalid_content: 422,
  idempotency_key_reused: 422,
  page_not_found: 404,
  base_not_found: 404,
  protected: 403,
  slug_taken: 409,
  edit_conflict: 409,
  rate_limited: 429,
}

function expectTyped(result: SaveRevisionResult) {
  if (result.ok) {
    expect(result.revision.id).toMatch(/^[0-9a-z]{26}$/)
    expect(['pending', 'approved']).toContain(result.revision.status)
    return
  }
  expect(REFUSALS[result.code], result.code).toBe(result.status)
  if (result.code === 'invalid_content') {
    expect(result.issues.length).toBeGreaterThan(0)
    for (const issue of result.issues) expect(issue).toMatchObject({ path: expect.any(String), code: expect.any(String), message: expect.any(String) })
  } else expect(result.message).toEqual(expect.any(String))
}

describe('arbitrary input at the save boundary on sqlite', () => {
  let t: TestDatabase
  let baseRevisionId: string
  let slug: string
  let token: string
  let trusted: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    t = await createTestDatabase({ engine: 'sqlite' })
    // The route modules use the process-wide database, opened from DATABASE_URL on first use.
    process.env.DATABASE_URL = t.url
    ;(await import('#app/infra/config.server')).reloadConfig()
    trusted = await createUser(t.db, { role: 'trusted' })
    token = (await createApiToken(t.db, trusted.id, 'property test')).token
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: baseContent('Property target'), summary: '', idempotencyKey: null })
    if (!created.ok) throw new Error('setup failed')
    baseRevisionId = created.revision.id
    slug = created.page.slug
  })
  afterAll(async () => {
    const { getDb } = await import('#app/models/db.server')
    await getDb().destroy()
    await t?.destroy()
  })

  it('saveRevision answers any content, summary, base and key with a typed result', async () => {
    const editor = await createUser(t.db)
    await fc.assert(
      fc.asyncProperty(
        serviceContent,
        fc.string({ maxLength: 40 }),
        fc.constantFrom<string | null>(null, 'property-target', 'no-such-page'),
        fc.option(fc.oneof(fc.constant('base'), fc.stringMatching(/^[0-9a-z]{26}$/)), { nil: null }),
        fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: null }),
        async (content, summary, target, base, key) => {
          const result = await saveRevision(t.db, { actor: editor, slug: target, baseRevisionId: target && base === 'base' ? baseRevisionId : base, content, summary, idempotencyKey: key })
          expectTyped(result)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('the API routes answer any body with a typed error or a success, never a 5xx', async () => {
    const pages = await import('#app/routes/api.v1.pages._index')
    const revisions = await import('#app/routes/api.v1.pages.$slug.revisions')
    await fc.assert(
      fc.asyncProperty(fc.boolean().chain((edit) => requestBodies(baseRevisionId, edit).map((body) => ({ edit, body }))), async ({ edit, body }) => {
        const url = edit ? `http://localhost/api/v1/pages/${slug}/revisions` : 'http://localhost/api/v1/pages'
        const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body })
        const args = { request, params: { slug }, context: {} } as unknown as ActionFunctionArgs
        let response: Response
        try {
          response = edit ? await revisions.action(args) : await pages.action(args)
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown
          response = thrown
        }
        expect(response.status).toBeLessThan(500)
        const answer = (await response.json()) as { error?: { code: unknown; message: unknown } }
        if (response.status >= 400) expect(answer.error).toMatchObject({ code: expect.any(String), message: expect.any(String) })
        else expect(answer).toHaveProperty('revision.id')
      }),
      { numRuns: 200 },
    )
  })
})
