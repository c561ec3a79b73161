import { z } from 'zod'

/**
 * POST /api/v1/revisions/:id/review: approve or reject, with a reason (required to reject: the
 * service's rule, shared with the moderation page).
 */
export const ReviewRevisionBody = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().max(1000).optional().default('') })

