import type { Source } from '#app/models/sources.server'

/** The public shape of a source, in the API and in loader data alike (STYLE.md §14). */
export interface SourceView {
  id: string
  url: string
  title: string
  publisher: string
  publishedAt: string | null
  kind: Source['kind']
  /** A vendor writing about its own product: shown as a self-reported claim everywhere. */
  selfReported: boolean
  lang: string | null
  archiveUrl: string | null
  link: { status: string | null; httpStatus: number | null; checkedAt: string | null }
}

export function presentSource(s: Source): SourceView {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt,
    kind: s.kind,
    selfReported: s.kind === 'vendor',
    lang: s.lang,
    archiveUrl: s.archiveUrl,
    link: { status: s.linkStatus, httpStatus: s.linkHttpStatus, checkedAt: s.linkCheckedAt },
  }
}
