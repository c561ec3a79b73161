import { z } from 'zod'
import { fail, ok, type Result } from './result'
import { RECORD_ID } from './record-id'

/** Why a reader reports a figure or a citation (DESIGN.md, "Verify"). */
export const REPORT_REASONS = ['unsupported', 'outdated', 'dead-link', 'different-metric', 'self-reported', 'promotional', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

export const RESOLUTIONS = ['upheld', 'dismissed'] as const
type Resolution = (typeof RESOLUTIONS)[number]

export const REPORT_COMMENT_MAX = 2000
export const RESOLUTION_NOTE_MAX = 1000

export interface ReportInput {
  revisionId: string
  target: { kind: 'figure' | 'citation'; ordinal: number }
  reason: ReportReason
  comment: string
}

export interface ResolutionInput {
  reportId: string
  resolution: Resolution
  note: string
}

/** Control characters out, whitespace trimmed: what is stored and shown publicly. */
export function cleanText(value: unknown, max: number): string {
  return typeof value === 'string' ? value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim().slice(0, max) : ''
}

const reportSchema = z.object({
  revisionId: z.string().regex(RECORD_ID),
  target: z.enum(['figure', 'citation']),
  ordinal: z.coerce.number().int().min(0).max(100_000),
  reason: z.enum(REPORT_REASONS),
})

/**
 * A reader's report, from form fields or JSON. Issue codes: `reason_required`, `invalid_target`,
 * `comment_required` (the reason "other" says nothing by itself), `comment_too_long`.
 */
export function parseReport(fields: Record<string, unknown>): Result<ReportInput> {
  const reason = fields.reason
  if (typeof reason !== 'string' || !(REPORT_REASONS as readonly string[]).includes(reason)) {
    return fail({ path: 'reason', code: 'reason_required', message: 'Choose why you report this.' })
  }
  const parsed = reportSchema.safeParse(fields)
  if (!parsed.success) return fail({ path: 'target', code: 'invalid_target', message: 'This report names no figure or citation of the page.' })
  if (typeof fields.comment === 'string' && fields.comment.trim().length > REPORT_COMMENT_MAX) {
    return fail({ path: 'comment', code: 'comment_too_long', message: `Keep the comment under ${REPORT_COMMENT_MAX} characters.` })
  }
  const comment = cleanText(fields.comment, REPORT_COMMENT_MAX)
  if (parsed.data.reason === 'other' && comment === '') {
    return fail({ path: 'comment', code: 'comment_required', message: 'Say what is wrong in the comment.' })
  }
  return ok({ revisionId: parsed.data.revisionId, target: { kind: parsed.data.target, ordinal: parsed.data.ordinal }, reason: parsed.data.reason, comment })
}

/** A moderator's resolution: upheld or dismissed, always with a public note. */
export function parseResolution(fields: Record<string, unknown>): Result<ResolutionInput> {
  const reportId = typeof fields.reportId === 'string' && /^[0-9a-z]{26}$/.test(fields.reportId) ? fields.reportId : null
  if (reportId === null) return fail({ path: 'reportId', code: 'invalid_report', message: 'There is no such report.' })
  const resolution = fields.resolution
  if (typeof resolution !== 'string' || !(RESOLUTIONS as readonly string[]).includes(resolution)) {
    return fail({ path: 'resolution', code: 'resolution_required', message: 'Choose whether the report is upheld or dismissed.' })
  }
  const note = cleanText(fields.note, RESOLUTION_NOTE_MAX)
  if (note === '') return fail({ path: 'note', code: 'note_required', message: 'Give a public note explaining the resolution.' })
  return ok({ reportId, resolution: resolution as Resolution, note })
}
