import { translator } from '#app/core/i18n/index'
import type { DB } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { listNotifications } from '#app/models/notifications.server'
import { listDigestDue, setDigestSent } from '#app/models/user-mail.server'
import { absolute, notificationText, withUnsubscribe } from './mail-content.server'
import { enqueueMail } from './mailer.server'

const DAY = 86_400_000

/**
 * The daily digest: for each person who chose it and was last sent one over a day ago, one mail
 * with the unread notifications of the kinds they chose since then. Nothing new, no mail.
 */
export async function queueDigests(db: DB, now = new Date()): Promise<number> {
  let queued = 0
  for (const person of await listDigestDue(db, nowIso(new Date(now.getTime() - DAY)))) {
    if (!person.email || !person.unsubscribeKey) continue
    const since = person.digestAt ?? nowIso(new Date(now.getTime() - DAY))
    const fresh = (await listNotifications(db, person.userId, { limit: 100, unreadOnly: true })).filter((n) => n.createdAt > since && person.kinds.includes(n.kind))
    await db.transaction().execute(async (trx) => {
      await setDigestSent(trx, person.userId, nowIso(now))
      if (fresh.length === 0) return
      const t = translator(person.lang)
      const lines = fresh.map((n) => `- ${notificationText(person.lang, { kind: n.kind, actor: n.actor ?? '—', subject: n.subject.title ?? '', detail: n.detail })}`)
      await enqueueMail(trx, withUnsubscribe(person.lang, person.unsubscribeKey!, { to: person.email!, subject: t('mail.digest.subject', { count: fresh.length }), text: `${lines.join('\n')}\n\n${t('mail.open', { link: absolute('/notifications') })}` }))
      queued++
    })
  }
  return queued
}
