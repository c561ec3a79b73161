import { z } from 'zod'
import { password, text } from './fields'

/**
 * Asking for a reset link: the address, whose rule (parseEmail: empty or an address) is
 * requestPasswordReset's. Every address gets the same answer, so nothing else is said here.
 */
export const ForgotPasswordSchema = z.object({ email: text(1000) })

/**
 * Choosing the new password from the mailed link: the password twice, read whole. resetPassword
 * checks them in its order — the link first (410), then the password's rules, then that the two
 * agree — so the schema says nothing before it.
 */
export const ResetPasswordSchema = z.object({ password: password(), confirm: password() })
