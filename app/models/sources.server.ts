import { sql } from 'kysely'
import type { SourceKind } from '#app/core/content'
import type { DB } from './db.server'
import { nowIso } from './ids.server'
import { stablePageOf } from './stable-pages.server'

export interface Source {
  id: string
  url: string
  title: string
  publisher: string
  publishedAt: string | null
  kind: SourceKind
  lang: string | null
  archiveUrl: string | null
  createdAt: string
  linkStatus: string | null
  linkHttpStatus: number | null
  linkCheckedAt: string | null
}

const columns = [
  'id', 'url', 'title', 'publisher', 'published_at', 'kind', 'lang', 'archive_url', 'created_at',
  'link_status', 'link_http_status', 'link_checked_at',
] as const

type Row = {
  id: string; url: string; title: string; publisher: string; published_at: string | null; kind: string
  lang: string | null; archive_url: string | null; created_at: string; link_status: string | null
  link_http_status: number | null; link_checked_at: string | null
}

function toSource(row: Row): Source {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    publishedAt: row.published_at,
    kind: row.kind as SourceKind,
    lang: row.lang,
    archiveUrl: row.archive_url,
    createdAt: row.created_at,
    linkStatus: row.link_status,
    linkHttpStatus: row.link_http_status === null ? null : Number(row.link_http_status),
    linkCheckedAt: row.link_checked_at,
  }
}

export async function getSource(db: DB, id: string): Promise<Source | null> {
  const row = await db.selectFrom('sources').select(columns).where('id', '=', id).executeTakeFirst()
  return row ? toSource(row) : null
}

export async function getSourcesByIds(db: DB, ids: readonly string[]): Promise<Map<string, Source>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('sources').select(columns).where('id', 'in', unique).execute()
  return new Map(rows.map((r) => [r.id, toSource(r)]))
}

/** Which of these ids name a source: the analysis asks before deciding a figure is cited. */
export async function existingSourceIds(db: DB, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)].filter((id) => id.length <= 64)
  if (unique.length === 0) return new Set()
  const rows = await db.selectFrom('sources').select('id').where('id', 'in', unique).execute()
  return new Set(rows.map((r) => r.id))
}

export async function getSourceByUrlKey(db: DB, urlKey: string): Promise<Source | null> {
  const row = await db.selectFrom('sources').select(columns).where('url_key', '=', urlKey).executeTakeFirst()
  return row ? toSource(row) : null
}

export interface NewSourceRecord {
  id: string
  url: string
  urlKey: string
  title: string
  publisher: string
  publishedAt: string | null
  kind: SourceKind
  lang: string | null
  archiveUrl: string | null
  createdAt: string
  createdBy: string | null
}

export async function insertSource(db: DB, s: NewSourceRecord): Promise<void> {
  await db
    .insertInto('sources')
    .values({
      id: s.id,
      url: s.url,
      url_key: s.urlKey,
      title: s.title,
      publisher: s.publisher,
      published_at: s.publishedAt,
      kind: s.kind,
      lang: s.lang,
      archive_url: s.archiveUrl,
      created_at: s.createdAt,
      created_by: s.createdBy,
      link_status: null,
      link_http_status: null,
      link_checked_at: null,
    })
    .execute()
}

/**
 * Sources whose title, publisher or URL contains `q` (case-insensitive), newest first. Keyset
 * pages: `before` gives the page after the one ending at that id, `after` the page before the one
 * starting there (still newest first).
 */
export async function searchSources(db: DB, options: { q?: string; kind?: SourceKind | null; limit: number; before?: string | null; after?: string | null }): Promise<Source[]> {
  let query = db.selectFrom('sources').select(columns)
  const q = options.q?.trim().toLowerCase()
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['title']), 'like', eb.val(pattern)),
        eb(eb.fn('lower', ['publisher']), 'like', eb.val(pattern)),
        eb(eb.fn('lower', ['url']), 'like', eb.val(pattern)),
      ]),
    )
  }
  if (options.kind) query = query.where('kind', '=', options.kind)
  if (options.before) query = query.where('id', '<', options.before)
  if (options.after) {
    const rows = await query.where('id', '>', options.after).orderBy('id', 'asc').limit(options.limit).execute()
    return rows.reverse().map(toSource)
  }
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute()
  return rows.map(toSource)
}

/** How many pages cite each source in what readers see (their stable revisions): a derived count, read not computed. */
export async function countCitingPages(db: DB, sourceIds: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(sourceIds)]
  if (unique.length === 0) return new Map()
  const rows = await db.selectFrom('sources').select(['id', 'citing_pages']).where('id', 'in', unique).execute()
  return new Map(rows.map((r) => [r.id, Number(r.citing_pages)]))
}

/**
 * Replaces the page's row set in `page_sources` with the sources its stable revision cites
 * (none while it has no stable revision or is deleted), and moves `sources.citing_pages` by the
 * difference. Called wherever the stable revision moves, like the search and product indexes.
 */
export async function indexPageSources(db: DB, pageId: string): Promise<void> {
  const page = await db.selectFrom('pages').select(['stable_revision_id', 'deleted_at']).where('id', '=', pageId).executeTakeFirst()
  const revisionId = page && page.deleted_at === null ? page.stable_revision_id : null
  const cited = new Set<string>()
  if (revisionId) {
    const fromFigures = await db.selectFrom('figures').select('source_id').distinct().where('revision_id', '=', revisionId).where('source_id', 'is not', null).execute()
    const fromCitations = await db.selectFrom('citations').select('source_id').distinct().where('revision_id', '=', revisionId).execute()
    for (const row of [...fromFigures, ...fromCitations]) if (row.source_id) cited.add(row.source_id)
  }
  const before = new Set((await db.selectFrom('page_sources').select('source_id').where('page_id', '=', pageId).execute()).map((r) => r.source_id))
  // Sorted, so that two pages' transactions take the rows of shared sources in the same order.
  const added = [...cited].filter((id) => !before.has(id)).sort()
  const removed = [...before].filter((id) => !cited.has(id)).sort()
  for (let i = 0; i < removed.length; i += CHUNK) {
    const ids = removed.slice(i, i + CHUNK)
    await db.deleteFrom('page_sources').where('page_id', '=', pageId).where('source_id', 'in', ids).execute()
    await db.updateTable('sources').set((eb) => ({ citing_pages: eb('citing_pages', '-', 1) })).where('id', 'in', ids).execute()
  }
  for (let i = 0; i < added.length; i += CHUNK) {
    const ids = added.slice(i, i + CHUNK)
    await db.insertInto('page_sources').values(ids.map((source_id) => ({ page_id: pageId, source_id }))).execute()
    await db.updateTable('sources').set((eb) => ({ citing_pages: eb('citing_pages', '+', 1) })).where('id', 'in', ids).execute()
  }
}

/**
 * Builds `page_sources` and the counts from scratch, in two statements (after migration 0080, a
 * restore, or the scale generator's bulk writes).
 */
export async function rebuildSourceUses(db: DB): Promise<void> {
  await db.deleteFrom('page_sources').execute()
  await sql`
    insert into page_sources (page_id, source_id)
    select p.id, f.source_id from pages p join figures f on f.revision_id = p.stable_revision_id
      where p.deleted_at is null and f.source_id is not null
    union
    select p.id, c.source_id from pages p join citations c on c.revision_id = p.stable_revision_id
      where p.deleted_at is null`.execute(db)
  await sql`update sources set citing_pages = (select count(*) from page_sources ps where ps.source_id = sources.id)`.execute(db)
}

/** Rebuilds the source uses once when they were never built (after migration 0080). */
export async function ensureSourceUsesIndex(db: DB): Promise<boolean> {
  const marker = await db.selectFrom('meta').select('value').where('key', '=', MARKER).executeTakeFirst()
  if (marker) return false
  await rebuildSourceUses(db)
  await db.insertInto('meta').values({ key: MARKER, value: nowIso() }).execute()
  return true
}

const MARKER = 'source_uses_indexed_at'
const CHUNK = 200

export interface CitingUse {
  page: { slug: string; title: string }
  revisionId: string
  kind: 'figure' | 'citation'
  text: string | null
  quote: string | null
  asOf: string | null
}

/** The sort key of a source's uses: newest citing revision first; in one revision figures, then citations. */
export type SourceUseKey = [revisionId: string, kind: 'figure' | 'citation', ordinal: number]
const RANK = { figure: 0, citation: 1 } as const

/**
 * Where a source is cited in what readers see (the stable revision of each page), a keyset page
 * at a time: walking the (source, revision, ordinal) indexes newest first, each use is checked
 * against the pages' stable revisions, so a page of a source cited ten thousand times costs about
 * what a page of one cited ten times does. Within a revision the uses come in document order.
 */
export async function listSourceUses(db: DB, sourceId: string, page: { limit: number; after?: SourceUseKey | null }): Promise<{ uses: CitingUse[]; next: SourceUseKey | null }> {
  const after = page.after ?? null
  const [figurePage, citationPage] = [stablePageOf(db, 'f'), stablePageOf(db, 'c')]
  let figures = db
    .selectFrom('figures as f')
    .crossJoin(figurePage.table)
    .where(figurePage.on)
    .select(['p.slug', 'p.title', 'f.revision_id', 'f.text', 'f.quote', 'f.as_of', 'f.ordinal'])
    .where('f.source_id', '=', sourceId)
  let citations = db
    .selectFrom('citations as c')
    .crossJoin(citationPage.table)
    .where(citationPage.on)
    .select(['p.slug', 'p.title', 'c.revision_id', 'c.quote', 'c.ordinal'])
    .where('c.source_id', '=', sourceId)
  if (after) {
    const [revisionId, kind, ordinal] = after
    figures = kind === 'figure'
      ? figures.where((eb) => eb(eb.refTuple('f.revision_id', 'f.ordinal'), '<', eb.tuple(revisionId, ordinal)))
      : figures.where('f.revision_id', '<', revisionId)
    citations = kind === 'figure'
      ? citations.where('c.revision_id', '<=', revisionId)
      : citations.where((eb) => eb(eb.refTuple('c.revision_id', 'c.ordinal'), '<', eb.tuple(revisionId, ordinal)))
  }
  const [figureRows, citationRows] = await Promise.all([
    figures.orderBy('f.revision_id', 'desc').orderBy('f.ordinal', 'desc').limit(page.limit + 1).execute(),
    citations.orderBy('c.revision_id', 'desc').orderBy('c.ordinal', 'desc').limit(page.limit + 1).execute(),
  ])
  const rows = [
    ...figureRows.map((f) => ({ key: [f.revision_id, 'figure', Number(f.ordinal)] as SourceUseKey, use: { page: { slug: f.slug, title: f.title }, revisionId: f.revision_id, kind: 'figure' as const, text: f.text, quote: f.quote, asOf: f.as_of } })),
    ...citationRows.map((c) => ({ key: [c.revision_id, 'citation', Number(c.ordinal)] as SourceUseKey, use: { page: { slug: c.slug, title: c.title }, revisionId: c.revision_id, kind: 'citation' as const, text: null, quote: c.quote, asOf: null } })),
  ].sort((a, b) => (a.key[0] !== b.key[0] ? (a.key[0] < b.key[0] ? 1 : -1) : RANK[a.key[1]] - RANK[b.key[1]] || b.key[2] - a.key[2]))
  const shown = rows.slice(0, page.limit)
  const next = rows.length > page.limit ? shown[shown.length - 1]!.key : null
  // Document order within each revision (the walk went backwards through it).
  shown.sort((a, b) => (a.key[0] !== b.key[0] ? (a.key[0] < b.key[0] ? 1 : -1) : RANK[a.key[1]] - RANK[b.key[1]] || a.key[2] - b.key[2]))
  return { uses: shown.map((r) => r.use), next }
}
