import { parseModerationReason } from '#app/core/talk'
import type { Issue } from '#app/core/result'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getPost, getThread, insertTalkLog, setPostHidden, setThreadClosed } from '#app/models/talk.server'

export type TalkModeration = { action: 'close' | 'reopen'; threadId: string } | { action: 'hide' | 'unhide'; postId: string }

export type ModerateTalkResult = { ok: true; threadId: string } | { ok: false; status: 404 | 409; message: string } | { ok: false; status: 422; issues: Issue[] }

/**
 * A moderator closes or reopens a thread, or hides or shows a post, with a public reason: the
 * thread shows who did it and why, and the talk log keeps it.
 */
export async function moderateTalk(db: DB, input: { moderatorId: string; fields: unknown } & TalkModeration): Promise<ModerateTalkResult> {
  const parsed = parseModerationReason(input.fields)
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues }
  const reason = parsed.value.reason
  const now = nowIso()
  const target: TalkModeration = input
  if (!('postId' in target)) {
    const thread = await getThread(db, target.threadId)
    if (!thread) return { ok: false, status: 404, message: 'There is no such thread.' }
    if ((thread.status === 'closed') === (input.action === 'close')) return { ok: false, status: 409, message: input.action === 'close' ? 'This thread is already closed.' : 'This thread is open.' }
    await db.transaction().execute(async (trx) => {
      await setThreadClosed(trx, thread.id, input.action === 'close' ? { by: input.moderatorId, reason, at: now } : null)
      await insertTalkLog(trx, { id: newId(), threadId: thread.id, postId: null, actorId: input.moderatorId, action: input.action, reason, previousBody: null, createdAt: now })
    })
    return { ok: true, threadId: thread.id }
  }
  const post = await getPost(db, target.postId)
  if (!post) return { ok: false, status: 404, message: 'There is no such post.' }
  if ((post.hiddenAt !== null) === (input.action === 'hide')) return { ok: false, status: 409, message: input.action === 'hide' ? 'This post is already hidden.' : 'This post is not hidden.' }
  await db.transaction().execute(async (trx) => {
    await setPostHidden(trx, post.id, input.action === 'hide' ? { by: input.moderatorId, reason, at: now } : null)
    await insertTalkLog(trx, { id: newId(), threadId: post.threadId, postId: post.id, actorId: input.moderatorId, action: input.action, reason, previousBody: null, createdAt: now })
  })
  return { ok: true, threadId: post.threadId }
}
