import { fail, ok, type Result } from './result'

// Letters of any script, digits and . _ - : a name people can type and that reads the same in URLs.
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,30}[\p{L}\p{N}]$/u

/** The key two usernames collide on: "Alice", "alice" and "ａｌｉｃｅ" are one account. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase()
}

export function validateUsername(raw: unknown): Result<string> {
  const username = typeof raw === 'string' ? raw.normalize('NFKC').trim() : ''
  if (!USERNAME.test(username)) {
    return fail({ path: 'username', code: 'invalid_username', message: 'Use 3 to 32 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit.' })
  }
  return ok(username)
}
