import { dictionary } from '@zxcvbn-ts/language-common'
import { checkPasswordShape } from '#app/core/password-rules'

let common: Set<string> | undefined

/**
 * ~49,000 passwords seen most often in breaches (the zxcvbn-ts common list, MIT), compared case-
 * insensitively. Loaded on first use so start-up stays fast.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))
  return common.has(password.toLowerCase())
}

/** The whole policy for a new password; `username` is the account it is for. */
export function checkNewPassword(password: unknown, context: { username: string }) {
  return checkPasswordShape(password, isCommonPassword, [context.username, 'sourced'])
}
