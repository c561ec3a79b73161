import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { PageContent } from '#app/core/content'
import { newId, nowIso } from '#app/models/ids.server'
import type { Database } from '#db/schema'

/**
 * A page whose one revision is approved, written straight to the tables: the benchmarks grow a
 * database by thousands of pages, where going through saveRevision would take minutes. The
 * caller builds whichever derived rows its benchmark reads.
 */
export async function insertApproved(trx: Kysely<Database>, slug: string, kind: 'product' | 'comparison', content: PageContent, authorId: string): Promise<{ pageId: string; revisionId: string }> {
  const pageId = newId()
  const revisionId = newId()
  const json = JSON.stringify(content)
  const now = nowIso()
  await trx.insertInto('pages').values({ id: pageId, slug, title: content.title, summary: content.summary, lang: content.lang, stable_revision_id: revisionId, latest_revision_id: revisionId, featured: 0, created_at: now, updated_at: now, protection: null, protection_reason: null, protection_expires_at: null, kind }).execute()
  await trx.insertInto('revisions').values({
    id: revisionId, page_id: pageId, parent_id: null, base_revision_id: null, author_id: authorId, summary: 'bench', status: 'approved', content: json,
    content_hash: createHash('sha256').update(json).digest('hex'), size: json.length, created_at: now, idempotency_key: null, idempotency_fingerprint: null,
    restores_revision_id: null, uncited_count: 0, finding_count: 0, risk_score: 0,
  }).execute()
  return { pageId, revisionId }
}
