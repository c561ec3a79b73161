import { z } from 'zod'
import { password, text } from './fields'
import { issue, message } from './messages'

/**
 * Changing one's password: the current one, the new one twice. That the two new ones agree is
 * checked here, so the browser says it before a round trip; every other rule — the current
 * password right, the new one long enough, not on the common list, not built on the name — is
 * changePassword's, on the whole of what was typed.
 */
export const ChangePasswordSchema = z
  .object({ intent: z.literal('change-password'), currentPassword: password(), newPassword: password(), confirmPassword: password() })
  .superRefine((fields, ctx) => {
    if (fields.newPassword !== fields.confirmPassword) ctx.addIssue(issue('account.password.mismatch', ['confirmPassword']))
  })

/** A new personal access token: its name, whose rule (one line, 1 to TOKEN_NAME_MAX) is checkTokenName's. */
export const CreateTokenSchema = z.object({ intent: z.literal('create-token'), name: text(1000) })

/**
 * The account page's five forms, told apart by `intent`; the buttons that end a session or revoke
 * a token send only the id the page listed, which the services look up among the person's own.
 * An intent the page does not have is refused as a whole.
 */
export const AccountSchema = z.discriminatedUnion(
  'intent',
  [
    ChangePasswordSchema,
    z.object({ intent: z.literal('revoke-session'), sessionId: text(200) }),
    z.object({ intent: z.literal('revoke-other-sessions') }),
    CreateTokenSchema,
    z.object({ intent: z.literal('revoke-token'), tokenId: text(200) }),
  ],
  message('account.unknownIntent'),
)
