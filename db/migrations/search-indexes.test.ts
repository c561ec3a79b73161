import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'

// The plans that keep searches fast at 100,000 pages (decision 039, EXPLAIN in docs/performance.md)
// need these indexes. Each test file works in a schema of its own, which the trigram extension is
// not in: its operator class must be found wherever the extension was installed.
describe.each(TEST_ENGINES.filter((e) => e.engine === 'postgres'))('search indexes on $engine', (engine) => {
  const t = withTestDatabase(engine)
  const definition = async (name: string) =>
    (await sql<{ indexdef: string }>`select indexdef from pg_indexes where schemaname = current_schema() and indexname = ${name}`.execute(t.db)).rows[0]?.indexdef

  it('products have a trigram index on their searchable text', async () => {
    expect(await definition('product_index_trigrams')).toMatch(/USING gin \(search_text \w+\.gin_trgm_ops\)/)
  })

  it('indexed pages have an index in the order they were indexed', async () => {
    expect(await definition('page_search_seq')).toMatch(/\(seq\)/)
  })
})
