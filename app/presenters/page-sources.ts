import { toCsv, type CsvCell } from '#app/core/csv'
import type { PageView } from '#app/views/page-view.server'
import type { SourceView } from './source'

/**
 * The public shape of "every figure and citation of a page with its source": the table at
 * /pages/:slug/sources and its CSV and JSON exports. Field names are a contract for people who
 * download them; add fields, never rename.
 */
export interface PageSourcesExport {
  page: { slug: string; title: string; lang: string; url: string; revisionId: string; approvedAt: string }
  figures: Array<{
    number: number
    text: string
    value: number | null
    unit: string | null
    metric: string | null
    asOf: string | null
    ageMonths: number | null
    outdated: boolean
    notComparable: boolean
    cited: boolean
    quote: string | null
    quoteShowsFigure: boolean
    disputed: boolean
    source: SourceView | null
    linkStatus: string | null
    quoteFound: boolean | null
    quoteCheckedAt: string | null
  }>
  citations: Array<{
    number: number
    quote: string | null
    locator: string | null
    disputed: boolean
    source: SourceView | null
    linkStatus: string | null
    quoteFound: boolean | null
    quoteCheckedAt: string | null
  }>
}

export function presentPageSources(view: PageView, origin: string): PageSourcesExport {
  const source = (id: string | null) => (id ? (view.sources[id] ?? null) : null)
  return {
    page: {
      slug: view.page.slug,
      title: view.revision.content.title,
      lang: view.revision.content.lang,
      url: `${origin}/pages/${view.page.slug}`,
      revisionId: view.revision.id,
      approvedAt: view.revision.createdAt,
    },
    figures: view.figures.map((f) => ({
      number: f.ordinal + 1,
      text: f.text,
      value: f.value,
      unit: f.unit,
      metric: f.metric,
      asOf: f.asOf,
      ageMonths: f.ageMonths,
      outdated: f.outdated,
      notComparable: f.notComparable,
      cited: f.cited,
      quote: f.quote,
      quoteShowsFigure: f.quoteShowsFigure,
      disputed: f.disputed ?? false,
      source: source(f.sourceId),
      linkStatus: f.linkStatus ?? null,
      quoteFound: f.quoteFound ?? null,
      quoteCheckedAt: f.quoteCheckedAt ?? null,
    })),
    citations: view.citations.map((c) => ({
      number: c.n,
      quote: c.quote,
      locator: c.locator,
      disputed: c.disputed ?? false,
      source: source(c.sourceId),
      linkStatus: c.linkStatus ?? null,
      quoteFound: c.quoteFound ?? null,
      quoteCheckedAt: c.quoteCheckedAt ?? null,
    })),
  }
}

export const PAGE_SOURCES_CSV_HEADER = [
  'type', 'number', 'text', 'metric', 'as_of', 'age_months', 'outdated', 'not_comparable', 'quote', 'locator',
  'source_title', 'source_publisher', 'source_kind', 'self_reported', 'source_url', 'archive_url', 'link_status',
  'link_checked_at', 'quote_found', 'disputed',
] as const

/** One row per figure, then one per citation. Booleans as true/false, unknowns as empty cells. */
export function pageSourcesCsv(data: PageSourcesExport): string {
  const sourceCells = (s: SourceView | null): CsvCell[] => [s?.title, s?.publisher, s?.kind, s ? s.selfReported : null, s?.url, s?.archiveUrl]
  const rows: CsvCell[][] = [
    ...data.figures.map((f) => [
      'figure', f.number, f.text, f.metric, f.asOf, f.ageMonths, f.outdated, f.notComparable, f.quote, null,
      ...sourceCells(f.source), f.linkStatus, f.source?.link.checkedAt, f.quoteFound, f.disputed,
    ]),
    ...data.citations.map((c) => [
      'citation', c.number, null, null, null, null, null, null, c.quote, c.locator,
      ...sourceCells(c.source), c.linkStatus, c.source?.link.checkedAt, c.quoteFound, c.disputed,
    ]),
  ]
  return toCsv(PAGE_SOURCES_CSV_HEADER, rows)
}

/** Headers for a download: the type, and a file name made only of the slug's safe characters. */
export function downloadHeaders(slug: string, extension: 'csv' | 'json'): HeadersInit {
  const file = `${slug.replace(/[^a-z0-9-]/gi, '') || 'page'}-sources.${extension}`
  return {
    'content-type': extension === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${file}"`,
  }
}
