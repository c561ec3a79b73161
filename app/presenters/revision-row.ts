import type { RevisionStatus } from '#app/core/content'
import type { HistoryEntry } from '#app/models/history.server'

/** One revision in a list (history, contributions, recent changes), as loaders hand it to the UI. */
export interface RevisionRowView {
  id: string
  page: { slug: string; title: string; lang: string }
  parentId: string | null
  author: string
  summary: string
  status: RevisionStatus
  size: number
  /** Bytes added (positive) or removed (negative) since the revision it followed; null for a new page. */
  sizeChange: number | null
  createdAt: string
  restoresRevisionId: string | null
  /** Hidden by a moderator (decision 028): the list says so instead of showing the text. */
  contentHidden: boolean
  summaryHidden: boolean
}

export function presentRevisionRow(e: HistoryEntry): RevisionRowView {
  return {
    id: e.id,
    page: { slug: e.page.slug, title: e.page.title, lang: e.page.lang },
    parentId: e.parentId,
    author: e.author.username,
    summary: e.summary,
    status: e.status,
    size: e.size,
    sizeChange: e.parentSize === null ? null : e.size - e.parentSize,
    createdAt: e.createdAt,
    restoresRevisionId: e.restoresRevisionId,
    contentHidden: e.contentHidden,
    summaryHidden: e.summaryHidden,
  }
}
