import { fail, ok, type Result } from './result'

/**
 * NIST SP 800-63B and OWASP ASVS: a length range and a check against known-common passwords;
 * no composition rules (they push people to "Password1!" without adding strength).
 */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 256

/**
 * A password built from a context word — the username, the site's name — with a few characters
 * around it ("alice2024") is the first guess of anyone who knows the account. It must be at least
 * PASSWORD_MIN characters long without the word (NIST SP 800-63B §3.1.1.2: context-specific words).
 */
function leansOn(password: string, word: string): boolean {
  const w = word.toLowerCase()
  const p = password.toLowerCase()
  return w.length >= 3 && p.includes(w) && p.split(w).join('').length < PASSWORD_MIN
}

export function checkPasswordShape(password: unknown, isCommon: (p: string) => boolean, contextWords: readonly string[] = []): Result<string> {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN) {
    return fail({ path: 'password', code: 'too_short', message: `Use at least ${PASSWORD_MIN} characters.` })
  }
  if (password.length > PASSWORD_MAX) {
    return fail({ path: 'password', code: 'too_long', message: `Use at most ${PASSWORD_MAX} characters.` })
  }
  if (contextWords.some((word) => leansOn(password, word))) {
    return fail({ path: 'password', code: 'context', message: 'This password is mostly your username or the site’s name; choose another.' })
  }
  if (isCommon(password)) {
    return fail({ path: 'password', code: 'common', message: 'This password is on a list of commonly used passwords; choose another.' })
  }
  return ok(password)
}
