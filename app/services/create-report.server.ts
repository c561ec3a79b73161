import { createHash } from 'node:crypto'
import { citationKeys, figureKey } from '#app/core/evidence-key'
import { can } from '#app/core/permissions'
import { parseReport, type ReportInput } from '#app/core/reports'
import type { Issue } from '#app/core/result'
import { config } from '#app/infra/config.server'
import type { DB } from '#app/models/db.server'
import { findFigureAuthor, listCitations, listFigures } from '#app/models/evidence.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getPageBySlug } from '#app/models/pages.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { openOrJoinReport } from '#app/models/reports.server'
import { getRevisionMeta } from '#app/models/revisions.server'
import { getSourcesByIds } from '#app/models/sources.server'
import { getUserById } from '#app/models/users.server'
import { notify } from './notify.server'

export interface CreateReportInput {
  /** Signed-in reporter, or null for an anonymous reader (counted by address). */
  reporter: { id: string } | null
  ip: string | null
  slug: string
  /** The form fields or JSON body, validated here. */
  fields: Record<string, unknown>
}

export type CreateReportResult =
  | { ok: true; reportId: string; reporterCount: number; duplicate: boolean; targetText: string; input: ReportInput }
  | { ok: false; status: 422; code: string; issues: Issue[] }
  | { ok: false; status: 404; code: 'not_found'; message: string }
  | { ok: false; status: 429; code: 'rate_limited'; retryAfterSeconds: number }

/**
 * A reader reports a figure or a citation (DESIGN.md, "Verify"). The target is named by its key
 * (app/core/evidence-key.ts), so the report follows the claim into later revisions; a second
 * report of the same target for the same reason while the first is open is counted on it.
 */
export async function createReport(db: DB, input: CreateReportInput): Promise<CreateReportResult> {
  const parsed = parseReport(input.fields)
  if (!parsed.ok) return { ok: false, status: 422, code: parsed.issues[0]?.code ?? 'invalid', issues: parsed.issues }
  const report = parsed.value
  const page = await getPageBySlug(db, input.slug)
  const revision = page ? await getRevisionMeta(db, report.revisionId) : null
  // Readers report what they can see: an approved revision, or the pending one signed-in editors see.
  if (!page || !revision || revision.pageId !== page.id || (revision.status !== 'approved' && revision.status !== 'pending')) {
    return { ok: false, status: 404, code: 'not_found', message: 'There is no such revision of this page.' }
  }
  const target = await resolveTarget(db, report)
  if (!target) return { ok: false, status: 404, code: 'not_found', message: 'This revision has no such figure or citation.' }

  const bucket = input.reporter ? `report:user:${input.reporter.id}` : `report:ip:${input.ip ?? 'unknown'}`
  const limit = await hitLimit(db, bucket, input.reporter ? config.limits.reportUser : config.limits.reportIp)
  if (!limit.allowed) return { ok: false, status: 429, code: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds }

  // A signed-in trusted editor, moderator or admin answers for the report: it marks the target at
  // once. Anonymous readers count by address, each once (app/core/disputes.ts).
  const user = input.reporter ? await getUserById(db, input.reporter.id) : null
  const trustedReporter = user !== null && can(user, 'revision.publish')
  const reporterKey = user ? `user:${user.id}` : `ip:${createHash('sha256').update(input.ip ?? 'unknown').digest('base64url')}`
  const saved = await db.transaction().execute((trx) =>
    openOrJoinReport(trx, {
      id: newId(), pageId: page.id, revisionId: revision.id, targetKey: target.key, targetText: target.text, sourceId: target.sourceId,
      reason: report.reason, comment: report.comment, reporterId: input.reporter?.id ?? null, reporterKey, trustedReporter, createdAt: nowIso(),
    }),
  )
  if (saved.created && report.target.kind === 'figure') {
    const author = await findFigureAuthor(db, page.id, target.sourceId, (figure) => figureKey(figure) === target.key)
    if (author) await notify(db, { kind: 'report', subject: { kind: 'page', id: page.id }, actorId: input.reporter?.id ?? null, revisionId: revision.id, detail: { target: target.text, reason: report.reason } }, { userIds: [author] })
  }
  return { ok: true, reportId: saved.id, reporterCount: saved.reporterCount, duplicate: !saved.created, targetText: target.text, input: report }
}

async function resolveTarget(db: DB, report: ReportInput): Promise<{ key: string; text: string; sourceId: string | null } | null> {
  if (report.target.kind === 'figure') {
    const figure = (await listFigures(db, report.revisionId)).find((f) => f.ordinal === report.target.ordinal)
    return figure ? { key: figureKey(figure), text: figure.text, sourceId: figure.sourceId } : null
  }
  const citations = await listCitations(db, report.revisionId)
  const index = citations.findIndex((c) => c.ordinal === report.target.ordinal)
  const citation = citations[index]
  if (!citation) return null
  const source = citation.sourceId ? (await getSourcesByIds(db, [citation.sourceId])).get(citation.sourceId) : undefined
  // Citations have no text of their own: the footnote number and the source's title name them.
  return { key: citationKeys(citations)[index]!, text: `[${citation.ordinal + 1}] ${source?.title ?? ''}`.trim(), sourceId: citation.sourceId }
}
