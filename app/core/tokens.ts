import { fail, ok, type Result } from './result'

/** Live personal access tokens one account may hold: enough for every script, few enough to review. */
export const MAX_TOKENS_PER_USER = 20
export const TOKEN_NAME_MAX = 100

/** A token's label: one line, trimmed, 1 to TOKEN_NAME_MAX characters. */
export function checkTokenName(raw: unknown): Result<string> {
  const name = (typeof raw === 'string' ? raw : '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  if (name === '' || name.length > TOKEN_NAME_MAX) return fail({ path: 'name', code: 'invalid_name', message: `Name the token in 1 to ${TOKEN_NAME_MAX} characters.` })
  return ok(name)
}
