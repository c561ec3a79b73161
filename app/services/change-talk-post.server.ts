import { parsePostBody } from '#app/core/talk'
import type { Issue } from '#app/core/result'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getPost, insertTalkLog, markPostDeleted, updatePostBody } from '#app/models/talk.server'

export type ChangeTalkPostResult =
  | { ok: true; threadId: string }
  | { ok: false; status: 403 | 404 | 409; message: string }
  | { ok: false; status: 422; issues: Issue[] }

/**
 * The author edits or deletes their own post. The text it replaced goes to the talk log (kept for
 * moderators), and the thread shows that the post was edited or deleted and when.
 */
export async function changeTalkPost(db: DB, input: { actorId: string; postId: string; change: 'edit' | 'delete'; fields?: unknown }): Promise<ChangeTalkPostResult> {
  const post = await getPost(db, input.postId)
  if (!post) return { ok: false, status: 404, message: 'There is no such post.' }
  if (post.authorId !== input.actorId) return { ok: false, status: 403, message: 'Only the author can change a post.' }
  if (post.deletedAt) return { ok: false, status: 409, message: 'This post was already deleted.' }
  const now = nowIso()
  if (input.change === 'delete') {
    await db.transaction().execute(async (trx) => {
      await markPostDeleted(trx, post.id, now)
      await insertTalkLog(trx, { id: newId(), threadId: post.threadId, postId: post.id, actorId: input.actorId, action: 'delete', reason: null, previousBody: post.body, createdAt: now })
    })
    return { ok: true, threadId: post.threadId }
  }
  const parsed = parsePostBody(input.fields)
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues }
  if (parsed.value.body === post.body) return { ok: true, threadId: post.threadId }
  await db.transaction().execute(async (trx) => {
    await updatePostBody(trx, post.id, parsed.value.body, now)
    await insertTalkLog(trx, { id: newId(), threadId: post.threadId, postId: post.id, actorId: input.actorId, action: 'edit', reason: null, previousBody: post.body, createdAt: now })
  })
  return { ok: true, threadId: post.threadId }
}
