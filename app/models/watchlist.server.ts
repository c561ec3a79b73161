import type { DB } from './db.server'

export interface WatchSubject {
  kind: string
  id: string
}

/** Follows an item; watching it again keeps the original date and what was seen. */
export async function addWatch(db: DB, userId: string, subject: WatchSubject, now: string): Promise<void> {
  await db
    .insertInto('watches')
    .values({ user_id: userId, subject_kind: subject.kind, subject_id: subject.id, created_at: now, last_seen_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'subject_kind', 'subject_id']).doNothing())
    .execute()
}

export async function removeWatch(db: DB, userId: string, subject: WatchSubject): Promise<boolean> {
  const result = await db.deleteFrom('watches').where('user_id', '=', userId).where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function isWatching(db: DB, userId: string, subject: WatchSubject): Promise<boolean> {
  const row = await db.selectFrom('watches').select('user_id').where('user_id', '=', userId).where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).executeTakeFirst()
  return row !== undefined
}

/** The person looked at the item: the watchlist counts changes after this. */
export async function markWatchSeen(db: DB, userId: string, subject: WatchSubject, now: string): Promise<void> {
  await db.updateTable('watches').set({ last_seen_at: now }).where('user_id', '=', userId).where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).execute()
}

export async function listWatcherIds(db: DB, subject: WatchSubject): Promise<string[]> {
  const rows = await db.selectFrom('watches').select('user_id').where('subject_kind', '=', subject.kind).where('subject_id', '=', subject.id).execute()
  return rows.map((r) => r.user_id)
}

export interface WatchedPage {
  kind: 'page'
  id: string
  slug: string
  title: string
  lastSeenAt: string
  /** Revisions saved after lastSeenAt, by anyone but the watcher. */
  changesSince: number
  latestChangeAt: string
}

export interface WatchedThread {
  kind: 'thread'
  id: string
  title: string
  subject: { kind: string; id: string; slug: string | null; title: string | null }
  lastSeenAt: string
  /** Posts written after lastSeenAt by anyone but the watcher. */
  changesSince: number
  latestChangeAt: string
}

export async function listWatchedPages(db: DB, userId: string): Promise<WatchedPage[]> {
  const rows = await db
    .selectFrom('watches as w')
    .innerJoin('pages as p', 'p.id', 'w.subject_id')
    .select((eb) => [
      'p.id', 'p.slug', 'p.title', 'p.updated_at', 'w.last_seen_at',
      eb
        .selectFrom('revisions as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.page_id', '=', 'p.id')
        .whereRef('r.created_at', '>', 'w.last_seen_at')
        .where('r.author_id', '!=', userId)
        .as('changes'),
    ])
    .where('w.user_id', '=', userId)
    .where('w.subject_kind', '=', 'page')
    .orderBy('p.updated_at', 'desc')
    .execute()
  return rows.map((r) => ({ kind: 'page', id: r.id, slug: r.slug, title: r.title, lastSeenAt: r.last_seen_at, changesSince: Number(r.changes ?? 0), latestChangeAt: r.updated_at }))
}

export async function listWatchedThreads(db: DB, userId: string): Promise<WatchedThread[]> {
  const rows = await db
    .selectFrom('watches as w')
    .innerJoin('talk_threads as t', 't.id', 'w.subject_id')
    .leftJoin('pages as p', (join) => join.onRef('p.id', '=', 't.subject_id').on('t.subject_kind', '=', 'page'))
    .select((eb) => [
      't.id', 't.title', 't.subject_kind', 't.subject_id', 't.last_post_at', 'w.last_seen_at', 'p.slug', 'p.title as subject_title',
      eb
        .selectFrom('talk_posts as x')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('x.thread_id', '=', 't.id')
        .whereRef('x.created_at', '>', 'w.last_seen_at')
        .where('x.author_id', '!=', userId)
        .as('changes'),
    ])
    .where('w.user_id', '=', userId)
    .where('w.subject_kind', '=', 'thread')
    .orderBy('t.last_post_at', 'desc')
    .execute()
  return rows.map((r) => ({
    kind: 'thread', id: r.id, title: r.title, subject: { kind: r.subject_kind, id: r.subject_id, slug: r.slug ?? null, title: r.subject_title ?? null },
    lastSeenAt: r.last_seen_at, changesSince: Number(r.changes ?? 0), latestChangeAt: r.last_post_at,
  }))
}
