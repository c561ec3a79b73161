import { revisionInSummary } from '#app/core/format'
import type { RequestActor } from '#app/auth/actor.server'
import type { DB } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { findRevisionByIdempotencyKey, getRevision } from '#app/models/revisions.server'
import { saveRevision, type SaveRevisionResult } from './save-revision.server'

export interface RevertInput {
  actor: Pick<RequestActor, 'id' | 'role' | 'blockedUntil'>
  slug: string
  /** The revision whose content comes back. */
  revisionId: string
  /** The page's latest revision when the editor opened the permalink (a concurrent edit merges or conflicts). */
  baseRevisionId: string | null
  idempotencyKey: string | null
}

export type RevertResult =
  | SaveRevisionResult
  | { ok: false; status: 404; code: 'not_found'; message: string }
  | { ok: false; status: 409; code: 'already_current' | 'content_hidden'; message: string }

/**
 * Reverting is saving (STYLE.md §10: revisions are append-only): a NEW revision with the old
 * revision's content, through `saveRevision`, so it is validated, merged with concurrent edits,
 * triaged (pending for editors who cannot publish) and idempotent like any edit.
 */
export async function revertRevision(db: DB, input: RevertInput): Promise<RevertResult> {
  const page = await getPageBySlug(db, input.slug)
  const target = await getRevision(db, input.revisionId)
  if (!page || !target || target.pageId !== page.id) return { ok: false, status: 404, code: 'not_found', message: 'There is no such revision of this page.' }
  // Hidden text never comes back by a revert (decision 028); an admin shows it again first.
  if (target.contentHidden) return { ok: false, status: 409, code: 'content_hidden', message: 'This revision’s content is hidden; it cannot be restored.' }
  // A resubmitted form is answered by saveRevision with the revision it first created; only a
  // fresh revert of content that is already current is refused.
  const repeat = input.idempotencyKey ? await findRevisionByIdempotencyKey(db, input.actor.id, input.idempotencyKey) : null
  if (!repeat) {
    const latest = await getRevision(db, page.latestRevisionId)
    if (latest && latest.contentHash === target.contentHash) return { ok: false, status: 409, code: 'already_current', message: 'This revision’s content is already the page’s current content.' }
  }
  return saveRevision(db, {
    actor: input.actor,
    slug: page.slug,
    baseRevisionId: input.baseRevisionId ?? page.latestRevisionId,
    content: target.content,
    summary: `Revert to ${revisionInSummary(target)}`,
    idempotencyKey: input.idempotencyKey,
    restoresRevisionId: target.id,
  })
}
