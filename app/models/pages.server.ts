import type { PageKind } from '#app/core/product'
import { indexClaims } from './claims.server'
import { engineOf, type DB } from './db.server'
import { indexPageFacts, readStablePage } from './products.server'
import { indexPageForSearch } from './search.server'
import { indexPageSources } from './sources.server'

export interface PageSummary {
  id: string
  slug: string
  title: string
  summary: string
  lang: string
  featured: boolean
  stableRevisionId: string | null
  latestRevisionId: string
  updatedAt: string
  createdAt: string
}

export interface PageRecord extends PageSummary {
  kind: PageKind
  protection: string | null
  protectionReason: string | null
  protectionExpiresAt: string | null
  /** Set while an admin has deleted the page (decision 028). */
  deletedAt: string | null
}

const pageColumns = [
  'id', 'slug', 'title', 'summary', 'lang', 'featured', 'stable_revision_id', 'latest_revision_id',
  'updated_at', 'created_at', 'protection', 'protection_reason', 'protection_expires_at', 'kind', 'deleted_at',
] as const

type PageSelection = {
  id: string; slug: string; title: string; summary: string; lang: string; featured: number
  stable_revision_id: string | null; latest_revision_id: string; updated_at: string; created_at: string
  protection: string | null; protection_reason: string | null; protection_expires_at: string | null; kind: string
  deleted_at: string | null
}

function toPage(row: PageSelection): PageRecord {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    lang: row.lang,
    featured: row.featured === 1,
    stableRevisionId: row.stable_revision_id,
    latestRevisionId: row.latest_revision_id,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    protection: row.protection,
    protectionReason: row.protection_reason,
    protectionExpiresAt: row.protection_expires_at,
    kind: row.kind as PageKind,
    deletedAt: row.deleted_at,
  }
}

/**
 * The page at this address. A deleted page is not found unless asked for (`includeDeleted`: an
 * admin's view, or a check that the address is taken): every reader path then answers 404, which
 * the route guard turns into 410 Gone (app/http/db-failure-response.server.ts).
 */
export async function getPageBySlug(db: DB, slug: string, options: { includeDeleted?: boolean } = {}): Promise<PageRecord | null> {
  let query = db.selectFrom('pages').select(pageColumns).where('slug', '=', slug)
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null)
  const row = await query.executeTakeFirst()
  return row ? toPage(row) : null
}

export async function getPageById(db: DB, id: string): Promise<PageRecord | null> {
  const row = await db.selectFrom('pages').select(pageColumns).where('id', '=', id).executeTakeFirst()
  return row ? toPage(row) : null
}

/**
 * The page read under its row lock, in one statement: on PostgreSQL `FOR UPDATE` waits for a
 * transaction holding the lock (a save of the same page) to end and then returns the row as it
 * committed; on SQLite the write transaction already holds the database's lock. A save holds the
 * lock for every statement after this one, so it spends no round trip on a separate lock.
 */
export async function lockPageBySlug(db: DB, slug: string): Promise<PageRecord | null> {
  const query = db.selectFrom('pages').select(pageColumns).where('slug', '=', slug)
  const row = await (engineOf(db) === 'postgres' ? query.forUpdate() : query).executeTakeFirst()
  return row ? toPage(row) : null
}

/** Pages readers can see (those with an approved revision), newest first. */
export async function listPublishedPages(db: DB, options: { limit?: number; featured?: boolean; kind?: PageKind; after?: PageListKey | null } = {}): Promise<PageSummary[]> {
  let query = db.selectFrom('pages').select(pageColumns).where('stable_revision_id', 'is not', null).where('deleted_at', 'is', null).where('kind', '=', options.kind ?? 'comparison')
  if (options.featured !== undefined) query = query.where('featured', '=', options.featured ? 1 : 0)
  // Keyset: the row after the last one shown, so a page costs the same however deep it is.
  const after = options.after
  if (after) query = query.where((eb) => eb(eb.refTuple('updated_at', 'id'), '<', eb.tuple(after.updatedAt, after.id)))
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 200).execute()
  return rows.map(toPage)
}

/** The sort key of the page list (updated_at, then id: two pages can share a time). */
export interface PageListKey {
  updatedAt: string
  id: string
}

export async function countCitedFiguresByRevision(db: DB, revisionIds: string[]): Promise<Map<string, number>> {
  if (revisionIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('figures')
    .select(['revision_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('revision_id', 'in', revisionIds)
    .where('cited', '=', 1)
    .groupBy('revision_id')
    .execute()
  return new Map(rows.map((r) => [r.revision_id, Number(r.count)]))
}

export async function insertPage(
  db: DB,
  page: { id: string; slug: string; title: string; summary: string; lang: string; latestRevisionId: string; featured?: boolean; createdAt: string; kind?: PageKind },
): Promise<void> {
  await db
    .insertInto('pages')
    .values({
      id: page.id,
      slug: page.slug,
      title: page.title,
      summary: page.summary,
      lang: page.lang,
      stable_revision_id: null,
      latest_revision_id: page.latestRevisionId,
      featured: page.featured ? 1 : 0,
      kind: page.kind ?? 'comparison',
      created_at: page.createdAt,
      updated_at: page.createdAt,
    })
    .execute()
}

/** Moves the page's heads; the title, summary and language follow the revision readers see. */
export async function updatePageHeads(
  db: DB,
  pageId: string,
  heads: { latestRevisionId?: string; stableRevisionId?: string; title?: string; summary?: string; lang?: string; updatedAt: string },
): Promise<void> {
  await db
    .updateTable('pages')
    .set({
      ...(heads.latestRevisionId !== undefined ? { latest_revision_id: heads.latestRevisionId } : {}),
      ...(heads.stableRevisionId !== undefined ? { stable_revision_id: heads.stableRevisionId } : {}),
      ...(heads.title !== undefined ? { title: heads.title } : {}),
      ...(heads.summary !== undefined ? { summary: heads.summary } : {}),
      ...(heads.lang !== undefined ? { lang: heads.lang } : {}),
      updated_at: heads.updatedAt,
    })
    .where('id', '=', pageId)
    .execute()
  // Search covers what readers see, so it follows the stable revision.
  if (heads.stableRevisionId !== undefined) {
    // Read once for both indexes; claims read the stable revision's figure rows.
    const stable = await readStablePage(db, pageId)
    await indexPageForSearch(db, pageId, stable)
    await indexPageFacts(db, pageId, stable)
    await indexClaims(db, pageId)
    await indexPageSources(db, pageId)
  }
}

/** Whether any page exists: one row read, where counting them read all 100,000 from a cold disk at start-up. */
export async function hasPages(db: DB): Promise<boolean> {
  return (await db.selectFrom('pages').select('id').limit(1).executeTakeFirst()) !== undefined
}

/** Who may edit the page, why, and until when (null: everyone who may edit; no expiry). */
export async function setPageProtection(db: DB, pageId: string, protection: { level: string | null; reason: string | null; expiresAt: string | null }): Promise<void> {
  await db
    .updateTable('pages')
    .set({ protection: protection.level, protection_reason: protection.reason, protection_expires_at: protection.expiresAt })
    .where('id', '=', pageId)
    .execute()
}

/** The page's new address; the caller records the old one as a redirect in the same transaction. */
export async function setPageSlug(db: DB, pageId: string, slug: string): Promise<void> {
  await db.updateTable('pages').set({ slug }).where('id', '=', pageId).execute()
}

/** Soft delete (a timestamp and who) or restore (null): the page's rows stay as they are. */
export async function setPageDeleted(db: DB, pageId: string, deleted: { at: string; by: string } | null): Promise<void> {
  await db.updateTable('pages').set({ deleted_at: deleted?.at ?? null, deleted_by: deleted?.by ?? null }).where('id', '=', pageId).execute()
  // Search, product lists, alternatives and categories are derived rows: rebuilt (to nothing
  // while deleted) from the stable revision.
  await indexPageForSearch(db, pageId)
  await indexPageFacts(db, pageId)
  await indexPageSources(db, pageId)
}

/** Readers see no revision of the page (its only approved one was hidden): it leaves search and lists. */
export async function clearStableRevision(db: DB, pageId: string): Promise<void> {
  await db.updateTable('pages').set({ stable_revision_id: null }).where('id', '=', pageId).execute()
  await indexPageForSearch(db, pageId)
  await indexPageFacts(db, pageId)
  await indexPageSources(db, pageId)
}
