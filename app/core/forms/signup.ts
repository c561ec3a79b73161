import { z } from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN } from '#app/core/password-rules'
import { validateUsername } from '#app/core/username'
import { issue, message } from './messages'

/**
 * The sign-up form: the rules that need nothing but the input (the name's shape and alphabet, the
 * password's length), so the browser can say them before a round trip. The rules that need the
 * server — a password on the common list or built on the name, a name taken — stay in
 * createAccount, which checks everything again (the CLI creates accounts too). The role is not a
 * field: every new account starts as an editor.
 */
export const SignupSchema = z.object({
  username: z
    .string(message('auth.issue.invalid_username'))
    .transform((value) => value.slice(0, 100))
    .superRefine((value, ctx) => {
      const checked = validateUsername(value)
      if (!checked.ok) ctx.addIssue(issue(checked.issues[0]!.code === 'mixed_scripts' ? 'auth.issue.mixed_scripts' : 'auth.issue.invalid_username'))
    }),
  password: z.string(message('auth.issue.too_short')).min(PASSWORD_MIN, message('auth.issue.too_short')).max(PASSWORD_MAX, message('auth.issue.too_long')),
})
