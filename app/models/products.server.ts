import { sql, type Insertable } from 'kysely'
import { categoryFromText } from '#app/core/categories'
import type { PageContent } from '#app/core/content'
import { familiesOf, licenceIdsOf, type LicenceFamily } from '#app/core/licence'
import { nameKey, type Hosting, type PageKind, type ProductKind } from '#app/core/product'
import type { DB } from './db.server'
import { nowIso } from './ids.server'
import type { ProductIndexTable } from '#db/schema'
import { currentSlugs } from './page-redirects.server'

export interface ProductSummary {
  pageId: string
  slug: string
  name: string
  summary: string
  kind: ProductKind
  license: string
  vendor: string
  homepage: string
  repository: string
  hosting: Hosting
  aliases: string[]
  families: LicenceFamily[]
  categories: string[]
  updatedAt: string
}

export interface ProductFilters {
  category?: string | null
  kind?: ProductKind | null
  licence?: { family: LicenceFamily } | { id: string } | null
  hosting?: Hosting | null
}

const list = (values: readonly string[]) => ` ${values.join(' ')} `
const unlist = (value: string) => value.trim().split(' ').filter((v) => v !== '')

type IndexRow = {
  page_id: string; slug: string; name: string; summary: string; kind: string; license: string; vendor: string; homepage: string
  repository: string; hosting: string; aliases: string; families: string; categories: string; updated_at: string
}
const columns = ['page_id', 'slug', 'name', 'summary', 'kind', 'license', 'vendor', 'homepage', 'repository', 'hosting', 'aliases', 'families', 'categories', 'updated_at'] as const

function toSummary(row: IndexRow): ProductSummary {
  return {
    pageId: row.page_id, slug: row.slug, name: row.name, summary: row.summary, kind: row.kind as ProductKind, license: row.license,
    vendor: row.vendor, homepage: row.homepage, repository: row.repository, hosting: row.hosting as Hosting,
    aliases: JSON.parse(row.aliases) as string[], families: unlist(row.families) as LicenceFamily[], categories: unlist(row.categories), updatedAt: row.updated_at,
  }
}

export interface PageFactRows {
  page_categories: Array<{ page_id: string; category: string; kind: string; title: string }>
  product_index: Array<Insertable<ProductIndexTable>>
  product_names: Array<{ name_key: string; page_id: string }>
  product_links: Array<{ page_id: string; to_slug: string }>
  comparison_subjects: Array<{ page_id: string; side: string; product_slug: string | null; name_key: string }>
}

/** The rows derived from a page's stable revision: its categories, and its product facts or the products its subjects name. */
export function pageFactRows(page: { id: string; slug: string; kind: string; updatedAt: string }, content: PageContent): PageFactRows {
  const pageId = page.id
  const rows: PageFactRows = { page_categories: [], product_index: [], product_names: [], product_links: [], comparison_subjects: [] }
  const categories = [...new Set(content.categories.map(categoryFromText).filter((c): c is string => c !== null))]
  rows.page_categories = categories.map((category) => ({ page_id: pageId, category, kind: page.kind, title: content.title }))
  if (page.kind === 'product' && content.product) {
    const p = content.product
    rows.product_index.push({
      page_id: pageId, slug: page.slug, name: content.title, summary: content.summary, kind: p.kind, license: p.license, vendor: p.vendor,
      homepage: p.homepage, repository: p.repository, hosting: p.hosting, aliases: JSON.stringify(p.aliases),
      license_ids: list(licenceIdsOf(p.license)), families: list(familiesOf(p.license)), categories: list(categories),
      search_text: [content.title, ...p.aliases, p.vendor].join(' \u0001 ').toLowerCase(), updated_at: page.updatedAt,
    })
    const keys = [...new Set([content.title, page.slug, ...p.aliases].map(nameKey).filter((k) => k !== ''))]
    rows.product_names = keys.map((name_key) => ({ name_key, page_id: pageId }))
    if (p.kind === 'open-source') rows.product_links = [...new Set(p.alternativeTo)].map((to_slug) => ({ page_id: pageId, to_slug }))
  } else if (page.kind === 'comparison') {
    rows.comparison_subjects = [
      ...content.subjects.proprietary.map((s) => ({ side: 'proprietary', s })),
      ...content.subjects.alternatives.map((s) => ({ side: 'alternatives', s })),
    ].map(({ side, s }) => ({ page_id: pageId, side, product_slug: s.product ?? null, name_key: nameKey(s.name) }))
  }
  return rows
}

/**
 * Replaces the rows derived from a page's stable revision (pageFactRows). Called whenever the
 * stable revision moves.
 */
export async function indexPageFacts(db: DB, pageId: string, stable?: StablePageRow | null): Promise<void> {
  const row = stable === undefined ? await readStablePage(db, pageId) : stable
  const filedBefore = (await db.selectFrom('page_categories').select('category').where('page_id', '=', pageId).execute()).map((r) => r.category)
  await db.deleteFrom('page_categories').where('page_id', '=', pageId).execute()
  // A page keeps its kind for life, so only a product has product rows and only a comparison
  // subjects: the other kind's tables need no statement (a save holds the page's lock throughout).
  if (row?.kind !== 'product') await db.deleteFrom('comparison_subjects').where('page_id', '=', pageId).execute()
  if (row?.kind !== 'comparison') {
    await db.deleteFrom('product_links').where('page_id', '=', pageId).execute()
    await db.deleteFrom('product_names').where('page_id', '=', pageId).execute()
    await db.deleteFrom('product_index').where('page_id', '=', pageId).execute()
  }
  if (!row) return moveCategoryCounts(db, filedBefore, [])
  const rows = pageFactRows({ id: pageId, slug: row.slug, kind: row.kind, updatedAt: row.updated_at }, JSON.parse(row.content) as PageContent)
  // Snapshots name products by slug; a product that moved since is named by its new one.
  const moved = await currentSlugs(db, [...rows.product_links.map((l) => l.to_slug), ...rows.comparison_subjects.flatMap((s) => (s.product_slug ? [s.product_slug] : []))])
  rows.product_links = [...new Map(rows.product_links.map((l) => [moved.get(l.to_slug) ?? l.to_slug, l])).entries()].map(([to_slug, l]) => ({ ...l, to_slug }))
  rows.comparison_subjects = rows.comparison_subjects.map((s) => ({ ...s, product_slug: s.product_slug ? (moved.get(s.product_slug) ?? s.product_slug) : null }))
  if (rows.page_categories.length > 0) await db.insertInto('page_categories').values(rows.page_categories).execute()
  await moveCategoryCounts(db, filedBefore, rows.page_categories.map((r) => r.category))
  if (rows.product_index.length > 0) await db.insertInto('product_index').values(rows.product_index).execute()
  if (rows.product_names.length > 0) await db.insertInto('product_names').values(rows.product_names).execute()
  if (rows.product_links.length > 0) await db.insertInto('product_links').values(rows.product_links).execute()
  if (rows.comparison_subjects.length > 0) await db.insertInto('comparison_subjects').values(rows.comparison_subjects).execute()
}

/**
 * One page's filings moved from `before` to `after` in the category counts. Categories are taken
 * in slug order, so two saves filing pages under the same categories lock their count rows in
 * the same order and cannot deadlock.
 */
async function moveCategoryCounts(db: DB, before: readonly string[], after: readonly string[]): Promise<void> {
  const change = new Map<string, number>()
  for (const c of before) change.set(c, (change.get(c) ?? 0) - 1)
  for (const c of after) change.set(c, (change.get(c) ?? 0) + 1)
  for (const [category, delta] of [...change].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1))) {
    await db
      .insertInto('category_counts')
      .values({ category, pages: Math.max(0, delta) })
      .onConflict((oc) => oc.column('category').doUpdateSet({ pages: sql<number>`category_counts.pages + ${delta}` }))
      .execute()
  }
}

/** Counts every category's pages afresh (after a full rebuild of the filings, or a bulk load). */
export async function recountCategories(db: DB): Promise<void> {
  await db.deleteFrom('category_counts').execute()
  await sql`insert into category_counts (category, pages) select category, count(*) from page_categories group by category`.execute(db)
}

export interface StablePageRow {
  slug: string
  kind: string
  updated_at: string
  content: string
}

/** The page with its stable revision's snapshot, as the derived indexes need it (null: nothing published). */
export async function readStablePage(db: DB, pageId: string): Promise<StablePageRow | null> {
  const row = await db
    .selectFrom('pages')
    .innerJoin('revisions', 'revisions.id', 'pages.stable_revision_id')
    .select(['pages.slug', 'pages.kind', 'pages.updated_at', 'revisions.content'])
    .where('pages.id', '=', pageId)
    // A deleted page leaves every list (decision 028): it keeps no derived rows until restored.
    .where('pages.deleted_at', 'is', null)
    .executeTakeFirst()
  return row ?? null
}

/** Rebuilds the derived rows when they lag behind the pages (after migration 0020, or a restore). */
export async function ensureProductIndex(db: DB): Promise<number> {
  const marker = await db.selectFrom('meta').select('value').where('key', '=', 'page_facts_indexed_at').executeTakeFirst()
  if (marker) return 0
  const published = await db.selectFrom('pages').select('id').where('stable_revision_id', 'is not', null).where('deleted_at', 'is', null).execute()
  for (const page of published) await indexPageFacts(db, page.id)
  await recountCategories(db)
  await db.insertInto('meta').values({ key: 'page_facts_indexed_at', value: nowIso() }).execute()
  return published.length
}

export async function getPageKind(db: DB, slug: string): Promise<PageKind | null> {
  const row = await db.selectFrom('pages').select('kind').where('slug', '=', slug).executeTakeFirst()
  return row ? (row.kind as PageKind) : null
}

export async function getProduct(db: DB, slug: string): Promise<ProductSummary | null> {
  const row = await db.selectFrom('product_index').select(columns).where('slug', '=', slug).executeTakeFirst()
  return row ? toSummary(row) : null
}

export async function getProductsBySlugs(db: DB, slugs: readonly string[]): Promise<Map<string, ProductSummary>> {
  if (slugs.length === 0) return new Map()
  const rows = await db.selectFrom('product_index').select(columns).where('slug', 'in', [...new Set(slugs)]).execute()
  return new Map(rows.map((r) => [r.slug, toSummary(r)]))
}

/**
 * The slug of the product a person typed, by slug, name or alias ("Tchap", "tchap"); null when
 * none matches.
 */
export async function findProductSlug(db: DB, typed: string): Promise<string | null> {
  const value = typed.trim()
  if (value === '') return null
  if (await getProduct(db, value)) return value
  const key = nameKey(value)
  return (await getProductsByNameKeys(db, [key])).get(key)?.slug ?? null
}

/** Products by the key of a name or alias: how subjects saved before products find theirs. */
async function getProductsByNameKeys(db: DB, keys: readonly string[]): Promise<Map<string, ProductSummary>> {
  const wanted = [...new Set(keys)].filter((k) => k !== '')
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('product_names')
    .innerJoin('product_index', 'product_index.page_id', 'product_names.page_id')
    .select(['product_names.name_key', ...columns.map((c) => `product_index.${c}` as const)])
    .where('product_names.name_key', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.name_key, toSummary(r)]))
}

type Query = ReturnType<typeof baseQuery>
function baseQuery(db: DB) {
  return db.selectFrom('product_index').select(columns.map((c) => `product_index.${c}` as const))
}

function applyFilters(query: Query, filters: ProductFilters): Query {
  let q = query
  if (filters.kind) q = q.where('product_index.kind', '=', filters.kind)
  if (filters.category) q = q.where('product_index.categories', 'like', `% ${filters.category} %`)
  if (filters.hosting) {
    // "both" serves either wish.
    q = filters.hosting === 'both' ? q.where('product_index.hosting', '=', 'both') : q.where('product_index.hosting', 'in', [filters.hosting, 'both'])
  }
  const licence = filters.licence
  if (licence) q = 'family' in licence ? q.where('product_index.families', 'like', `% ${licence.family} %`) : q.where('product_index.license_ids', 'like', `% ${licence.id} %`)
  return q
}

/** Products in name order, a page at a time: `after` is the slug the previous page ended with. */
export async function listProducts(db: DB, filters: ProductFilters, page: { limit: number; after?: string | null; q?: string | null }): Promise<ProductSummary[]> {
  let query = applyFilters(baseQuery(db), filters)
  // Matched in an index alone, then only the matches read: PostgreSQL's trigram index (migration
  // 0103), or a scan of the (search_text, slug) index, a quarter of the cost of reading every
  // product's row in name order (migration 0101).
  if (page.q) query = query.where('product_index.slug', 'in', db.selectFrom('product_index as searched').select('searched.slug').where('searched.search_text', 'like', `%${escapeLike(page.q.toLowerCase())}%`))
  if (page.after) query = query.where('product_index.slug', '>', page.after)
  const rows = await query.orderBy('product_index.slug').limit(page.limit).execute()
  return rows.map(toSummary)
}

function escapeLike(value: string): string {
  // LIKE without ESCAPE treats only % and _ specially; drop them from what a reader typed.
  return value.replace(/[%_]/g, ' ').trim()
}

/** Open-source products linked as alternatives to `slug`, filtered. */
export async function listAlternativesTo(db: DB, slug: string, filters: ProductFilters): Promise<ProductSummary[]> {
  const rows = await applyFilters(baseQuery(db).innerJoin('product_links', 'product_links.page_id', 'product_index.page_id').where('product_links.to_slug', '=', slug), filters)
    .where('product_index.kind', '=', 'open-source')
    .orderBy('product_index.name')
    .limit(200)
    .execute()
  return rows.map(toSummary)
}

/** What an open-source product is linked as an alternative to. */
export async function listAlternativeTargets(db: DB, pageId: string): Promise<ProductSummary[]> {
  const links = await db.selectFrom('product_links').select('to_slug').where('page_id', '=', pageId).execute()
  return [...(await getProductsBySlugs(db, links.map((l) => l.to_slug))).values()].sort((a, b) => a.name.localeCompare(b.name))
}

export interface ComparisonRef {
  slug: string
  title: string
  lang: string
}

/**
 * The comparisons whose stable revision names each product: by its slug, or (revisions from
 * before products) by a subject name matching the product's name or an alias.
 */
export async function comparisonsNaming(db: DB, products: readonly Pick<ProductSummary, 'pageId' | 'slug'>[]): Promise<Map<string, ComparisonRef[]>> {
  const result = new Map<string, ComparisonRef[]>(products.map((p) => [p.slug, []]))
  if (products.length === 0) return result
  const names = await db.selectFrom('product_names').select(['name_key', 'page_id']).where('page_id', 'in', products.map((p) => p.pageId)).execute()
  const slugOfPage = new Map(products.map((p) => [p.pageId, p.slug]))
  const slugsOfKey = new Map<string, string[]>()
  for (const n of names) slugsOfKey.set(n.name_key, [...(slugsOfKey.get(n.name_key) ?? []), slugOfPage.get(n.page_id)!])
  const rows = await db
    .selectFrom('comparison_subjects')
    .innerJoin('pages', 'pages.id', 'comparison_subjects.page_id')
    .select(['comparison_subjects.product_slug', 'comparison_subjects.name_key', 'pages.slug', 'pages.title', 'pages.lang'])
    .where((eb) => {
      const bySlug = eb('comparison_subjects.product_slug', 'in', products.map((p) => p.slug))
      const keys = [...slugsOfKey.keys()]
      return keys.length === 0 ? bySlug : eb.or([bySlug, eb.and([eb('comparison_subjects.product_slug', 'is', null), eb('comparison_subjects.name_key', 'in', keys)])])
    })
    .orderBy('pages.title')
    .execute()
  for (const r of rows) {
    const targets = r.product_slug ? [r.product_slug] : (slugsOfKey.get(r.name_key) ?? [])
    for (const slug of targets) {
      const refs = result.get(slug)
      if (refs && !refs.some((c) => c.slug === r.slug)) refs.push({ slug: r.slug, title: r.title, lang: r.lang })
    }
  }
  return result
}

export interface KeyFigure {
  text: string
  value: number | null
  metric: string | null
  asOf: string | null
  source: { id: string; title: string; publisher: string; kind: string; url: string; publishedAt: string | null }
  quote: string | null
}

/**
 * The latest cited figure per metric in each product's stable revision (figures in product
 * fields follow the citation rule, so only cited ones count as key figures).
 */
export async function keyFiguresOf(db: DB, pageIds: readonly string[]): Promise<Map<string, KeyFigure[]>> {
  const result = new Map<string, KeyFigure[]>(pageIds.map((id) => [id, []]))
  if (pageIds.length === 0) return result
  const rows = await db
    .selectFrom('figures')
    .innerJoin('pages', (join) => join.onRef('pages.stable_revision_id', '=', 'figures.revision_id'))
    .innerJoin('sources', 'sources.id', 'figures.source_id')
    .select(['figures.page_id', 'figures.text', 'figures.value', 'figures.metric', 'figures.as_of', 'figures.quote', 'sources.id as source_id', 'sources.title', 'sources.publisher', 'sources.kind', 'sources.url', 'sources.published_at'])
    // Through the pages' stable revisions (figures_revision), not figures.page_id, which no index
    // covers: that read every figure of the wiki.
    .where('pages.id', 'in', [...pageIds])
    .where('figures.cited', '=', 1)
    .orderBy('figures.as_of', 'desc')
    .orderBy('figures.ordinal')
    .execute()
  for (const r of rows) {
    const figures = result.get(r.page_id)!
    const metric = r.metric ?? ''
    if (figures.some((f) => (f.metric ?? '') === metric)) continue
    figures.push({ text: r.text, value: r.value, metric: r.metric, asOf: r.as_of, quote: r.quote, source: { id: r.source_id, title: r.title, publisher: r.publisher, kind: r.kind, url: r.url, publishedAt: r.published_at } })
  }
  return result
}

/** Where a page of a category's comparisons ends: the title and id of its last one. */
export type CategoryCursor = [title: string, pageId: string]

/**
 * A page of the comparisons filed under a category in title order (keyset: `after` is where the
 * previous page ended), and the first of its products; `next` says where the following page starts.
 */
export async function listPagesInCategory(db: DB, category: string, page: { limit: number; products: number; after?: CategoryCursor | null }): Promise<{ comparisons: ComparisonRef[]; products: ProductSummary[]; moreProducts: boolean; next: CategoryCursor | null }> {
  let query = db
    .selectFrom('page_categories')
    .innerJoin('pages', 'pages.id', 'page_categories.page_id')
    .select(['pages.slug', 'pages.title', 'pages.lang', 'page_categories.title as sort_title', 'page_categories.page_id'])
    .where('page_categories.category', '=', category)
    .where('page_categories.kind', '=', 'comparison')
  if (page.after) {
    const [title, id] = page.after
    // A row value, so both engines seek the index to where the last page ended.
    query = query.where(sql<boolean>`(page_categories.title, page_categories.page_id) > (${title}, ${id})`)
  }
  const [rows, products] = await Promise.all([
    query.orderBy('page_categories.title').orderBy('page_categories.page_id').limit(page.limit + 1).execute(),
    page.after ? Promise.resolve([]) : listProducts(db, { category }, { limit: page.products + 1 }),
  ])
  const shown = rows.slice(0, page.limit)
  const last = shown[shown.length - 1]
  return {
    comparisons: shown.map((r) => ({ slug: r.slug, title: r.title, lang: r.lang })),
    products: products.slice(0, page.products),
    moreProducts: products.length > page.products,
    next: rows.length > page.limit && last ? [last.sort_title, last.page_id] : null,
  }
}

export async function countByCategory(db: DB): Promise<Map<string, number>> {
  const rows = await db.selectFrom('category_counts').select(['category', 'pages']).execute()
  return new Map(rows.map((r) => [r.category, Number(r.pages)]))
}

/** All product names and aliases with their slug: the candidates for a typo-tolerant match. */
export async function listProductNames(db: DB): Promise<{ name: string; slug: string; aliases: string[] }[]> {
  const rows = await db.selectFrom('product_index').select(['name', 'slug', 'aliases']).execute()
  return rows.map((r) => ({ name: r.name, slug: r.slug, aliases: JSON.parse(r.aliases) as string[] }))
}

/**
 * The subjects of a revision with the product each names: the slug it stores, or for revisions
 * from before products, the product whose name or alias matches its name.
 */
export async function resolveSubjects(db: DB, subjects: PageContent['subjects']): Promise<PageContent['subjects']> {
  const unnamed = [...subjects.proprietary, ...subjects.alternatives].filter((s) => !s.product).map((s) => nameKey(s.name))
  const byKey = await getProductsByNameKeys(db, unnamed)
  const link = <T extends { name: string; product?: string }>(s: T): T => (s.product ? s : byKey.has(nameKey(s.name)) ? { ...s, product: byKey.get(nameKey(s.name))!.slug } : s)
  return { proprietary: subjects.proprietary.map(link), alternatives: subjects.alternatives.map(link) }
}

/** A product's new address in the rows derived from it and from pages naming it (a move, decision 028). */
export async function renameProductInIndexes(db: DB, pageId: string, from: string, to: string): Promise<void> {
  await db.updateTable('product_index').set({ slug: to }).where('page_id', '=', pageId).execute()
  await db.updateTable('product_links').set({ to_slug: to }).where('to_slug', '=', from).execute()
  await db.updateTable('comparison_subjects').set({ product_slug: to }).where('product_slug', '=', from).execute()
}

/** The addresses of every published product. */
export async function listProductSlugs(db: DB): Promise<Set<string>> {
  return new Set((await db.selectFrom('product_index').select('slug').execute()).map((r) => r.slug))
}
