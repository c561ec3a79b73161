import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { PageContent } from '#app/core/content'
import { productsFromSubjects } from '#app/core/product'
import { slugify } from '#app/core/slug'
import { newId } from '#app/models/ids.server'

// Frozen (STYLE.md §12). Turns the subjects of existing comparisons into products (decision 019):
// one product per real product across pages, matched by name. Each product gets one approved
// revision attributed to the author of the first comparison that named it. Old revisions are
// not touched: their subjects are matched to these products by name when read. The derived rows
// (product_index…) are built at start-up (ensureProductIndex).

export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('pages')
    .innerJoin('revisions', 'revisions.id', 'pages.latest_revision_id')
    .select(['pages.slug', 'revisions.content', 'revisions.author_id', 'pages.created_at'])
    .where('pages.kind', '=', 'comparison')
    .orderBy('pages.created_at')
    .execute()) as Array<{ slug: string; content: string; author_id: string; created_at: string }>
  if (rows.length === 0) return
  const contents = rows.map((r) => JSON.parse(r.content) as PageContent)
  const taken = new Set(((await db.selectFrom('pages').select('slug').execute()) as Array<{ slug: string }>).map((p) => p.slug))
  const now = new Date().toISOString()
  for (const draft of productsFromSubjects(contents, taken, slugify)) {
    const first = rows[contents.findIndex((c) => [...c.subjects.proprietary, ...c.subjects.alternatives].some((s) => slugify(s.name) === slugify(draft.name)))] ?? rows[0]!
    const json = JSON.stringify(draft.content)
    const pageId = newId()
    const revisionId = newId()
    await db
      .insertInto('pages')
      .values({
        id: pageId, slug: draft.slug, title: draft.name, summary: '', lang: draft.content.lang, stable_revision_id: revisionId, latest_revision_id: revisionId,
        featured: 0, created_at: now, updated_at: now, kind: 'product',
      })
      .execute()
    await db
      .insertInto('revisions')
      .values({
        id: revisionId, page_id: pageId, parent_id: null, base_revision_id: null, author_id: first.author_id, summary: 'Product made from the subjects of existing comparisons',
        status: 'approved', content: json, content_hash: createHash('sha256').update(json).digest('hex'), size: Buffer.byteLength(json), created_at: now,
        idempotency_key: null, idempotency_fingerprint: null, restores_revision_id: null, uncited_count: 0, finding_count: 0, risk_score: 0,
      })
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The products may have been edited since; removing them would drop that history.
  void db
}
