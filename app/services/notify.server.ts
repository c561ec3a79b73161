import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { insertNotifications, type NotificationKind } from '#app/models/notifications.server'
import { listWatcherIds } from '#app/models/watchlist.server'

export interface NotificationEvent {
  kind: NotificationKind
  subject: { kind: string; id: string }
  actorId: string | null
  revisionId?: string | null
  threadId?: string | null
  detail?: Record<string, unknown>
}

/**
 * Tells people what happened, in the same transaction as the change that caused it (so a
 * notification never points at a write that was rolled back). The actor is never told of their
 * own act, and each person gets one notification per event however many ways they follow it.
 */
export async function notify(db: DB, event: NotificationEvent, recipients: { userIds?: string[]; watchersOf?: { kind: string; id: string }[] }): Promise<number> {
  const ids = new Set(recipients.userIds ?? [])
  for (const subject of recipients.watchersOf ?? []) for (const id of await listWatcherIds(db, subject)) ids.add(id)
  if (event.actorId) ids.delete(event.actorId)
  const createdAt = nowIso()
  await insertNotifications(
    db,
    [...ids].map((userId) => ({
      id: newId(), userId, kind: event.kind, subject: event.subject, actorId: event.actorId, revisionId: event.revisionId ?? null,
      threadId: event.threadId ?? null, detail: event.detail ?? {}, createdAt,
    })),
  )
  return ids.size
}
