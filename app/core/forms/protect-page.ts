import { z } from 'zod'
import { parseProtection } from '#app/core/protection'
import { text } from './fields'
import { issue } from './messages'

type ProtectIssue = 'level_required' | 'reason_required' | 'expiry_required' | 'expiry_invalid' | 'expiry_past'

/**
 * A moderator protects a page: who may edit, a public reason, and when it ends. The rule is
 * parseProtection's (core/protection), run inside the schema, so the browser says the same errors;
 * "in the future" is measured against the clock of whoever checks, and the server's decides.
 */
export const ProtectPageSchema = z
  .object({ level: text(100), reason: text(500), duration: text(100), expiresOn: text(100) })
  .transform((fields, ctx) => {
    const parsed = parseProtection(fields, new Date())
    if (parsed.ok) return parsed.value
    const first = parsed.issues[0]!
    ctx.addIssue(issue(`protect.issue.${first.code as ProtectIssue}`, [first.path]))
    return z.NEVER
  })
