import type { DB } from './db.server'
import { nowIso } from './ids.server'

/**
 * Addresses pages have left (decision 028). A row points at the page, not at its next address,
 * so a chain of moves resolves in one step. A live page at an address always wins over a redirect
 * from it: lookups go to `pages` first and come here only when no page has the address.
 */

/** The current address of the page that left `slug`, or null. */
export async function findRedirect(db: DB, slug: string): Promise<{ pageId: string; slug: string; kind: string; deleted: boolean } | null> {
  const row = await db
    .selectFrom('page_redirects as r')
    .innerJoin('pages as p', 'p.id', 'r.page_id')
    .select(['p.id', 'p.slug', 'p.kind', 'p.deleted_at'])
    .where('r.from_slug', '=', slug)
    .executeTakeFirst()
  return row ? { pageId: row.id, slug: row.slug, kind: row.kind, deleted: row.deleted_at !== null } : null
}

/** Records that the page left `from` for `to`: `to` stops redirecting anywhere, `from` now leads to the page. */
export async function recordMove(db: DB, move: { pageId: string; from: string; to: string; actorId: string }): Promise<void> {
  await db.deleteFrom('page_redirects').where('from_slug', 'in', [move.from, move.to]).execute()
  await db.insertInto('page_redirects').values({ from_slug: move.from, page_id: move.pageId, created_by: move.actorId, created_at: nowIso() }).execute()
}

/**
 * The current slug for each of these slugs that a page has left (and no live page holds):
 * revisions name products by slug, and a product may have moved since they were saved.
 */
export async function currentSlugs(db: DB, slugs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(slugs)]
  if (unique.length === 0) return new Map()
  const rows = await db
    .selectFrom('page_redirects as r')
    .innerJoin('pages as p', 'p.id', 'r.page_id')
    .leftJoin('pages as live', 'live.slug', 'r.from_slug')
    .select(['r.from_slug', 'p.slug'])
    .where('r.from_slug', 'in', unique)
    .where('live.id', 'is', null)
    .execute()
  return new Map(rows.map((r) => [r.from_slug, r.slug]))
}
