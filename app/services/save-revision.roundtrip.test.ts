import fc from 'fast-check'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { validateContent } from '#app/core/document'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { docArbitrary } from '#test/fixtures/arbitraries'
import { content } from '#test/fixtures/docs'
import { saveRevision } from './save-revision.server'

// Dozens of saves by one account in seconds: the rate limit is not what is under test. Set
// before any import reads the configuration.
vi.hoisted(() => {
  process.env.RATE_SAVE_USER = '100000/3600'
})

/** Any title and summary a person might type, in any script, without control characters. */
const line = (min: number, max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: min, maxLength: max })
    .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim())
    .filter((s) => s.length >= min)

/**
 * Property: a snapshot the server accepts is stored and read back exactly as validated — through
 * each engine's text columns, with every character, mark and attribute — and validates to itself.
 */
describe.each(TEST_ENGINES)('accepted snapshots round-trip through storage on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let author: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    author = await createUser(t.db, { role: 'trusted' })
  })

  it('reads back every accepted document unchanged', async () => {
    const created = await saveRevision(t.db, { actor: author, slug: null, baseRevisionId: null, content: content({ type: 'doc', content: [{ type: 'paragraph' }] }, { title: 'Round trip' }), summary: '', idempotencyKey: null })
    if (!created.ok) throw new Error(created.code)
    let stored = 0
    await fc.assert(
      fc.asyncProperty(docArbitrary, line(3, 160), line(0, 500), async (body, title, summary) => {
        const validated = validateContent(content(body, { title, summary }))
        if (!validated.ok) return
        const page = (await getPageBySlug(t.db, created.page.slug))!
        const saved = await saveRevision(t.db, { actor: author, slug: page.slug, baseRevisionId: page.latestRevisionId, content: validated.value, summary: 'round trip', idempotencyKey: null })
        if (!saved.ok) throw new Error(`refused: ${saved.code}`)
        stored++
        const read = (await getRevision(t.db, saved.revision.id))!.content
        expect(read).toEqual(validated.value)
        expect(validateContent(read)).toEqual({ ok: true, value: read })
      }),
      { numRuns: 80 },
    )
    expect(stored).toBeGreaterThan(10)
  })
})
