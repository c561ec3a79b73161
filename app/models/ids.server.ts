import { incrementBase32, monotonicFactory } from 'ulid'

const ulid = monotonicFactory()

/**
 * Ids are ULIDs in lower case: made by the app (portable across engines), sortable by creation
 * time, so "newest first" and keyset pagination order by id alone.
 */
export function newId(): string {
  return ulid().toLowerCase()
}

/**
 * A new id that sorts after `previous`. A revision's id must sort after its parent's: history
 * pages, the chain between the stable and the latest revision, and "where the head goes back to"
 * all order by id. One process's ids only grow, but with several app instances the parent may come
 * from another instance whose clock is ahead (or that wrote in the same millisecond with a larger
 * random part); then the id follows the parent's instead of the clock.
 */
export function newIdAfter(previous: string | null): string {
  const id = newId()
  if (previous === null || id > previous) return id
  return incrementBase32(previous.toUpperCase()).toLowerCase()
}

export function nowIso(date: Date = new Date()): string {
  return date.toISOString()
}
