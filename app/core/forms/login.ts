import { z } from 'zod'
import { message } from './messages'

/**
 * The login form. Lengths are cut, not refused: a name or password longer than any account's is
 * simply wrong (401), and the cut keeps a huge field from reaching the password hash.
 */
export const LoginSchema = z.object({
  username: z.string(message('auth.login.missing')).transform((value) => value.slice(0, 100)),
  password: z.string(message('auth.login.missing')).transform((value) => value.slice(0, 1000)),
  redirectTo: z.string().optional(),
})
