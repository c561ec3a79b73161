import { fail, ok, type Result } from './result'

/**
 * NIST SP 800-63B and OWASP ASVS: a length range and a check against known-common passwords;
 * no composition rules (they push people to "Password1!" without adding strength).
 */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 256

export function checkPasswordShape(password: unknown, isCommon: (p: string) => boolean): Result<string> {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN) {
    return fail({ path: 'password', code: 'too_short', message: `Use at least ${PASSWORD_MIN} characters.` })
  }
  if (password.length > PASSWORD_MAX) {
    return fail({ path: 'password', code: 'too_long', message: `Use at most ${PASSWORD_MAX} characters.` })
  }
  if (isCommon(password)) {
    return fail({ path: 'password', code: 'common', message: 'This password is on a list of commonly used passwords; choose another.' })
  }
  return ok(password)
}
