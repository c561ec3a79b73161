import type { MessageKey, PlainMessageKey, Translate } from '#app/core/i18n/index'

/**
 * A Zod `error` option naming a catalogue key whose text takes no parameters:
 * `z.string(message('auth.login.missing'))`. A schema names the key, not the words, so the same
 * schema says its errors in the reader's language on the server and in the browser.
 */
export function message(key: PlainMessageKey): { error: string } {
  return { error: key }
}

/**
 * The `formatError` of Conform's `parseWithZod`: each field's issues in the reader's language.
 * An issue whose message is not a catalogue key (a schema bug) is shown as it is.
 */
export function formatIssues(t: Translate): (issues: ReadonlyArray<{ message: string; params?: unknown }>) => string[] {
  return (issues) => issues.map((issue) => (t as (key: string, params?: unknown) => string | undefined)(issue.message, issue.params) ?? issue.message)
}

/**
 * A custom issue naming a catalogue key, for `ctx.addIssue` in a refinement; `params` are the
 * key's (a limit), for the texts that take some.
 */
export function issue(key: PlainMessageKey, path?: string[]): { code: 'custom'; message: string; path: string[] }
export function issue(key: MessageKey, path: string[], params: Record<string, unknown>): { code: 'custom'; message: string; path: string[]; params: Record<string, unknown> }
export function issue(key: MessageKey, path: string[] = [], params?: Record<string, unknown>): { code: 'custom'; message: string; path: string[]; params?: Record<string, unknown> } {
  return params ? { code: 'custom', message: key, path, params } : { code: 'custom', message: key, path }
}
