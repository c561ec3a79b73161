import { fail, ok, type Result } from './result'

// Letters of any script, digits and . _ - : a name people can type and that reads the same in URLs.
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,30}[\p{L}\p{N}]$/u

/** The key two usernames collide on: "Alice", "alice" and "ａｌｉｃｅ" are one account. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase()
}

// The scripts a name's letters are told apart by. Unlisted scripts count as themselves.
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari', 'Thai', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo'] as const
const SCRIPT_PATTERNS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const)
// Scripts written together (UTS #39, "highly restrictive"): Japanese, Chinese and Korean with Latin.
const WRITTEN_TOGETHER = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
]

function scriptsOf(username: string): Set<string> {
  const scripts = new Set<string>()
  for (const char of username) {
    if (!/\p{L}/u.test(char)) continue
    scripts.add(SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'other')
  }
  return scripts
}

/**
 * One script per name, as UTS #39 recommends for identifiers: a Cyrillic "а" among Latin letters
 * makes "аlice" look exactly like "alice" to a reader of the history or the moderation log, which
 * case folding cannot catch. Names wholly in one script, and the mixes Japanese, Chinese and
 * Korean are written in, pass.
 */
function mixesScripts(username: string): boolean {
  const scripts = scriptsOf(username)
  if (scripts.size <= 1) return false
  return !WRITTEN_TOGETHER.some((allowed) => [...scripts].every((script) => allowed.has(script)))
}

export function validateUsername(raw: unknown): Result<string> {
  const username = typeof raw === 'string' ? raw.normalize('NFKC').trim() : ''
  if (!USERNAME.test(username)) {
    return fail({ path: 'username', code: 'invalid_username', message: 'Use 3 to 32 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit.' })
  }
  if (mixesScripts(username)) {
    return fail({ path: 'username', code: 'mixed_scripts', message: 'Use letters of one alphabet: a name that mixes, say, Latin and Cyrillic letters can look like someone else’s.' })
  }
  return ok(username)
}
