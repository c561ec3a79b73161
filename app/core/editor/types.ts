import type { PageContent } from '#app/core/content'
import type { ConflictPassage } from '#app/core/merge'
import type { Issue } from '#app/core/result'

/** The current revision shown beside one's own version after an edit conflict. */
export interface ConflictView {
  /** The editor's version, stored as a revision with status `conflict`. */
  revisionId: string
  /** The page's head now: the save from the merge view uses it as its base. */
  latestRevisionId: string
  /** What both sides changed: "title", "summary", "lang", "subjects", "categories" or "body block N". */
  fields: string[]
  /** The clashing passages of the body, the words only one side has marked on each. */
  passages: ConflictPassage[]
  latest: {
    authorName: string
    createdAt: string
    summary: string
    content: Omit<PageContent, 'body'>
    /** Rendered by the server's renderer from the validated snapshot. */
    bodyHtml: string
  }
}

/** Why a save did not go through; `content` is what was submitted, so nothing typed is lost. */
export type EditorProblem =
  | { kind: 'invalid'; issues: Issue[] }
  | { kind: 'slug_taken'; message: string; slug: string }
  | { kind: 'protected' | 'rate_limited' | 'not_found' | 'signed_out' | 'forbidden' | 'key_reused' | 'unavailable'; message: string }
  | { kind: 'conflict'; conflict: ConflictView }

export interface EditorActionData {
  problem: EditorProblem
  content: unknown
  summary: string
  /** A fresh key when the first one was spent (a stored conflict revision), else the same. */
  idempotencyKey: string
}
