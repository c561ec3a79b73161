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
  const content = JSON.parse(row.content) as PageContent
  const subjects = [...content.subjects.proprietary, ...content.subjects.alternatives].map((s) => `${s.name} ${s.vendor}`).join(' ')
  const facts = content.product ? `${content.product.aliases.join(' ')} ${content.product.vendor}` : ''
  const text = flattenDoc(content.body).text
  // Grouped numbers also as plain digits, so "200000" finds "200,000", "200.000" and "200 000".
  const numbers = compactNumbers(`${content.title} ${content.summary} ${text}`).join(' ')
  await db
    .insertInto('page_search')
    .values({ page_id: pageId, title: content.title, summary: content.summary, body: `${subjects} ${facts}\n${content.categories.join(' ')}\n${text}\n${numbers}` })
    .execute()
}

/** Rebuilds the index when it lags behind the pages (after the search migration, or a restore). */
export async function ensureSearchIndex(db: DB): Promise<number> {
  const indexed = await db.selectFrom('page_search').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const published = await db.selectFrom('pages').select('id').where('stable_revision_id', 'is not', null).execute()
  if (Number(indexed.n) === published.length) return 0
  for (const page of published) await indexPageForSearch(db, page.id)
  return published.length
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

/** Comparisons matching the query (products have their own search: listProducts in products.server). */
export async function searchPages(db: DB, q: string, limit = 20): Promise<SearchHit[]> {
  const query = compactQueryNumbers(q.trim().slice(0, 200))
  if (query === '') return []
  if (engineOf(db) === 'postgres') {
    const rows = await sql<{ slug: string; title: string; summary: string; lang: string; kind: string; snippet: string }>`
      select p.slug, p.title, p.summary, p.lang, p.kind,
        ts_headline('simple', s.body, websearch_to_tsquery('simple', ${query}),
          ${`StartSel=${START},StopSel=${STOP},MaxWords=24,MinWords=8,MaxFragments=1`}) as snippet
      from page_search s join pages p on p.id = s.page_id
      where s.tsv @@ websearch_to_tsquery('simple', ${query}) and p.kind = 'comparison'
      order by ts_rank(s.tsv, websearch_to_tsquery('simple', ${query})) desc, p.updated_at desc
      limit ${limit}`.execute(db)
    return rows.rows
  }
  const match = ftsQuery(query)
  if (!match) return []
  const rows = await sql<{ slug: string; title: string; summary: string; lang: string; kind: string; snippet: string }>`
    select p.slug, p.title, p.summary, p.lang, p.kind, snippet(page_search, 3, ${START}, ${STOP}, '…', 16) as snippet
    from page_search join pages p on p.id = page_search.page_id
    where page_search match ${match} and p.kind = 'comparison'
    order by bm25(page_search, 0, 10.0, 4.0, 1.0), p.updated_at desc
    limit ${limit}`.execute(db)
  return rows.rows
}
