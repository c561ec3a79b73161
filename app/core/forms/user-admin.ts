import { z } from 'zod'
import type { PlainMessageKey } from '#app/core/i18n/index'
import { isRole } from '#app/core/roles'
import { checkReason, isBlockDuration } from '#app/core/user-admin'
import { text } from './fields'
import { issue, message } from './messages'

type ReasonIssue = 'reason_required' | 'reason_too_long'

/** A choice from a list the page offers (a role, a duration), as core tells them apart. */
function listed<T extends string>(isListed: (value: unknown) => value is T, key: PlainMessageKey) {
  return text(100).transform((value, ctx): T => {
    if (isListed(value)) return value
    ctx.addIssue(issue(key))
    return z.NEVER
  })
}

/**
 * A public reason as checkReason reads it (one line, trimmed, at most REASON_MAX), so the browser
 * says it too; the services check it again.
 */
function reason(required: boolean) {
  return text(10_000).transform((raw, ctx) => {
    const checked = checkReason(raw, { required })
    if (checked.ok) return checked.value
    ctx.addIssue(issue(`userAdmin.${checked.issues[0]!.code as ReasonIssue}`))
    return z.NEVER
  })
}

/** An admin changes a person's role: one of the roles, with an optional public reason. */
export const SetRoleSchema = z.object({ intent: z.literal('set-role'), role: listed(isRole, 'userAdmin.role.invalid'), reason: reason(false) })

/** A moderator blocks a person: for a duration from the list, with a public reason. */
export const BlockSchema = z.object({ intent: z.literal('block'), duration: listed(isBlockDuration, 'userAdmin.block.invalidDuration'), reason: reason(true) })

/** Lifting a block, with an optional public reason. */
export const UnblockSchema = z.object({ intent: z.literal('unblock'), reason: reason(false) })

/**
 * The admin user page's four forms, told apart by `intent`; ending the sessions sends nothing
 * else. Who may do which is the route's check, per intent. An intent the page does not have is
 * refused as a whole.
 */
export const UserAdminSchema = z.discriminatedUnion('intent', [SetRoleSchema, BlockSchema, UnblockSchema, z.object({ intent: z.literal('end-sessions') })], message('account.unknownIntent'))
