import type { PageContent } from './content'
import { blockKey, clash, FIELDS, hunks, sameHunk } from './merge'

/**
 * Whether the change a revision made (from `before`, its parent, to `after`) is still in
 * `published`, a later text built on it: the rule for marking a revision "approved" when a
 * later revision is published over it (docs/decisions/017-edits-kept-and-disputes.md).
 *
 * Both changes are seen from `before`, block by block as in merge.ts. A part of the change that
 * `published` did the same, or changed further (a later edit of the same block builds on it), is
 * kept; a part where `published` is exactly `before` again was undone — by a revert, or by a save
 * made from text older than it. One undone part is enough: a revision is approved whole or not.
 */
export function changeKept(before: PageContent, after: PageContent, published: PageContent): boolean {
  for (const field of FIELDS) {
    const [b, a, p] = [before, after, published].map((c) => JSON.stringify(c[field]))
    if (a !== b && p === b) return false
  }
  const base = (before.body.content ?? []).map(blockKey)
  const later = hunks(base, (published.body.content ?? []).map(blockKey))
  return hunks(base, (after.body.content ?? []).map(blockKey)).every((mine) => later.some((theirs) => sameHunk(mine, theirs) || clash(mine, theirs)))
}
