import type { PageContent, SourceKind } from '#app/core/content'
import type { Lang } from '#app/core/lang'

/**
 * Demo seed data. Figure marks and citation nodes in `content.body` carry a source *key*
 * (`SeedSource.key`) in `sourceId`; the seeder swaps keys for the generated source ids.
 */
export interface SeedSource {
  key: string
  url: string
  title: string
  publisher: string
  /** YYYY, YYYY-MM or YYYY-MM-DD, or null when the source does not say. */
  publishedAt: string | null
  kind: SourceKind
  lang: Lang
  archiveUrl?: string | null
}

export interface SeedPage {
  slug: string
  /** Shown first on the home page. */
  featured: boolean
  /** The edit summary of the demo revision. */
  editSummary: string
  content: PageContent
}
