import { config } from '#app/infra/config.server'
import { parsePostBody } from '#app/core/talk'
import type { Issue } from '#app/core/result'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { getThread, insertPost, listThreadParticipantIds } from '#app/models/talk.server'
import { addWatch } from '#app/models/watchlist.server'
import { notify } from './notify.server'

export type PostReplyResult =
  | { ok: true; postId: string; subject: { kind: string; id: string } }
  | { ok: false; status: 404; message: string }
  | { ok: false; status: 409; message: string }
  | { ok: false; status: 422; issues: Issue[] }
  | { ok: false; status: 429; retryAfterSeconds: number }

/** A reply in a thread: everyone who wrote in it or follows it is told; the author now follows it. */
export async function postReply(db: DB, input: { authorId: string; threadId: string; fields: unknown }): Promise<PostReplyResult> {
  const parsed = parsePostBody(input.fields)
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues }
  const thread = await getThread(db, input.threadId)
  if (!thread) return { ok: false, status: 404, message: 'There is no such thread.' }
  if (thread.status === 'closed') return { ok: false, status: 409, message: `This thread was closed${thread.closeReason ? `: ${thread.closeReason}` : ''}. Start a new thread to go on.` }
  const limit = await hitLimit(db, `talk:${input.authorId}`, config.limits.saveUser)
  if (!limit.allowed) return { ok: false, status: 429, retryAfterSeconds: limit.retryAfterSeconds }
  const postId = newId()
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await insertPost(trx, { id: postId, threadId: thread.id, authorId: input.authorId, body: parsed.value.body, createdAt: now })
    await addWatch(trx, input.authorId, { kind: 'thread', id: thread.id }, now)
    const participants = await listThreadParticipantIds(trx, thread.id)
    await notify(trx, { kind: 'reply', subject: thread.subject, actorId: input.authorId, threadId: thread.id, detail: { title: thread.title } }, { userIds: participants, watchersOf: [{ kind: 'thread', id: thread.id }] })
  })
  return { ok: true, postId, subject: thread.subject }
}
