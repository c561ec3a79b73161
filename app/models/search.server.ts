import { sql } from 'kysely'
import type { PageContent } from '#app/core/content'
import { flattenDoc } from '#app/core/plain-text'
import { compactNumbers, compactQueryNumbers } from '#app/core/product-search'
import { queryWords, searchSnippet } from '#app/core/snippet'
import { engineOf, type DB } from './db.server'
import { nowIso } from './ids.server'
import { getMeta, insertMeta } from './meta.server'

export interface SearchHit {
  slug: string
  title: string
  summary: string
  lang: string
  /** `comparison` or `product` (decision 019). */
  kind: string
  /** Plain text with the matched words between \u0001 and \u0002; the presenter escapes it. */
  snippet: string
}

/** The searchable text of a revision's content: the one row `page_search` keeps per page. */
export function searchDocument(content: PageContent): { title: string; summary: string; body: string } {
  const subjects = [...content.subjects.proprietary, ...content.subjects.alternatives].map((s) => `${s.name} ${s.vendor}`).join(' ')
  const facts = content.product ? `${content.product.aliases.join(' ')} ${content.product.vendor}` : ''
  const text = flattenDoc(content.body).text
  // Grouped numbers also as plain digits, so "200000" finds "200,000", "200.000" and "200 000".
  const numbers = compactNumbers(`${content.title} ${content.summary} ${text}`).join(' ')
  return { title: content.title, summary: content.summary, body: `${subjects} ${facts}\n${content.categories.join(' ')}\n${text}\n${numbers}` }
}

/** Whether a page of this kind is in `page_search`: comparisons only; products have their own search (listProducts). */
export function isSearchIndexed(kind: string): boolean {
  return kind === 'comparison'
}

/**
 * Replaces the page's searchable text with its stable revision's (called when the stable revision
 * moves); `stable` is that revision's snapshot when the caller has read it already. A page
 * readers cannot find through this index gets no row: every search would read it only to drop it.
 */
export async function indexPageForSearch(db: DB, pageId: string, stable?: { kind: string; content: string } | null): Promise<void> {
  const row =
    stable !== undefined
      ? stable
      : await db
          .selectFrom('pages')
          .innerJoin('revisions', 'revisions.id', 'pages.stable_revision_id')
          .select(['pages.kind', 'revisions.content'])
          .where('pages.id', '=', pageId)
          .where('pages.deleted_at', 'is', null)
          .executeTakeFirst()
  await db.deleteFrom('page_search').where('page_id', '=', pageId).execute()
  if (!row || !isSearchIndexed(row.kind)) return
  await db
    .insertInto('page_search')
    .values({ page_id: pageId, ...searchDocument(JSON.parse(row.content) as PageContent) })
    .execute()
}

/** Rebuilds the index when it lags behind the pages: checked at the first start after an upgrade or a restore from before the marker. */
export async function ensureSearchIndex(db: DB): Promise<number> {
  // Checked once, then marked: every save keeps the index in step in its own transaction, and
  // counting both sides at every start read all 100,000 documents of a cold disk (2 s). A
  // migration that changes what is indexed deletes the marker.
  if ((await getMeta(db, SEARCH_MARKER)) !== null) return 0
  const indexed = await db.selectFrom('page_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  // The pages that should have a row (isSearchIndexed, as SQL).
  const indexable = () => db.selectFrom('pages').where('kind', '=', 'comparison').where('stable_revision_id', 'is not', null).where('deleted_at', 'is', null)
  const published = await indexable().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const pages = Number(indexed.n) === Number(published.n) ? [] : await indexable().select('id').execute()
  for (const page of pages) await indexPageForSearch(db, page.id)
  await insertMeta(db, SEARCH_MARKER, nowIso())
  return pages.length
}

const SEARCH_MARKER = 'search_indexed_at'

/**
 * Words of the query as FTS5 phrases: every term quoted (so operators and punctuation typed by a
 * reader are text, never syntax); with `prefixLast`, the last one as a prefix.
 */
function ftsQuery(q: string, prefixLast: boolean): string | null {
  const terms = q.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.slice(0, 12) ?? []
  if (terms.length === 0) return null
  return terms.map((t, i) => `"${t.replace(/"/g, '""')}"${prefixLast && i === terms.length - 1 ? '*' : ''}`).join(' ')
}

/**
 * How many matches are ranked: the most recently indexed ones (a page is indexed again whenever
 * its stable revision moves). A word found on most of 100,000 pages would otherwise have every
 * one of them read and scored to keep twenty, so a search ranks a bounded set of candidates and
 * costs about the same at any size; a reader looking past them refines the query instead.
 * - SQLite scores from FTS5's posting lists, about 2 µs a candidate, and finds the newest by rowid.
 * - PostgreSQL scores from each candidate's row (its tsvector), so it ranks fewer. Its planner
 *   knows from the column's statistics how common each word is: for a common word it walks the
 *   newest rows (`page_search_seq`, migration 0102) and stops after enough matches; for a rarer
 *   one it reads the GIN index's matches and sorts them. The query's words are inlined as
 *   `websearch_to_tsquery(…)`, not a CTE, so the planner sees them.
 */
const CANDIDATES = { sqlite: 1000, postgres: 250 } as const

/** A ranked match: the page, and where its row sits in the index (FTS5 finds a row by rowid only). */
interface Match {
  page_id: string
  rowid?: number
}

/** The best `limit` matches among the candidates, best first; nothing but their keys read. */
async function rankMatches(db: DB, query: string, prefixLast: boolean, limit: number): Promise<Match[]> {
  if (engineOf(db) === 'postgres') {
    // PostgreSQL's web-search syntax has no prefix; a reader's quotes, "or" and "-" work instead.
    if (prefixLast) return []
    const q = sql`websearch_to_tsquery('simple', ${query})`
    const rows = await sql<Match>`
      select page_id from (
        select page_id, tsv, seq from page_search where tsv @@ ${q} order by seq desc limit ${CANDIDATES.postgres}
      ) candidates
      order by ts_rank(tsv, ${q}) desc, seq desc
      limit ${limit}`.execute(db)
    return rows.rows
  }
  const match = ftsQuery(query, prefixLast)
  if (!match) return []
  // Ties go to the most recently indexed page (its stable revision moved last).
  const rows = await sql<Match>`
    select page_id, rowid from page_search
    where page_search match ${match}
      and rowid >= coalesce((select rowid from page_search where page_search match ${match} order by rowid desc limit 1 offset ${CANDIDATES.sqlite - 1}), 0)
    order by bm25(page_search, 0, 10.0, 4.0, 1.0), rowid desc
    limit ${limit}`.execute(db)
  return rows.rows
}

/** The indexed text of the matches shown, for their snippets. */
async function bodiesOf(db: DB, matches: readonly Match[]): Promise<Map<string, string>> {
  const query = db.selectFrom('page_search').select(['page_id', 'body'])
  const rows = await (engineOf(db) === 'postgres' ? query.where('page_id', 'in', matches.map((m) => m.page_id)) : query.where(sql.ref('rowid'), 'in', matches.map((m) => m.rowid!))).execute()
  return new Map(rows.map((r) => [r.page_id, r.body]))
}

/**
 * Comparisons matching the query (products have their own search: listProducts in products.server).
 * Whole words first; the last word counts as the start of a word only when whole words find less
 * than a page, as when it is still being typed ("collab"). A prefix reads every indexed word that
 * starts with it, so a common word searched whole costs no more at 100,000 pages than at 100.
 */
export async function searchPages(db: DB, q: string, limit = 20): Promise<SearchHit[]> {
  const query = compactQueryNumbers(q.trim().slice(0, 200))
  if (query === '') return []
  let matches = await rankMatches(db, query, false, limit)
  let prefixLast = false
  if (matches.length < limit) {
    const typed = await rankMatches(db, query, true, limit)
    if (typed.length > matches.length) [matches, prefixLast] = [typed, true]
  }
  if (matches.length === 0) return []
  const [pages, bodies] = await Promise.all([
    db.selectFrom('pages').select(['id', 'slug', 'title', 'summary', 'lang', 'kind']).where('id', 'in', matches.map((m) => m.page_id)).execute(),
    bodiesOf(db, matches),
  ])
  const byId = new Map(pages.map((p) => [p.id, p]))
  const words = queryWords(query)
  return matches.flatMap(({ page_id }) => {
    const page = byId.get(page_id)
    return page ? [{ slug: page.slug, title: page.title, summary: page.summary, lang: page.lang, kind: page.kind, snippet: searchSnippet(bodies.get(page_id) ?? '', words, { prefixLast }) }] : []
  })
}
