import { z } from 'zod'
import { text } from './fields'
import { issue } from './messages'

/**
 * An admin deletes a page (a confirm box and a public reason) or restores it (the reason alone).
 * The reason's rules (given, at most MOVE_REASON_MAX in core/moves) are setPageDeletion's, which the API shares.
 */
export const DeletePageSchema = z
  .object({
    intent: z
      .string()
      .optional()
      .transform((value) => (value === 'restore' ? 'restore' : 'delete')),
    reason: text(1000),
    confirm: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.intent === 'delete' && value.confirm !== 'yes') ctx.addIssue(issue('delete.issue.confirm', ['confirm']))
  })
