import { Migrator, sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { engineOf } from '#app/models/db.server'
import { ensureProductIndex, getProduct } from '#app/models/products.server'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { migrationProvider } from './index'

describe.each(TEST_ENGINES)('migration 0021 on $engine', (engine) => {
  let t: TestDatabase
  afterEach(async () => t?.destroy())

  it('turns the subjects of existing comparisons into products, and old revisions link to them', async () => {
    t = await createTestDatabase(engine)
    const schema = engineOf(t.db) === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s : undefined
    const migrator = new Migrator({ db: t.db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) })
    expect((await migrator.migrateTo('0020-products')).error).toBeUndefined()
    const content = {
      title: 'Teams vs Element', summary: '', lang: 'en', categories: ['messaging'], body: { type: 'doc', content: [{ type: 'paragraph' }] },
      subjects: { proprietary: [{ name: 'Microsoft Teams', vendor: 'Microsoft', homepage: '' }], alternatives: [{ name: 'Element', vendor: 'Element', homepage: '', license: 'AGPL-3.0-only', repository: '' }] },
    }
    await t.db.insertInto('users').values({ id: 'u1', username: 'old', username_key: 'old', password_hash: null, role: 'editor', created_at: '2026-01-01T00:00:00Z', blocked_until: null, block_reason: null }).execute()
    await t.db.insertInto('pages').values({ id: 'p1', slug: 'teams-vs-element', title: content.title, summary: '', lang: 'en', stable_revision_id: 'r1', latest_revision_id: 'r1', featured: 0, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', protection: null, protection_reason: null, protection_expires_at: null })
      .execute()
    await t.db.insertInto('revisions').values({ id: 'r1', page_id: 'p1', parent_id: null, base_revision_id: null, author_id: 'u1', summary: '', status: 'approved', content: JSON.stringify(content), content_hash: 'x', size: 1, created_at: '2026-01-01T00:00:00Z', idempotency_key: null, idempotency_fingerprint: null, restores_revision_id: null, uncited_count: 0, finding_count: 0, risk_score: 0 })
      .execute()
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    await ensureProductIndex(t.db)
    expect(await getProduct(t.db, 'microsoft-teams')).toMatchObject({ kind: 'proprietary', license: 'LicenseRef-Proprietary', vendor: 'Microsoft' })
    expect(await getProduct(t.db, 'element')).toMatchObject({ kind: 'open-source', license: 'AGPL-3.0-only', categories: ['messaging'] })
    const links = await t.db.selectFrom('product_links').select('to_slug').execute()
    expect(links).toEqual([{ to_slug: 'microsoft-teams' }])
    const subjects = await t.db.selectFrom('comparison_subjects').select(['name_key', 'product_slug']).orderBy('name_key').execute()
    expect(subjects).toEqual([{ name_key: 'element', product_slug: null }, { name_key: 'microsoftteams', product_slug: null }])
  })
})
