import { contentHideRefusal, type VisibilityChange } from '#app/core/moves'
import { lockRow, type DB } from '#app/models/db.server'
import { appendLog } from '#app/models/moderation.server'
import { clearStableRevision, getPageById, updatePageHeads } from '#app/models/pages.server'
import { findNewestVisibleApproved, getRevisionMeta, setRevisionVisibility } from '#app/models/revisions.server'
import { nowIso } from '#app/models/ids.server'

export interface SetRevisionVisibilityInput {
  actor: { id: string }
  revisionId: string
  change: VisibilityChange
  /** Whether the actor may take a hiding back (admins): a moderator can only add to what is hidden. */
  mayUnhide: boolean
}

export type SetRevisionVisibilityResult =
  | { ok: true; revision: { id: string; contentHidden: boolean; summaryHidden: boolean }; page: { slug: string; kind: string }; stableRevisionId: string | null }
  | { ok: false; status: 403 | 404 | 409; code: string; message: string }

/**
 * Hides (or, for an admin, shows again) a revision's content and summary, logged with its reason.
 * The snapshot is never touched. If the hidden revision is the one readers see, the page's stable
 * pointer moves back to the newest earlier approved revision whose content is visible (none: the
 * page has no stable revision until one is approved), so search, lists and caches follow it.
 */
export async function changeRevisionVisibility(db: DB, input: SetRevisionVisibilityInput): Promise<SetRevisionVisibilityResult> {
  return db.transaction().execute(async (trx): Promise<SetRevisionVisibilityResult> => {
    const peek = await getRevisionMeta(trx, input.revisionId)
    if (!peek) return { ok: false, status: 404, code: 'not_found', message: 'There is no such revision.' }
    await lockRow(trx, 'pages', peek.pageId)
    const [revision, page] = await Promise.all([getRevisionMeta(trx, input.revisionId), getPageById(trx, peek.pageId)])
    if (!revision || !page) return { ok: false, status: 404, code: 'not_found', message: 'There is no such revision.' }
    const content = input.change.hide.includes('content')
    const summary = input.change.hide.includes('summary')
    if (((revision.contentHidden && !content) || (revision.summaryHidden && !summary)) && !input.mayUnhide) {
      return { ok: false, status: 403, code: 'forbidden', message: 'Only an admin can show hidden text again.' }
    }
    if (content && !revision.contentHidden) {
      const refusal = contentHideRefusal(revision, page)
      if (refusal) return { ok: false, status: 409, code: 'current_revision', message: refusal }
    }
    if (content === revision.contentHidden && summary === revision.summaryHidden) {
      return { ok: false, status: 409, code: 'unchanged', message: 'Nothing to change: the revision is already shown that way.' }
    }
    await setRevisionVisibility(trx, revision.id, { content, summary })
    let stableRevisionId = page.stableRevisionId
    if (content && page.stableRevisionId === revision.id) {
      const previous = await findNewestVisibleApproved(trx, page.id, revision.id)
      stableRevisionId = previous?.id ?? null
      if (previous) {
        await updatePageHeads(trx, page.id, { stableRevisionId: previous.id, title: previous.content.title, summary: previous.content.summary, lang: previous.content.lang, updatedAt: nowIso() })
      } else {
        await clearStableRevision(trx, page.id)
      }
    }
    const added = (content && !revision.contentHidden) || (summary && !revision.summaryHidden)
    await appendLog(trx, {
      action: added ? 'revision.hide' : 'revision.unhide',
      actorId: input.actor.id,
      pageId: page.id,
      revisionId: revision.id,
      reason: input.change.note ? `${input.change.reason}: ${input.change.note}` : input.change.reason,
      detail: { reason: input.change.reason, content, summary, ...(stableRevisionId !== page.stableRevisionId ? { stableRevisionId } : {}) },
    })
    return { ok: true, revision: { id: revision.id, contentHidden: content, summaryHidden: summary }, page: { slug: page.slug, kind: page.kind }, stableRevisionId }
  })
}
