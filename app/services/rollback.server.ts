import { revisionInSummary } from '#app/core/format'
import { analyseContent } from '#app/core/analyse'
import { can } from '#app/core/permissions'
import { referencedSourceIds } from '#app/core/source-refs'
import type { RequestActor } from '#app/auth/actor.server'
import { loadMetricRegistry } from '#app/models/metrics.server'
import { isUniqueViolation, lockRow, type DB } from '#app/models/db.server'
import { findRollbackPoint } from '#app/models/history.server'
import { nowIso } from '#app/models/ids.server'
import { appendLog } from '#app/models/moderation.server'
import { getPageById, getPageBySlug, updatePageHeads, type PageRecord } from '#app/models/pages.server'
import { findRevisionByIdempotencyKey, getRevision, listChainBetween, setRevisionStatus } from '#app/models/revisions.server'
import { existingSourceIds } from '#app/models/sources.server'
import { recordRevision } from './record-revision.server'
import { protectionInForce } from '#app/core/protection'
import { settleUpheldReports } from './upheld-reports.server'

export interface RollbackInput {
  moderator: Pick<RequestActor, 'id' | 'role' | 'blockedUntil'>
  slug: string
  /** The latest revision the moderator saw: if the page moved on since, nothing happens (409). */
  expectedLatestId: string
  /** Public: goes to the moderation log and the new revision's summary. */
  reason: string
  /** Same key twice (a double click, a resubmitted form) → one rollback. */
  idempotencyKey: string | null
}

export type RollbackResult =
  | { ok: true; revisionId: string; restoredRevisionId: string; rolledBack: string[]; superseded: string[]; page: { slug: string }; replayed: boolean }
  | { ok: false; status: 403; code: 'forbidden'; message: string }
  | { ok: false; status: 404; code: 'page_not_found'; message: string }
  | { ok: false; status: 409; code: 'page_moved_on' | 'nothing_to_roll_back' | 'too_many_edits' | 'content_hidden'; message: string }
  | { ok: false; status: 409; code: 'uncited_figures'; message: string; uncitedFigures: Array<{ text: string; start: number; end: number }> }
  | { ok: false; status: 422; code: 'reason_required'; message: string }

/** The most consecutive edits one rollback undoes; a longer run is restored from a permalink. */
export const MAX_ROLLBACK_EDITS = 200

/**
 * A moderator's rollback (MediaWiki's): all consecutive latest edits of the page's last author
 * are undone by ONE new revision that restores the content of the last revision by someone else,
 * published at once. Nothing is deleted or rewritten: the undone revisions stay in the history,
 * pending ones among them become `superseded` (they can no longer be decided). One transaction,
 * logged publicly as `revision.rollback`.
 */
export async function rollbackEdits(db: DB, input: RollbackInput): Promise<RollbackResult> {
  if (!can(input.moderator, 'revision.rollback')) return { ok: false, status: 403, code: 'forbidden', message: 'Only moderators can roll back edits.' }
  const reason = input.reason.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 1000)
  if (reason === '') return { ok: false, status: 422, code: 'reason_required', message: 'Give a public reason for the rollback.' }
  if (input.idempotencyKey) {
    const replay = await replayed(db, input)
    if (replay) return replay
  }
  try {
    return await db.transaction().execute((trx) => rollbackInTransaction(trx, input, reason))
  } catch (error) {
    // Twin submits with one key on PostgreSQL: the unique index let the first through.
    if (input.idempotencyKey && isUniqueViolation(error)) {
      const replay = await replayed(db, input)
      if (replay) return replay
    }
    throw error
  }
}

async function replayed(db: DB, input: RollbackInput): Promise<RollbackResult | null> {
  const existing = await findRevisionByIdempotencyKey(db, input.moderator.id, input.idempotencyKey!)
  if (!existing?.restoresRevisionId) return null
  const page = await getPageById(db, existing.pageId)
  if (!page || page.slug !== input.slug) return null
  return { ok: true, revisionId: existing.id, restoredRevisionId: existing.restoresRevisionId, rolledBack: [], superseded: [], page: { slug: page.slug }, replayed: true }
}

async function rollbackInTransaction(trx: DB, input: RollbackInput, reason: string): Promise<RollbackResult> {
  const found = await getPageBySlug(trx, input.slug)
  if (!found) return { ok: false, status: 404, code: 'page_not_found', message: `There is no page "${input.slug.slice(0, 80)}".` }
  await lockRow(trx, 'pages', found.id)
  const page = (await getPageById(trx, found.id)) as PageRecord
  // Seen under the lock: a twin submit that got here first has already rolled back.
  if (input.idempotencyKey) {
    const replay = await replayed(trx, input)
    if (replay) return replay
  }
  if (!can(input.moderator, 'page.edit', { protection: protectionInForce(page, new Date()) })) {
    return { ok: false, status: 403, code: 'forbidden', message: 'This page is protected at a level your account cannot edit.' }
  }
  if (page.latestRevisionId !== input.expectedLatestId) {
    return { ok: false, status: 409, code: 'page_moved_on', message: 'The page was edited since you opened its history; check the newest revision and try again.' }
  }
  const point = await findRollbackPoint(trx, page.latestRevisionId, MAX_ROLLBACK_EDITS)
  if (!point) return { ok: false, status: 409, code: 'too_many_edits', message: `More than ${MAX_ROLLBACK_EDITS} consecutive edits by one author; restore an older revision from its page instead.` }
  if (!point.target) return { ok: false, status: 409, code: 'nothing_to_roll_back', message: `Every revision of this page is by ${point.author.username}; there is no earlier revision by someone else to restore.` }

  const target = (await getRevision(trx, point.target.id))!
  if (target.contentHidden) return { ok: false, status: 409, code: 'content_hidden', message: 'The revision a rollback would restore has hidden content; restore an older revision from its page instead.' }
  const analysis = analyseContent(target.content, await existingSourceIds(trx, referencedSourceIds(target.content.body)), { metrics: await loadMetricRegistry(trx) })
  // The publication rule holds for rollbacks too: an uncited figure never becomes stable.
  if (analysis.uncitedFigures.length > 0) {
    return {
      ok: false, status: 409, code: 'uncited_figures',
      message: `The revision to restore has ${analysis.uncitedFigures.length} uncited figure(s), so it cannot be published; restore it from its page and cite them instead.`,
      uncitedFigures: analysis.uncitedFigures.map((f) => ({ text: f.text, start: f.start, end: f.end })),
    }
  }
  const summary = `Rolled back edits by ${point.author.username} to ${revisionInSummary(target)}: ${reason}`.slice(0, 500)
  const { id } = await recordRevision(trx, {
    pageId: page.id, parentId: page.latestRevisionId, baseRevisionId: page.latestRevisionId, authorId: input.moderator.id, summary,
    status: 'approved', content: target.content, analysis, idempotencyKey: input.idempotencyKey, restoresRevisionId: target.id,
  })
  // Pending revisions between the old stable one and the new can no longer be decided: the page
  // has a newer published revision. They stay in the history, marked as such.
  const superseded: string[] = []
  for (const r of await listChainBetween(trx, page.id, page.stableRevisionId, page.latestRevisionId)) {
    if (r.status === 'pending' && (await setRevisionStatus(trx, r.id, ['pending'], 'superseded'))) superseded.push(r.id)
  }
  await updatePageHeads(trx, page.id, { latestRevisionId: id, stableRevisionId: id, title: target.content.title, summary: target.content.summary, lang: target.content.lang, updatedAt: nowIso() })
  await settleUpheldReports(trx, page.id, id)
  const rolledBack = point.edits.map((e) => e.id)
  await appendLog(trx, {
    action: 'revision.rollback', actorId: input.moderator.id, pageId: page.id, revisionId: id, targetUserId: point.author.id, reason,
    detail: { restored: target.id, rolledBack, superseded },
  })
  return { ok: true, revisionId: id, restoredRevisionId: target.id, rolledBack, superseded, page: { slug: page.slug }, replayed: false }
}
