import { REVISION_STATUSES, type RevisionStatus } from './content'
import { isRecordId } from './record-id'

const DEFAULT_PAGE_SIZE = 50
const MAX_PAGE_SIZE = 500

export const isRevisionId = isRecordId

/**
 * The paging of a revision list from its query string: `before` (keyset: revisions older than
 * this id) and `limit` (1–500, default 50). Values that cannot be meant are ignored rather than
 * refused: a list is always shown.
 */
export function parseListQuery(params: URLSearchParams): { before: string | null; limit: number } {
  const before = params.get('before')
  const limit = Number(params.get('limit'))
  return {
    before: isRevisionId(before) ? before : null,
    limit: Number.isInteger(limit) && limit >= 1 ? Math.min(limit, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
  }
}

export function parseStatus(value: string | null): RevisionStatus | null {
  return (REVISION_STATUSES as readonly string[]).includes(value ?? '') ? (value as RevisionStatus) : null
}

/** The query string of the next (older) page, keeping the list's other parameters. */
export function olderPageQuery(params: URLSearchParams, next: string): string {
  const copy = new URLSearchParams(params)
  copy.set('before', next)
  return `?${copy.toString()}`
}

/** The query string of the first (newest) page, keeping filters but not the position. */
export function newestPageQuery(params: URLSearchParams): string {
  const copy = new URLSearchParams(params)
  copy.delete('before')
  const query = copy.toString()
  return query ? `?${query}` : '?'
}
