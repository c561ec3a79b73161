import { toCsv } from '#app/core/csv'
import { attributionOf, CONTENT_LICENCE } from '#app/core/content-licence'
import type { ClaimRecord } from '#app/models/claims.server'

/**
 * The public shape of a claim (DESIGN.md JSON API: { metric, value, asOf, undated, source, quote,
 * page }), the same in GET /api/v1/claims, the product API and the exports. Add fields, never rename.
 */
export function presentClaim(c: ClaimRecord, origin: string) {
  const pageUrl = `${origin}/${c.page.kind === 'product' ? 'products' : 'pages'}/${c.page.slug}`
  return {
    product: c.product,
    metric: c.metric,
    value: c.value,
    unit: c.unit,
    text: c.text,
    asOf: c.asOf,
    undated: c.undated,
    conflict: c.conflict,
    source: { id: c.source.id, title: c.source.title, publisher: c.source.publisher, kind: c.source.kind, selfReported: c.source.kind === 'vendor', url: c.source.url, publishedAt: c.source.publishedAt },
    quote: c.quote,
    page: c.page.slug,
    revisionId: c.revisionId,
    // A comparison shows its figures with their evidence; a product's own text is not shown as a
    // page, so its claims open their source.
    evidence: c.page.kind === 'comparison' ? `${origin}/pages/${c.page.slug}#fig-${c.ordinal}` : c.source.url,
    licence: CONTENT_LICENCE.id,
    attribution: attributionOf(pageUrl),
  }
}

export type ClaimView = ReturnType<typeof presentClaim>

const CSV_HEADER = [
  'product', 'metric', 'value', 'unit', 'text', 'as_of', 'undated', 'conflict', 'source_id', 'source_title', 'source_publisher', 'source_kind',
  'self_reported', 'source_url', 'source_published_at', 'quote', 'page', 'revision_id', 'evidence', 'licence', 'attribution',
] as const

export function claimCsvHeader(): string {
  return toCsv(CSV_HEADER, [])
}

export function claimCsvRows(claims: readonly ClaimView[]): string {
  if (claims.length === 0) return ''
  const csv = toCsv([], claims.map((c) => [
    c.product, c.metric, c.value, c.unit, c.text, c.asOf, c.undated, c.conflict, c.source.id, c.source.title, c.source.publisher, c.source.kind,
    c.source.selfReported, c.source.url, c.source.publishedAt, c.quote, c.page, c.revisionId, c.evidence, c.licence, c.attribution,
  ]))
  // toCsv writes the (empty) header line first.
  return csv.slice(csv.indexOf('\r\n') + 2)
}
