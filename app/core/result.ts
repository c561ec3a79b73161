/** What app/core returns instead of throwing on bad input (STYLE.md §5). */
export type Issue = { path: string; message: string; code: string }
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(...issues: Issue[]): Result<T> => ({ ok: false, issues })
