/** What app/core returns instead of throwing on bad input (STYLE.md §5). */
export type Issue = { path: string; message: string; code: string; params?: IssueParams }
/**
 * What a UI needs to say an issue in the reader's language: `rule` names the rule broken
 * ("too_long", "control_character"…), `limit` the number in it. `message` stays English.
 */
export type IssueParams = { rule: string; limit?: number }
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ ok: false, issues })

/** An issue as the JSON API documents it (docs/api.md): path, code and message. */
export const publicIssue = ({ path, code, message }: Issue): Issue => ({ path, code, message })
