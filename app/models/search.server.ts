import { sql } from 'kysely'
import type { PageContent } from '#app/core/content'
import { flattenDoc } from '#app/core/plain-text'
import { compactNumbers, compactQueryNumbers } from '#app/core/product-search'
import { engineOf, type DB } from './db.server'

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

// Markers chosen because they cannot occur in validated content (control characters are refused).
const START = '\u0001'
const STOP = '\u0002'

/** The searchable text of a revision's content: the one row `page_search` keeps per page. */
export function searchDocument(content: PageContent): { title: string; summary: string; body: string } {
  const subjects = [...content.subjects.proprietary, ...content.subjects.alternatives].map((s) => `${s.name} ${s.vendor}`).join(' ')
  const facts = content.product ? `${content.product.aliases.join(' ')} ${content.product.vendor}` : ''
  const text = flattenDoc(content.body).text
  // Grouped numbers also as plain digits, so "200000" finds "200,000", "200.000" and "200 000".
  const numbers = compactNumbers(`${content.title} ${content.summary} ${text}`).join(' ')
  return { title: content.title, summary: content.summary, body: `${subjects} ${facts}\n${content.categories.join(' ')}\n${text}\n${numbers}` }
}

/**
 * Replaces the page's searchable text with its stable revision's (called when the stable revision
 * moves); `stable` is that revision's snapshot when the caller has read it already.
 */
export async function indexPageForSearch(db: DB, pageId: string, stable?: { content: string } | null): Promise<void> {
  const row =
    stable !== undefined
      ? stable
      : await db
          .selectFrom('pages')
          .innerJoin('revisions', 'revisions.id', 'pages.stable_revision_id')
          .select(['revisions.content'])
          .where('pages.id', '=', pageId)
          .executeTakeFirst()
  await db.deleteFrom('page_search').where('page_id', '=', pageId).execute()
  if (!row) return
  await db
    .insertInto('page_search')
    .values({ page_id: pageId, ...searchDocument(JSON.parse(row.content) as PageContent) })
    .execute()
}

/** Rebuilds the index when it lags behind the pages (after the search migration, or a restore). */
export async function ensureSearchIndex(db: DB): Promise<number> {
  const indexed = await db.selectFrom('page_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  // Counted first: at start-up, with 100,000 pages, reading every id only to compare two numbers
  // would cost more than the rest of the start.
  const published = await db.selectFrom('pages').select((eb) => eb.fn.countAll<number>().as('n')).where('stable_revision_id', 'is not', null).executeTakeFirstOrThrow()
  if (Number(indexed.n) === Number(published.n)) return 0
  const pages = await db.selectFrom('pages').select('id').where('stable_revision_id', 'is not', null).execute()
  for (const page of pages) await indexPageForSearch(db, page.id)
  return pages.length
}

/**
 * Words of the query as FTS5 phrases: every term quoted (so operators and punctuation typed by a
 * reader are text, never syntax), the last one as a prefix so results appear while typing.
 */
function ftsQuery(q: string): string | null {
  const terms = q.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.slice(0, 12) ?? []
  if (terms.length === 0) return null
  return terms.map((t, i) => `"${t.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' ')
}

/**
 * How many matches are ranked. A word found on most of 100,000 pages would otherwise have every
 * one of them read and scored to keep twenty; the engine ranks the most recently indexed
 * matches instead (on SQLite the newest rows of the index, on PostgreSQL the first the index
 * returns), so a search costs the same at any size. A reader looking past the first thousand
 * matches of a common word refines the query instead.
 */
const CANDIDATES = 1000

/** Comparisons matching the query (products have their own search: listProducts in products.server). */
export async function searchPages(db: DB, q: string, limit = 20): Promise<SearchHit[]> {
  const query = compactQueryNumbers(q.trim().slice(0, 200))
  if (query === '') return []
  if (engineOf(db) === 'postgres') {
    const rows = await sql<{ slug: string; title: string; summary: string; lang: string; kind: string; snippet: string }>`
      with query as (select websearch_to_tsquery('simple', ${query}) as q),
      candidates as (select s.page_id, s.body, s.tsv from page_search s, query where s.tsv @@ query.q limit ${CANDIDATES})
      select p.slug, p.title, p.summary, p.lang, p.kind,
        ts_headline('simple', c.body, query.q, ${`StartSel=${START},StopSel=${STOP},MaxWords=24,MinWords=8,MaxFragments=1`}) as snippet
      from candidates c join pages p on p.id = c.page_id, query
      where p.kind = 'comparison'
      order by ts_rank(c.tsv, query.q) desc, p.updated_at desc
      limit ${limit}`.execute(db)
    return rows.rows
  }
  const match = ftsQuery(query)
  if (!match) return []
  const rows = await sql<{ slug: string; title: string; summary: string; lang: string; kind: string; snippet: string }>`
    select p.slug, p.title, p.summary, p.lang, p.kind, snippet(page_search, 3, ${START}, ${STOP}, '…', 16) as snippet
    from page_search join pages p on p.id = page_search.page_id
    where page_search match ${match} and p.kind = 'comparison'
      and page_search.rowid >= coalesce((select rowid from page_search where page_search match ${match} order by rowid desc limit 1 offset ${CANDIDATES - 1}), 0)
    order by bm25(page_search, 0, 10.0, 4.0, 1.0), p.updated_at desc
    limit ${limit}`.execute(db)
  return rows.rows
}
