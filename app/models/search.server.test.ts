import { sql } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import { seedDemo } from '#app/services/seed-demo.server'
import { saveRevision } from '#app/services/save-revision.server'
import { ensureSearchIndex, indexPageForSearch, searchPages } from './search.server'

describe.each(TEST_ENGINES)('search on $engine', (engine) => {
  const t = withTestDatabase(engine)
  beforeAll(async () => {
    await seedDemo(t.db)
  })

  it('finds pages by words of their title, products and body', async () => {
    expect((await searchPages(t.db, 'Tchap')).map((h) => h.slug)).toContain('microsoft-teams-vs-tchap')
    expect((await searchPages(t.db, 'openDesk')).map((h) => h.slug)).toContain('microsoft-365-vs-opendesk')
    expect((await searchPages(t.db, 'Postfächer')).map((h) => h.slug)).toContain('schleswig-holstein-microsoft-exit')
  })

  it('marks matches in the snippet', async () => {
    const [hit] = await searchPages(t.db, 'Tchap')
    expect(hit!.snippet).toMatch(/\u0001Tchap\u0002/i)
  })

  it('indexes comparisons only: products have their own search', async () => {
    const indexed = await t.db.selectFrom('page_search').innerJoin('pages', 'pages.id', 'page_search.page_id').select('pages.kind').distinct().execute()
    expect(indexed.map((r) => r.kind)).toEqual(['comparison'])
    // The product page "Tchap" exists; search finds the comparisons that name it.
    expect((await searchPages(t.db, 'Tchap')).every((h) => h.kind === 'comparison')).toBe(true)
  })

  it('ranks whole words first; a word still being typed finds words starting with it (SQLite)', async () => {
    const whole = await searchPages(t.db, 'Tchap')
    expect(whole.length).toBeGreaterThan(0)
    expect(whole[0]!.snippet).toMatch(/\u0001Tchap\u0002/i)
    const typed = await searchPages(t.db, 'Tcha')
    if (engine.engine === 'sqlite') {
      expect(typed.map((h) => h.slug)).toEqual(expect.arrayContaining(whole.map((h) => h.slug)))
      expect(typed[0]!.snippet).toMatch(/\u0001Tchap\u0002/i)
    } else {
      // PostgreSQL's web-search syntax matches whole words only.
      expect(typed).toEqual([])
    }
  })

  it('treats operators and punctuation typed by a reader as text', async () => {
    for (const q of ['"', 'OR', 'AND NOT (', 'tchap*', 'NEAR(a b)', "l'État", '-', '💥', 'a'.repeat(500)]) {
      await expect(searchPages(t.db, q)).resolves.toBeInstanceOf(Array)
    }
  })

  it('ranks a title match first; equal matches go to the page indexed last, and a page moves up when indexed again', async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const ids: Record<string, string> = {}
    for (const [title, body] of [['Order alpha', 'Okapiword said Anna.'], ['Order beta', 'Okapiword said Bruno.'], ['Okapiword in the title', 'Nothing else here.'], ['Order gamma', 'Okapiword said Chloé.']]) {
      const saved = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(doc(p(text(body!))), { title }), summary: '', idempotencyKey: null })
      if (!saved.ok || saved.revision.status !== 'approved') throw new Error(JSON.stringify(saved))
      ids[title!] = saved.page.id
    }
    expect((await searchPages(t.db, 'okapiword')).map((h) => h.title)).toEqual(['Okapiword in the title', 'Order gamma', 'Order beta', 'Order alpha'])
    await indexPageForSearch(t.db, ids['Order alpha']!)
    expect((await searchPages(t.db, 'okapiword')).map((h) => h.title)).toEqual(['Okapiword in the title', 'Order alpha', 'Order gamma', 'Order beta'])
  })

  // The plans that keep searches fast at 100,000 pages (decision 039) need these indexes. Each test
  // file has a schema of its own, which the trigram extension is not in: its operator class must be
  // found wherever the extension was installed.
  it.runIf(engine.engine === 'postgres')('has the indexes of the PostgreSQL plans: pages in indexing order, products by trigrams', async () => {
    const definition = async (name: string) =>
      (await sql<{ indexdef: string }>`select indexdef from pg_indexes where schemaname = current_schema() and indexname = ${name}`.execute(t.db)).rows[0]?.indexdef
    expect(await definition('page_search_seq')).toMatch(/\(seq\)/)
    expect(await definition('product_index_trigrams')).toMatch(/USING gin \(search_text \w+\.gin_trgm_ops\)/)
  })

  it('follows the stable revision: pending text is not searchable until approved', async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const editor = await createUser(t.db)
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(doc(p(text('Zanzibarvision is a thing.'))), { title: 'Search follows stable' }), summary: '', idempotencyKey: null })
    expect(created.ok && created.revision.status).toBe('approved')
    expect((await searchPages(t.db, 'Zanzibarvision')).map((h) => h.slug)).toEqual(['search-follows-stable'])
    await saveRevision(t.db, { actor: editor, slug: 'search-follows-stable', baseRevisionId: created.ok ? created.revision.id : null, content: content(doc(p(text('Quokkavision instead.'))), { title: 'Search follows stable' }), summary: '', idempotencyKey: null })
    expect(await searchPages(t.db, 'Quokkavision')).toEqual([])
    expect(await ensureSearchIndex(t.db)).toBe(0)
  })

  it('checks the index once, rebuilding what lags, then trusts its marker', async () => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const created = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(doc(p(text('Wombatvision is a thing.'))), { title: 'Search marker' }), summary: '', idempotencyKey: null })
    if (!created.ok) throw new Error(JSON.stringify(created))
    // As after a restore from before the marker, with a row lost.
    await t.db.deleteFrom('meta').where('key', '=', 'search_indexed_at').execute()
    await t.db.deleteFrom('page_search').where('page_id', '=', created.page.id).execute()
    expect(await searchPages(t.db, 'Wombatvision')).toEqual([])
    expect(await ensureSearchIndex(t.db)).toBeGreaterThan(0)
    expect((await searchPages(t.db, 'Wombatvision')).map((h) => h.slug)).toEqual(['search-marker'])
    expect(await t.db.selectFrom('meta').select('key').where('key', '=', 'search_indexed_at').executeTakeFirst()).toBeDefined()
    await t.db.deleteFrom('page_search').where('page_id', '=', created.page.id).execute()
    expect(await ensureSearchIndex(t.db)).toBe(0)
  })
})
