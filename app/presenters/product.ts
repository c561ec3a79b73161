import type { KeyFigure, ProductSummary } from '#app/models/products.server'

/** A product as the JSON API lists it (DESIGN.md: slug, name, kind, license, vendor, categories). */
export function presentProductItem(p: ProductSummary) {
  // `aliases`: the cite dialog finds the product a figure is about by any of its names (decision 026).
  return { slug: p.slug, name: p.name, aliases: p.aliases, kind: p.kind, license: p.license, vendor: p.vendor, categories: p.categories }
}

export function presentProduct(p: ProductSummary) {
  return {
    ...presentProductItem(p),
    summary: p.summary, aliases: p.aliases, homepage: p.homepage || null, repository: p.repository || null, hosting: p.hosting,
    licenseFamilies: p.families, updatedAt: p.updatedAt,
  }
}

export function presentKeyFigure(f: KeyFigure) {
  return {
    value: f.value, text: f.text, metric: f.metric, asOf: f.asOf, undated: f.asOf === null,
    source: { id: f.source.id, title: f.source.title, publisher: f.source.publisher, kind: f.source.kind, url: f.source.url }, quote: f.quote,
  }
}
