import type { TalkThreadView } from '#app/views/talk-view.server'

/** The public JSON shape of a talk thread: redacted as the viewer sees it, never raw rows. */
export function presentThread(thread: TalkThreadView) {
  return {
    id: thread.id,
    title: thread.title,
    author: thread.author,
    status: thread.status,
    closeReason: thread.closeReason,
    replies: Math.max(0, thread.postCount - 1),
    createdAt: thread.createdAt,
    updatedAt: thread.lastPostAt,
    posts: thread.posts.map((p) => ({
      id: p.id,
      author: p.author,
      state: p.state,
      body: p.segments ? p.segments.map((s) => s.text).join('') : null,
      hiddenReason: p.hiddenReason,
      createdAt: p.createdAt,
      editedAt: p.editedAt,
    })),
  }
}
