import { translator } from '#app/core/i18n/index'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { insertNotifications, type NotificationKind } from '#app/models/notifications.server'
import { getPageById } from '#app/models/pages.server'
import { listMailSettings } from '#app/models/user-mail.server'
import { getUserById } from '#app/models/users.server'
import { listWatcherIds } from '#app/models/watchlist.server'
import { absolute, notificationText, withUnsubscribe } from './mail-content.server'
import { enqueueMail } from './mailer.server'

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
 * Those who chose this kind "at once" by mail get it queued as a mail too (the daily digest
 * reads the notifications later).
 */
export async function notify(db: DB, event: NotificationEvent, recipients: { userIds?: string[]; watchersOf?: { kind: string; id: string }[] }): Promise<number> {
  const ids = new Set(recipients.userIds ?? [])
  for (const subject of recipients.watchersOf ?? []) for (const id of await listWatcherIds(db, subject)) ids.add(id)
  if (event.actorId) ids.delete(event.actorId)
  if (ids.size === 0) return 0
  const createdAt = nowIso()
  await insertNotifications(
    db,
    [...ids].map((userId) => ({
      id: newId(), userId, kind: event.kind, subject: event.subject, actorId: event.actorId, revisionId: event.revisionId ?? null,
      threadId: event.threadId ?? null, detail: event.detail ?? {}, createdAt,
    })),
  )
  const mailTo = (await listMailSettings(db, [...ids])).filter((s) => s.email && s.unsubscribeKey && s.mode === 'immediate' && s.kinds.includes(event.kind))
  if (mailTo.length > 0) {
    const [actor, page] = await Promise.all([event.actorId ? getUserById(db, event.actorId) : null, event.subject.kind === 'page' ? getPageById(db, event.subject.id) : null])
    const link = page ? absolute(event.threadId ? `/talk/page/${page.slug}#thread-${event.threadId}` : event.revisionId ? `/pages/${page.slug}/revisions/${event.revisionId}` : `/pages/${page.slug}`) : absolute('/notifications')
    for (const person of mailTo) {
      const t = translator(person.lang)
      const text = notificationText(person.lang, { kind: event.kind, actor: actor?.username ?? '—', subject: page?.title ?? '', detail: event.detail ?? {} })
      const subject = t('mail.notification.subject', { text: text.length > 120 ? `${text.slice(0, 117)}…` : text })
      await enqueueMail(db, withUnsubscribe(person.lang, person.unsubscribeKey!, { to: person.email!, subject, text: `${text}\n\n${t('mail.open', { link })}` }))
    }
  }
  return ids.size
}
