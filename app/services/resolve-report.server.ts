import type { ResolutionInput } from '#app/core/reports'
import type { DB } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { appendLog } from '#app/models/moderation.server'
import { getPageById } from '#app/models/pages.server'
import { closeReport, getReport, markReportFixed, setUpheldClaims, type Report } from '#app/models/reports.server'
import { claimsIn } from './upheld-reports.server'

export type ResolveReportResult =
  | { ok: true; status: 'upheld' | 'dismissed'; page: { slug: string } }
  | { ok: false; status: 404; code: 'not_found'; message: string }
  | { ok: false; status: 409; code: 'already_resolved'; message: string; resolvedBy: string | null }

/**
 * A moderator upholds or dismisses a report with a public note. Dismissed, the report no longer
 * counts; upheld, it marks its target as disputed until a published edit fixes it (decision 017:
 * upheld-reports.server.ts). Atomic: only an open report changes, so of two moderators resolving at once
 * one gets 409, and the log records exactly one resolution.
 */
export async function resolveReport(db: DB, input: ResolutionInput & { moderator: { id: string } }): Promise<ResolveReportResult> {
  return db.transaction().execute(async (trx) => {
    const report = await getReport(trx, input.reportId)
    if (!report) return { ok: false, status: 404, code: 'not_found', message: 'There is no such report.' }
    const closed = await closeReport(trx, report.id, { status: input.resolution, note: input.note, resolvedBy: input.moderator.id, resolvedAt: nowIso() })
    if (!closed) {
      const now = await getReport(trx, report.id)
      return { ok: false, status: 409, code: 'already_resolved', message: 'This report was already resolved; nothing was changed.', resolvedBy: now?.resolvedBy ?? null }
    }
    if (input.resolution === 'upheld') await recordUpheldClaim(trx, report)
    await appendLog(trx, {
      action: input.resolution === 'upheld' ? 'report.upheld' : 'report.dismissed',
      actorId: input.moderator.id,
      pageId: report.page.id,
      revisionId: report.revisionId,
      reportId: report.id,
      reason: input.note,
      detail: { target: report.targetText, reportReason: report.reason, reporters: report.reporterCount },
    })
    return { ok: true, status: input.resolution, page: { slug: report.page.slug } }
  })
}

/**
 * What the upheld claim says now, on the page readers see (or, while it is only in the pending
 * text, there): an edit that changes it fixes the report. A claim on neither is already gone.
 */
async function recordUpheldClaim(trx: DB, report: Report): Promise<void> {
  const page = await getPageById(trx, report.page.id)
  if (!page) return
  for (const revisionId of [page.stableRevisionId, page.latestRevisionId]) {
    if (!revisionId) continue
    const claims = await claimsIn(trx, revisionId, report.targetKey)
    if (claims.length > 0) return setUpheldClaims(trx, report.id, claims)
  }
  await markReportFixed(trx, report.id, null, nowIso())
}
