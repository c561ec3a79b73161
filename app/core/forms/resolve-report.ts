import { z } from 'zod'
import { parseResolution, RESOLUTION_NOTE_MAX } from '#app/core/reports'
import { text } from './fields'
import { issue } from './messages'

type ResolveIssue = 'invalid_report' | 'resolution_required' | 'note_required'

/**
 * A moderator upholds or dismisses a report, with a public note. The rule is parseResolution's
 * (core/reports), run inside the schema, so the browser says the same errors. A report id that is
 * not one (the page only writes real ones) is the form's error, there being no field to show it on.
 */
export const ResolveReportSchema = z
  .object({ reportId: text(100), resolution: text(20), note: text(2 * RESOLUTION_NOTE_MAX) })
  .transform((fields, ctx) => {
    const parsed = parseResolution(fields)
    if (parsed.ok) return parsed.value
    const first = parsed.issues[0]!
    ctx.addIssue(issue(`mod.resolve.issue.${first.code as ResolveIssue}`, first.code === 'invalid_report' ? [] : [first.path]))
    return z.NEVER
  })
