import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import type { NotificationKind } from '#app/core/notification-kinds'
import { getOrigins } from '#app/http/origin.server'
import type { OutgoingMail } from './mailer.server'

/** One notification in words, as the app says it (the same messages as /notifications). */
export function notificationText(lang: Lang, n: { kind: NotificationKind; actor: string; subject: string; detail: Record<string, unknown> }): string {
  const t = translator(lang)
  const str = (v: unknown) => (typeof v === 'string' ? v : '')
  switch (n.kind) {
    case 'revision':
      return t('notifications.kind.revision', { actor: n.actor, subject: n.subject })
    case 'decision':
      return n.detail.decision === 'reject' ? t('notifications.kind.decision.reject', { actor: n.actor, subject: n.subject, reason: str(n.detail.reason) }) : t('notifications.kind.decision.approve', { actor: n.actor, subject: n.subject })
    case 'reply':
      return n.detail.newThread ? t('notifications.kind.thread', { actor: n.actor, title: str(n.detail.title), subject: n.subject }) : t('notifications.kind.reply', { actor: n.actor, title: str(n.detail.title) })
    case 'report':
      return t('notifications.kind.report', { subject: n.subject, target: str(n.detail.target) })
    case 'move':
      return t('notifications.kind.move', { actor: n.actor, subject: n.subject, to: `/${str(n.detail.to)}` })
  }
}

/** Every notification mail ends with a one-click way out that needs no sign-in (RFC 8058 headers too). */
export function withUnsubscribe(lang: Lang, unsubscribeKey: string, mail: Omit<OutgoingMail, 'headers'>): OutgoingMail {
  const { origin } = getOrigins()
  const link = `${origin}/mail/unsubscribe/${unsubscribeKey}`
  const footer = translator(lang)('mail.footer', { link, settings: `${origin}/account/email` })
  return { ...mail, text: `${mail.text}\n\n-- \n${footer}\n`, headers: { 'List-Unsubscribe': `<${link}>` } }
}

export function absolute(path: string): string {
  return `${getOrigins().origin}${path}`
}
