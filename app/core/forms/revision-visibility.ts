import { z } from 'zod'
import { MOVE_REASON_MAX, parseVisibilityChange } from '#app/core/moves'
import { text } from './fields'
import { issue } from './messages'

/**
 * A moderator hides a revision's content or summary (an admin may show them again): the boxes
 * ticked, a listed reason, a note, and a confirm box. The rule is parseVisibilityChange's
 * (core/moves, shared with the API), run inside the schema after the confirm box.
 */
export const RevisionVisibilitySchema = z
  .object({
    hide: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.unknown())),
    reason: text(10_000),
    note: text(10_000),
    confirm: z.string().optional(),
  })
  .transform((fields, ctx) => {
    if (fields.confirm !== 'yes') {
      ctx.addIssue(issue('hide.issue.confirm', ['confirm']))
      return z.NEVER
    }
    const parsed = parseVisibilityChange(fields)
    if (parsed.ok) return parsed.value
    const first = parsed.issues[0]!
    if (first.code === 'too_long') ctx.addIssue(issue('hide.issue.too_long', [first.path], { limit: MOVE_REASON_MAX }))
    else ctx.addIssue(issue(first.code !== 'required' ? 'hide.issue.invalid_field' : first.path === 'reason' ? 'hide.issue.reason_required' : 'hide.issue.required', [first.path]))
    return z.NEVER
  })
