import { monotonicFactory } from 'ulid'

const ulid = monotonicFactory()

/**
 * Ids are ULIDs in lower case: made by the app (portable across engines), sortable by creation
 * time, so "newest first" and keyset pagination order by id alone.
 */
export function newId(): string {
  return ulid().toLowerCase()
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString()
}
