import type { Lang } from './lang'
import type { ProductFacts } from './product'

/** A Tiptap/ProseMirror JSON node, as stored in a revision snapshot. */
export interface DocNode {
  type: string
  attrs?: Record<string, unknown>
  content?: DocNode[]
  marks?: DocMark[]
  text?: string
}
export interface DocMark {
  type: string
  attrs?: Record<string, unknown>
}

/** Attributes of the `figure` mark: a number that states a fact, with its evidence. */
export interface FigureAttrs {
  sourceId: string | null
  /** The passage of the source that shows the number. */
  quote: string | null
  /**
   * YYYY, YYYY-MM or YYYY-MM-DD: the date the number is "as of", a real calendar date not after
   * its source's publication; or 'undated' when the source gives no date (app/core/as-of.ts).
   */
  asOf: string | null
  /**
   * What the number counts: a slug of the metric registry ("daily-active-users"); any other
   * value is an unregistered metric, described in `metricDefinition` (decision 026).
   */
  metric: string | null
  /** The written definition of an unregistered metric. */
  metricDefinition: string | null
  /** The slug of the product the number is about ("tchap"). */
  product: string | null
}


export const SOURCE_KINDS = ['official', 'press', 'vendor', 'audit', 'academic', 'community'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]

export interface Product {
  name: string
  vendor: string
  homepage: string
  /** The slug of the product this subject names (revisions from before products lack it). */
  product?: string
}
export interface Alternative extends Product {
  /** SPDX licence identifier, e.g. "AGPL-3.0-only". */
  license: string
  repository: string
}

/** The full snapshot stored in every revision (DESIGN.md, "The content model"). */
export interface PageContent {
  title: string
  summary: string
  lang: Lang
  subjects: { proprietary: Product[]; alternatives: Alternative[] }
  /** Slugs from the category registry (app/core/categories.ts); free text in older revisions. */
  categories: string[]
  body: DocNode
  /** Only in revisions of a product page (app/core/product.ts). */
  product?: ProductFacts
}

export const REVISION_STATUSES = ['pending', 'approved', 'rejected', 'conflict', 'superseded'] as const
export type RevisionStatus = (typeof REVISION_STATUSES)[number]
