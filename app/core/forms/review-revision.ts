import { z } from 'zod'
import { text } from './fields'

/**
 * POST /api/v1/revisions/:id/review: approve or reject, with a reason (required to reject: the
 * service's rule, shared with the moderation page).
 */
export const ReviewRevisionBody = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().max(1000).optional().default('') })

/**
 * The review page's two forms, told apart by `intent` (anything but "reject" approves, as the page
 * has always read it), with the reason the service requires to reject.
 */
export const ReviewRevisionSchema = z.object({
  intent: z
    .string()
    .optional()
    .transform((value) => (value === 'reject' ? 'reject' : 'approve')),
  reason: text(1000),
})
