import { z } from 'zod'
import type { MailMode } from '#app/core/email'
import { NOTIFICATION_KINDS, type NotificationKind } from '#app/core/notification-kinds'
import { text } from './fields'

// A ticked box sends "on" under its own name ("kind-revision"…); an unticked one sends nothing.
const boxes = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [`kind-${kind}`, text(100)])) as Record<`kind-${NotificationKind}`, ReturnType<typeof text>>

/**
 * The mail page's three forms: an address to verify (anything but "remove" or "preferences"
 * sets one, as the page has always read it), its removal, and what to send how often. The
 * address's rule (parseEmail) is requestEmailVerification's, which mails the link.
 */
export const AccountEmailSchema = z
  .object({
    intent: text(100).transform((intent) => (intent === 'preferences' || intent === 'remove' ? intent : 'address')),
    email: text(1000),
    mode: text(100).transform((mode): MailMode => (mode === 'daily' ? 'daily' : 'immediate')),
    ...boxes,
  })
  .transform(({ intent, email, mode, ...ticked }) => ({ intent, email, mode, kinds: NOTIFICATION_KINDS.filter((kind) => ticked[`kind-${kind}`] === 'on') }))
