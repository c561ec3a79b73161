import { z } from 'zod'
import { REPORT_COMMENT_MAX } from '#app/core/reports'
import { text } from './fields'

/**
 * A reader reports a figure or a citation: which one (hidden fields), a reason and a comment.
 * Its rules (a listed reason, a target of the page, a comment for "other", not too long) are
 * parseReport's, run by createReport, so this only reads text, the comment cut well beyond its
 * limit for the service to say it is too long.
 */
export const ReportSchema = z.object({
  revisionId: text(100),
  target: text(20),
  ordinal: text(20),
  reason: text(50),
  comment: text(2 * REPORT_COMMENT_MAX),
})
