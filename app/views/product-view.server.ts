import type { DB } from '../models/db.server'
import { getPageBySlug, type PageRecord } from '../models/pages.server'
import {
  comparisonsNaming, getProduct, keyFiguresOf, listAlternativesTo, listAlternativeTargets,
  type ComparisonRef, type KeyFigure, type ProductFilters, type ProductSummary,
} from '../models/products.server'

export interface ProductView {
  page: PageRecord
  product: ProductSummary
  keyFigures: KeyFigure[]
  alternatives: ProductSummary[]
  alternativeTo: ProductSummary[]
  comparisons: ComparisonRef[]
}

/** A product as readers see it: the facts of its stable revision and what links to it. */
export async function loadProductView(db: DB, slug: string): Promise<ProductView | null> {
  const product = await getProduct(db, slug)
  if (!product) return null
  const page = (await getPageBySlug(db, slug))!
  const [figures, alternatives, alternativeTo, comparisons] = await Promise.all([
    keyFiguresOf(db, [product.pageId]),
    product.kind === 'proprietary' ? listAlternativesTo(db, slug, {}) : Promise.resolve([]),
    product.kind === 'open-source' ? listAlternativeTargets(db, product.pageId) : Promise.resolve([]),
    comparisonsNaming(db, [product]),
  ])
  return { page, product, keyFigures: figures.get(product.pageId) ?? [], alternatives, alternativeTo, comparisons: comparisons.get(slug) ?? [] }
}

export interface AlternativeRow {
  product: ProductSummary
  keyFigures: KeyFigure[]
  comparisons: ComparisonRef[]
}

/** The open-source alternatives to a product, filtered, each with its key figures and comparisons. */
export async function loadAlternatives(db: DB, slug: string, filters: ProductFilters): Promise<{ product: ProductSummary; alternatives: AlternativeRow[]; total: number } | null> {
  const product = await getProduct(db, slug)
  if (!product) return null
  const [alternatives, all] = await Promise.all([listAlternativesTo(db, slug, filters), hasFilters(filters) ? listAlternativesTo(db, slug, {}) : null])
  const [figures, comparisons] = await Promise.all([keyFiguresOf(db, alternatives.map((a) => a.pageId)), comparisonsNaming(db, alternatives)])
  return {
    product,
    total: all ? all.length : alternatives.length,
    alternatives: alternatives.map((a) => ({ product: a, keyFigures: figures.get(a.pageId) ?? [], comparisons: comparisons.get(a.slug) ?? [] })),
  }
}

function hasFilters(filters: ProductFilters): boolean {
  return Boolean(filters.category || filters.hosting || filters.licence || filters.kind)
}
