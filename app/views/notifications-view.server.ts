import type { DB } from '#app/models/db.server'
import { listNotifications, type NotificationRecord } from '#app/models/notifications.server'

export interface NotificationView {
  id: string
  kind: NotificationRecord['kind']
  read: boolean
  createdAt: string
  actor: string | null
  item: { kind: string; slug: string | null; title: string }
  /** What the notification says beyond its kind: a decision and its reason, a thread's title… */
  detail: { decision?: 'approve' | 'reject'; reason?: string; title?: string; newThread?: boolean; target?: string; to?: string }
  /** Where to go: the diff, the thread, the page. */
  href: string | null
  linkKind: 'diff' | 'thread' | 'page'
}

const NOTIFICATIONS_PER_PAGE = 50

/** A person's notifications, newest first, with the words and links each one needs. */
export async function getNotificationsView(db: DB, userId: string, options: { before: string | null; limit?: number }) {
  const limit = options.limit ?? NOTIFICATIONS_PER_PAGE
  const rows = await listNotifications(db, userId, { limit: limit + 1, before: options.before })
  const shown = rows.slice(0, limit)
  return { notifications: shown.map(toView), next: rows.length > limit ? (shown.at(-1)?.id ?? null) : null }
}

function toView(n: NotificationRecord): NotificationView {
  const d = n.detail
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined)
  const detail: NotificationView['detail'] = {
    decision: d.decision === 'approve' ? 'approve' : d.decision === 'reject' ? 'reject' : undefined,
    reason: str(d.reason), title: str(d.title), newThread: d.newThread === true, target: str(d.target), to: str(d.to),
  }
  const slug = n.subject.slug
  const base = slug ? `/pages/${slug}` : null
  let href: string | null = base
  let linkKind: NotificationView['linkKind'] = 'page'
  if ((n.kind === 'revision' || n.kind === 'decision') && base && n.revisionId) {
    const parent = str(d.parentId)
    href = parent ? `${base}/diff?from=${parent}&to=${n.revisionId}` : `${base}/revisions/${n.revisionId}`
    linkKind = 'diff'
  } else if (n.kind === 'reply' && slug && n.threadId) {
    href = `/talk/${n.subject.kind}/${slug}#thread-${n.threadId}`
    linkKind = 'thread'
  }
  return { id: n.id, kind: n.kind, read: n.read, createdAt: n.createdAt, actor: n.actor, item: { kind: n.subject.kind, slug, title: n.subject.title ?? str(d.subjectTitle) ?? '' }, detail, href, linkKind }
}

/** Consecutive notifications about the same item, shown together. */
export function groupByItem(notifications: NotificationView[]): { key: string; item: NotificationView['item']; notifications: NotificationView[] }[] {
  const groups: { key: string; item: NotificationView['item']; notifications: NotificationView[] }[] = []
  for (const n of notifications) {
    const key = `${n.item.kind}:${n.item.slug ?? n.item.title}`
    const last = groups.at(-1)
    if (last && last.key === key) last.notifications.push(n)
    else groups.push({ key, item: n.item, notifications: [n] })
  }
  return groups
}
