import type { DB } from './db.server'

export interface TalkSubject {
  kind: string
  id: string
}

export interface ThreadSummary {
  id: string
  subject: TalkSubject
  title: string
  author: string
  status: 'open' | 'closed'
  closeReason: string | null
  closedBy: string | null
  closedAt: string | null
  postCount: number
  lastPostAt: string
  createdAt: string
}

export interface TalkPost {
  id: string
  threadId: string
  authorId: string
  author: string
  body: string
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  hiddenAt: string | null
  hiddenReason: string | null
}

export interface TalkLogEntry {
  id: string
  threadId: string
  postId: string | null
  actor: string
  action: TalkLogAction
  reason: string | null
  createdAt: string
}

export type TalkLogAction = 'edit' | 'delete' | 'close' | 'reopen' | 'hide' | 'unhide'

function threadQuery(db: DB) {
  return db
    .selectFrom('talk_threads as t')
    .innerJoin('users as a', 'a.id', 't.author_id')
    .leftJoin('users as c', 'c.id', 't.closed_by')
    .select([
      't.id', 't.subject_kind', 't.subject_id', 't.title', 'a.username as author', 't.status', 't.close_reason',
      'c.username as closed_by', 't.closed_at', 't.post_count', 't.last_post_at', 't.created_at',
    ])
}

type ThreadRow = Awaited<ReturnType<ReturnType<typeof threadQuery>['executeTakeFirstOrThrow']>>

function toThread(row: ThreadRow): ThreadSummary {
  return {
    id: row.id, subject: { kind: row.subject_kind, id: row.subject_id }, title: row.title, author: row.author,
    status: row.status === 'closed' ? 'closed' : 'open', closeReason: row.close_reason, closedBy: row.closed_by ?? null, closedAt: row.closed_at,
    postCount: Number(row.post_count), lastPostAt: row.last_post_at, createdAt: row.created_at,
  }
}

/** The threads of one page (or product, claim), most recently active first. */
export async function listThreads(db: DB, subject: TalkSubject, options: { limit: number; before?: { lastPostAt: string; id: string } | null }): Promise<ThreadSummary[]> {
  let query = threadQuery(db).where('t.subject_kind', '=', subject.kind).where('t.subject_id', '=', subject.id)
  const before = options.before
  if (before) query = query.where((eb) => eb.or([eb('t.last_post_at', '<', before.lastPostAt), eb.and([eb('t.last_post_at', '=', before.lastPostAt), eb('t.id', '<', before.id)])]))
  const rows = await query.orderBy('t.last_post_at', 'desc').orderBy('t.id', 'desc').limit(options.limit).execute()
  return rows.map(toThread)
}

export async function getThread(db: DB, id: string): Promise<ThreadSummary | null> {
  const row = await threadQuery(db).where('t.id', '=', id).executeTakeFirst()
  return row ? toThread(row) : null
}

function postQuery(db: DB) {
  return db
    .selectFrom('talk_posts as p')
    .innerJoin('users as a', 'a.id', 'p.author_id')
    .select(['p.id', 'p.thread_id', 'p.author_id', 'a.username as author', 'p.body', 'p.created_at', 'p.edited_at', 'p.deleted_at', 'p.hidden_at', 'p.hidden_reason'])
}

type PostRow = Awaited<ReturnType<ReturnType<typeof postQuery>['executeTakeFirstOrThrow']>>

function toPost(r: PostRow): TalkPost {
  return {
    id: r.id, threadId: r.thread_id, authorId: r.author_id, author: r.author, body: r.body, createdAt: r.created_at,
    editedAt: r.edited_at, deletedAt: r.deleted_at, hiddenAt: r.hidden_at, hiddenReason: r.hidden_reason,
  }
}

/** The posts of some threads in the order they were written, bodies as stored (views redact). */
export async function listPosts(db: DB, threadIds: string[]): Promise<TalkPost[]> {
  if (threadIds.length === 0) return []
  return (await postQuery(db).where('p.thread_id', 'in', threadIds).orderBy('p.id').execute()).map(toPost)
}

export async function getPost(db: DB, id: string): Promise<TalkPost | null> {
  const row = await postQuery(db).where('p.id', '=', id).executeTakeFirst()
  return row ? toPost(row) : null
}

export async function insertThread(db: DB, t: { id: string; subject: TalkSubject; title: string; authorId: string; createdAt: string }): Promise<void> {
  await db
    .insertInto('talk_threads')
    .values({ id: t.id, subject_kind: t.subject.kind, subject_id: t.subject.id, title: t.title, author_id: t.authorId, status: 'open', post_count: 0, last_post_at: t.createdAt, created_at: t.createdAt })
    .execute()
}

/** Adds a post and moves its thread to the top of the list. */
export async function insertPost(db: DB, p: { id: string; threadId: string; authorId: string; body: string; createdAt: string }): Promise<void> {
  await db.insertInto('talk_posts').values({ id: p.id, thread_id: p.threadId, author_id: p.authorId, body: p.body, created_at: p.createdAt }).execute()
  await db
    .updateTable('talk_threads')
    .set((eb) => ({ post_count: eb('post_count', '+', 1), last_post_at: p.createdAt }))
    .where('id', '=', p.threadId)
    .execute()
}

export async function updatePostBody(db: DB, id: string, body: string, editedAt: string): Promise<void> {
  await db.updateTable('talk_posts').set({ body, edited_at: editedAt }).where('id', '=', id).execute()
}

export async function markPostDeleted(db: DB, id: string, deletedAt: string): Promise<void> {
  await db.updateTable('talk_posts').set({ deleted_at: deletedAt }).where('id', '=', id).where('deleted_at', 'is', null).execute()
}

export async function setPostHidden(db: DB, id: string, hidden: { by: string; reason: string; at: string } | null): Promise<void> {
  await db
    .updateTable('talk_posts')
    .set(hidden ? { hidden_at: hidden.at, hidden_by: hidden.by, hidden_reason: hidden.reason } : { hidden_at: null, hidden_by: null, hidden_reason: null })
    .where('id', '=', id)
    .execute()
}

export async function setThreadClosed(db: DB, id: string, closed: { by: string; reason: string; at: string } | null): Promise<void> {
  await db
    .updateTable('talk_threads')
    .set(closed ? { status: 'closed', closed_by: closed.by, close_reason: closed.reason, closed_at: closed.at } : { status: 'open', closed_by: null, close_reason: null, closed_at: null })
    .where('id', '=', id)
    .execute()
}

export async function insertTalkLog(
  db: DB,
  e: { id: string; threadId: string; postId: string | null; actorId: string; action: TalkLogAction; reason: string | null; previousBody: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto('talk_log')
    .values({ id: e.id, thread_id: e.threadId, post_id: e.postId, actor_id: e.actorId, action: e.action, reason: e.reason, previous_body: e.previousBody, created_at: e.createdAt })
    .execute()
}

/** The public log of a thread's edits and moderation (the replaced text stays with moderators). */
export async function listTalkLog(db: DB, threadIds: string[]): Promise<TalkLogEntry[]> {
  if (threadIds.length === 0) return []
  const rows = await db
    .selectFrom('talk_log as l')
    .innerJoin('users as u', 'u.id', 'l.actor_id')
    .select(['l.id', 'l.thread_id', 'l.post_id', 'u.username as actor', 'l.action', 'l.reason', 'l.created_at'])
    .where('l.thread_id', 'in', threadIds)
    .orderBy('l.id')
    .execute()
  return rows.map((r) => ({ id: r.id, threadId: r.thread_id, postId: r.post_id, actor: r.actor, action: r.action as TalkLogAction, reason: r.reason, createdAt: r.created_at }))
}

/** Who wrote in a thread (for reply notifications). */
export async function listThreadParticipantIds(db: DB, threadId: string): Promise<string[]> {
  const rows = await db.selectFrom('talk_posts').select('author_id').distinct().where('thread_id', '=', threadId).execute()
  return rows.map((r) => r.author_id)
}
