import type { RequestActor } from '#app/auth/actor.server'
import { changeKept } from '#app/core/change-kept'
import type { PageContent } from '#app/core/content'
import { lockRow, type DB } from '#app/models/db.server'
import { isFieldName } from '#app/core/analyse'
import { listFigures, listFindings } from '#app/models/evidence.server'
import { nowIso } from '#app/models/ids.server'
import { appendLog, insertDecision } from '#app/models/moderation.server'
import { getPageById, updatePageHeads, type PageRecord } from '#app/models/pages.server'
import { findNewestLiveRevision, getRevision, listChainBetween, setRevisionStatus, type RevisionMeta } from '#app/models/revisions.server'
import { promoteIfEarned } from './auto-trust.server'
import { settleUpheldReports } from './upheld-reports.server'
import { notify } from './notify.server'

export interface ReviewInput {
  moderator: Pick<RequestActor, 'id'>
  revisionId: string
  decision: 'approve' | 'reject'
  /** Public: shown in the moderation log and to the author. */
  reason: string
}

export type ReviewResult =
  | { ok: true; revisionId: string; status: 'approved' | 'rejected'; published: string[]; superseded: string[]; page: { slug: string } }
  | { ok: false; status: 404; code: 'not_found'; message: string }
  | { ok: false; status: 409; code: 'not_pending' | 'page_moved_on' | 'uncited_figures' | 'content_hidden'; message: string; uncitedFigures?: Array<{ text: string; start: number; end: number }> }
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
    // Hidden text is never published (decision 028); rejecting it stays possible.
    if (input.decision === 'approve' && revision.contentHidden) {
      return { ok: false, status: 409, code: 'content_hidden', message: 'The content of this revision is hidden; it cannot be approved.' }
    }
    if (input.decision === 'reject') {
      if (!(await setRevisionStatus(trx, revision.id, ['pending'], 'rejected'))) return { ok: false, status: 409, code: 'not_pending', message: 'Another moderator decided this revision first; nothing was changed.' }
      await insertDecision(trx, { revisionId: revision.id, moderatorId: input.moderator.id, decision: 'reject', reason })
      await appendLog(trx, { action: 'revision.reject', actorId: input.moderator.id, pageId: page.id, revisionId: revision.id, targetUserId: revision.authorId, reason })
      if (page.latestRevisionId === revision.id) await retreatHead(trx, page, revision.id)
      await notify(trx, { kind: 'decision', subject: { kind: 'page', id: page.id }, actorId: input.moderator.id, revisionId: revision.id, detail: { decision: 'reject', reason, parentId: revision.parentId } }, { userIds: [revision.authorId] })
      return { ok: true, revisionId: revision.id, status: 'rejected', published: [], superseded: [], page: { slug: page.slug } }
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
    // The pending revisions between the stable one and this one are published with it — those
    // whose change is still in its text; one that a later revision undid (a revert, a save from
    // older text) is superseded, not approved: its change never reaches readers (decision 017).
    const chain = (await listChainBetween(trx, page.id, page.stableRevisionId, revision.id)).filter((r) => r.status === 'pending')
    const published: string[] = []
    const superseded: string[] = []
    for (const r of chain) {
      const kept = r.id === revision.id || (await changeKeptIn(trx, r, revision.content))
      if (!(await setRevisionStatus(trx, r.id, ['pending'], kept ? 'approved' : 'superseded'))) return { ok: false, status: 409, code: 'not_pending', message: 'Another moderator decided this revision first; nothing was changed.' }
      if (!kept) {
        superseded.push(r.id)
        continue
      }
      await insertDecision(trx, { revisionId: r.id, moderatorId: input.moderator.id, decision: 'approve', reason: r.id === revision.id ? reason : `Published with ${revision.id}` })
      published.push(r.id)
    }
    await updatePageHeads(trx, page.id, { stableRevisionId: revision.id, title: revision.content.title, summary: revision.content.summary, lang: revision.content.lang, updatedAt: nowIso() })
    await settleUpheldReports(trx, page.id, revision.id)
    const alsoPublished = published.filter((id) => id !== revision.id)
    const detail = alsoPublished.length > 0 || superseded.length > 0 ? { ...(alsoPublished.length > 0 ? { alsoPublished } : {}), ...(superseded.length > 0 ? { superseded } : {}) } : undefined
    await appendLog(trx, { action: 'revision.approve', actorId: input.moderator.id, pageId: page.id, revisionId: revision.id, targetUserId: revision.authorId, reason: reason || 'Approved', detail })
    for (const authorId of new Set(chain.filter((r) => published.includes(r.id)).map((r) => r.authorId))) await promoteIfEarned(trx, authorId)
    for (const r of chain.filter((c) => published.includes(c.id))) {
      await notify(trx, { kind: 'decision', subject: { kind: 'page', id: page.id }, actorId: input.moderator.id, revisionId: r.id, detail: { decision: 'approve', reason: r.id === revision.id ? reason : '', parentId: r.parentId } }, { userIds: [r.authorId] })
    }
    return { ok: true, revisionId: revision.id, status: 'approved', published, superseded, page: { slug: page.slug } }
  })
}

/**
 * The pending revisions under `revisionId` that approving it would mark superseded, not approved:
 * their change is not in its text (the review page says so before the moderator decides).
 */
export async function pendingUndoneBy(db: DB, revisionId: string): Promise<RevisionMeta[]> {
  const revision = await getRevision(db, revisionId)
  const page = revision ? await getPageById(db, revision.pageId) : null
  if (!revision || !page || revision.status !== 'pending') return []
  const chain = (await listChainBetween(db, page.id, page.stableRevisionId, revision.id)).filter((r) => r.status === 'pending' && r.id !== revision.id)
  const undone: RevisionMeta[] = []
  for (const r of chain) if (!(await changeKeptIn(db, r, revision.content))) undone.push(r)
  return undone
}

/** Whether a revision's change (from its parent) is still in the text about to be published. */
async function changeKeptIn(trx: DB, revision: RevisionMeta, published: PageContent): Promise<boolean> {
  const [self, parent] = await Promise.all([getRevision(trx, revision.id), revision.parentId ? getRevision(trx, revision.parentId) : null])
  if (!self || !parent) return true
  return changeKept(parent.content, self.content, published)
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
