import type { DB } from './db.server'

import type { NotificationKind } from '#app/core/notification-kinds'

export type { NotificationKind }

export interface NewNotification {
  id: string
  userId: string
  kind: NotificationKind
  subject: { kind: string; id: string }
  actorId: string | null
  revisionId: string | null
  threadId: string | null
  detail: Record<string, unknown>
  createdAt: string
}

export interface NotificationRecord {
  id: string
  kind: NotificationKind
  subject: { kind: string; id: string; slug: string | null; title: string | null }
  actor: string | null
  revisionId: string | null
  threadId: string | null
  detail: Record<string, unknown>
  read: boolean
  createdAt: string
}

export async function insertNotifications(db: DB, notifications: NewNotification[]): Promise<void> {
  if (notifications.length === 0) return
  await db
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        id: n.id, user_id: n.userId, kind: n.kind, subject_kind: n.subject.kind, subject_id: n.subject.id, actor_id: n.actorId,
        revision_id: n.revisionId, thread_id: n.threadId, detail: JSON.stringify(n.detail), read_at: null, created_at: n.createdAt,
      })),
    )
    .execute()
}

/** Newest first, keyset-paginated by id (ids sort by creation time). */
export async function listNotifications(db: DB, userId: string, options: { limit: number; before?: string | null; unreadOnly?: boolean }): Promise<NotificationRecord[]> {
  let query = db
    .selectFrom('notifications as n')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .leftJoin('pages as p', (join) => join.onRef('p.id', '=', 'n.subject_id').on('n.subject_kind', '=', 'page'))
    .select(['n.id', 'n.kind', 'n.subject_kind', 'n.subject_id', 'a.username as actor', 'n.revision_id', 'n.thread_id', 'n.detail', 'n.read_at', 'n.created_at', 'p.slug', 'p.title'])
    .where('n.user_id', '=', userId)
  if (options.before) query = query.where('n.id', '<', options.before)
  if (options.unreadOnly) query = query.where('n.read_at', 'is', null)
  const rows = await query.orderBy('n.id', 'desc').limit(options.limit).execute()
  return rows.map((r) => ({
    id: r.id, kind: r.kind as NotificationKind, subject: { kind: r.subject_kind, id: r.subject_id, slug: r.slug ?? null, title: r.title ?? null },
    actor: r.actor ?? null, revisionId: r.revision_id, threadId: r.thread_id, detail: parseDetail(r.detail), read: r.read_at !== null, createdAt: r.created_at,
  }))
}

function parseDetail(raw: string | null): Record<string, unknown> {
  if (!raw) return {}
  try {
    const value: unknown = JSON.parse(raw)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

export async function countUnread(db: DB, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Marks some (or, with ids null, all) of a person's notifications read. */
export async function markNotificationsRead(db: DB, userId: string, ids: string[] | null, now: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null)
  if (ids !== null) {
    if (ids.length === 0) return 0
    query = query.where('id', 'in', ids)
  }
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Notifications are kept 90 days (the sweep deletes older ones). */
export async function deleteNotificationsBefore(db: DB, before: string): Promise<number> {
  const result = await db.deleteFrom('notifications').where('created_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
