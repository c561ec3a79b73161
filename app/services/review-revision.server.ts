import type { RequestActor } from '#app/auth/actor.server'
import { lockRow, type DB } from '#app/models/db.server'
import { isFieldName } from '#app/core/analyse'
import { listFigures, listFindings } from '#app/models/evidence.server'
import { nowIso } from '#app/models/ids.server'
import { appendLog, insertDecision } from '#app/models/moderation.server'
import { getPageById, updatePageHeads, type PageRecord } from '#app/models/pages.server'
import { findNewestLiveRevision, getRevision, listChainBetween, setRevisionStatus } from '#app/models/revisions.server'
import { promoteIfEarned } from './auto-trust.server'

export interface ReviewInput {
  moderator: Pick<RequestActor, 'id'>
  revisionId: string
  decision: 'approve' | 'reject'
  /** Public: shown in the moderation log and to the author. */
  reason: string
}

export type ReviewResult =
  | { ok: true; revisionId: string; status: 'approved' | 'rejected'; published: string[]; page: { slug: string } }
  | { ok: false; status: 404; code: 'not_found'; message: string }
  | { ok: false; status: 409; code: 'not_pending' | 'page_moved_on' | 'uncited_figures'; message: string; uncitedFigures?: Array<{ text: string; start: number; end: number }> }
  | { ok: false; status: 422; code: 'reason_required'; message: string }

/**
 * A moderator's decision, atomic: the revision's status changes only from `pending`, and the
 * unique decision row means a second moderator deciding at the same moment gets 409 and changes
 * nothing. Approving publishes the revision and the pending ones it builds on; a revision with an
 * uncited figure can never be approved (DESIGN.md, publication rule).
 */
export async function reviewRevision(db: DB, input: ReviewInput): Promise<ReviewResult> {
  const reason = input.reason.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 1000)
  if (input.decision === 'reject' && reason === '') return { ok: false, status: 422, code: 'reason_required', message: 'Give a public reason for rejecting the revision.' }
  const peek = await getRevision(db, input.revisionId)
  if (!peek) return { ok: false, status: 404, code: 'not_found', message: 'There is no such revision.' }
  return db.transaction().execute(async (trx) => {
    await lockRow(trx, 'pages', peek.pageId)
    const revision = (await getRevision(trx, input.revisionId))!
    const page = (await getPageById(trx, revision.pageId))!
    if (revision.status !== 'pending') {
      return { ok: false, status: 409, code: 'not_pending', message: `This revision is already ${revision.status}; nothing was changed.` }
    }
    if (page.stableRevisionId !== null && page.stableRevisionId > revision.id) {
      return { ok: false, status: 409, code: 'page_moved_on', message: 'A newer revision of this page is already published; this one can no longer be decided.' }
    }
    if (input.decision === 'reject') {
      if (!(await setRevisionStatus(trx, revision.id, ['pending'], 'rejected'))) return { ok: false, status: 409, code: 'not_pending', message: 'Another moderator decided this revision first; nothing was changed.' }
      await insertDecision(trx, { revisionId: revision.id, moderatorId: input.moderator.id, decision: 'reject', reason })
      await appendLog(trx, { action: 'revision.reject', actorId: input.moderator.id, pageId: page.id, revisionId: revision.id, targetUserId: revision.authorId, reason })
      if (page.latestRevisionId === revision.id) await retreatHead(trx, page, revision.id)
      return { ok: true, revisionId: revision.id, status: 'rejected', published: [], page: { slug: page.slug } }
    }
    // Figures in fields other than the body (title, summary, products, categories…) cannot be
    // cited at all; the save stored them as uncited-figure findings naming their field.
    const inFields = (await listFindings(trx, revision.id)).filter((f) => f.kind === 'uncited-figure' && isFieldName(f.category))
    const uncited = [...inFields, ...(await listFigures(trx, revision.id)).filter((f) => !f.cited)]
    if (uncited.length > 0) {
      return {
        ok: false, status: 409, code: 'uncited_figures',
        message: `This revision has ${uncited.length} uncited figure(s); it can be approved once each has a source, quote and as-of date.`,
        uncitedFigures: uncited.map((f) => ({ text: f.text, start: f.start ?? 0, end: f.end ?? 0 })),
      }
    }
    // The pending revisions between the stable one and this one are published with it.
    const chain = (await listChainBetween(trx, page.id, page.stableRevisionId, revision.id)).filter((r) => r.status === 'pending')
    const published: string[] = []
    for (const r of chain) {
      if (!(await setRevisionStatus(trx, r.id, ['pending'], 'approved'))) return { ok: false, status: 409, code: 'not_pending', message: 'Another moderator decided this revision first; nothing was changed.' }
      await insertDecision(trx, { revisionId: r.id, moderatorId: input.moderator.id, decision: 'approve', reason: r.id === revision.id ? reason : `Published with ${revision.id}` })
      published.push(r.id)
    }
    await updatePageHeads(trx, page.id, { stableRevisionId: revision.id, title: revision.content.title, summary: revision.content.summary, lang: revision.content.lang, updatedAt: nowIso() })
    await appendLog(trx, { action: 'revision.approve', actorId: input.moderator.id, pageId: page.id, revisionId: revision.id, targetUserId: revision.authorId, reason: reason || 'Approved', detail: published.length > 1 ? { alsoPublished: published.filter((id) => id !== revision.id) } : undefined })
    for (const authorId of new Set(chain.map((r) => r.authorId))) await promoteIfEarned(trx, authorId)
    return { ok: true, revisionId: revision.id, status: 'approved', published, page: { slug: page.slug } }
  })
}

/**
 * A rejected head is no longer what editors see and build on: the head goes back to the newest
 * revision still approved or pending, so the "changes pending review" banner and the editor
 * follow the queue, and the rejected text stays in the history (docs/decisions/014-pending-heads.md).
 * A page whose every revision was rejected keeps its head: there is nothing else to show.
 */
async function retreatHead(trx: DB, page: PageRecord, rejectedId: string): Promise<void> {
  const head = await findNewestLiveRevision(trx, page.id, rejectedId)
  if (!head) return
  // The page's title, summary and language follow its stable revision, or its head while it has none.
  const meta = page.stableRevisionId === null ? (await getRevision(trx, head.id))?.content : undefined
  await updatePageHeads(trx, page.id, { latestRevisionId: head.id, ...(meta ? { title: meta.title, summary: meta.summary, lang: meta.lang } : {}), updatedAt: nowIso() })
}
