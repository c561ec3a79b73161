import { config } from '#app/infra/config.server'
import { parseThread } from '#app/core/talk'
import type { Issue } from '#app/core/result'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { insertPost, insertThread, type TalkSubject } from '#app/models/talk.server'
import { addWatch } from '#app/models/watchlist.server'
import { notify } from './notify.server'

export type StartThreadResult =
  | { ok: true; threadId: string; postId: string }
  | { ok: false; status: 422; issues: Issue[] }
  | { ok: false; status: 429; retryAfterSeconds: number }

/**
 * Opens a discussion beside a page: the thread and its first post in one transaction. Talk shares
 * the edit limit (a person writes at most so much per hour, whatever they write), the author
 * follows the thread, and the page's watchers are told.
 */
export async function startThread(db: DB, input: { authorId: string; subject: TalkSubject; fields: unknown }): Promise<StartThreadResult> {
  const parsed = parseThread(input.fields)
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues }
  const limit = await hitLimit(db, `talk:${input.authorId}`, config.limits.saveUser)
  if (!limit.allowed) return { ok: false, status: 429, retryAfterSeconds: limit.retryAfterSeconds }
  const threadId = newId()
  const postId = newId()
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await insertThread(trx, { id: threadId, subject: input.subject, title: parsed.value.title, authorId: input.authorId, createdAt: now })
    await insertPost(trx, { id: postId, threadId, authorId: input.authorId, body: parsed.value.body, createdAt: now })
    await addWatch(trx, input.authorId, { kind: 'thread', id: threadId }, now)
    await notify(trx, { kind: 'reply', subject: input.subject, actorId: input.authorId, threadId, detail: { title: parsed.value.title, newThread: true } }, { watchersOf: [input.subject] })
  })
  return { ok: true, threadId, postId }
}
