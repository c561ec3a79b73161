import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireSessionUser } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT, useUiLang } from '#app/components/i18n'
import { PlainText } from '#app/components/plain-text'
import { formatDateTime } from '#app/core/format'
import { translator, type Translate } from '#app/core/i18n/index'
import { ReadNotificationsSchema } from '#app/core/forms/read-notifications'
import { readSubmission } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { countUnread, markNotificationsRead } from '#app/models/notifications.server'
import css from '#app/styles/talk.css?url'
import { getNotificationsView, groupByItem, type NotificationView } from '#app/views/notifications-view.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

const ID = /^[0-9a-z]{26}$/

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSessionUser(request)
  const t = translator(getUiLang(request))
  const before = new URL(request.url).searchParams.get('before')
  const view = await getNotificationsView(getDb(), user.id, { before: before && ID.test(before) ? before : null })
  return { title: t('notifications.title'), groups: groupByItem(view.notifications), next: view.next, unread: await countUnread(getDb(), user.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSessionUser(request)
  const submission = await readSubmission(request, ReadNotificationsSchema)
  // Only a file where a hidden field belongs fails: no page of ours sends one.
  if (submission.status !== 'success') throw Response.json({ message: translator(getUiLang(request))('error.formBody.malformed') }, { status: 400 })
  await markNotificationsRead(getDb(), user.id, submission.value.ids, nowIso())
  return redirect('/notifications', 303)
}

export default function Notifications() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="notifications">
      <h1>{data.title}</h1>
      {data.groups.length === 0 ? <p>{t('notifications.empty')}</p> : null}
      {data.unread > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button">{t('notifications.markAllRead')}</button>
        </Form>
      ) : null}
      {data.groups.map((group) => (
        <section key={`${group.key}-${group.notifications[0]!.id}`} aria-label={`${group.item.title} · ${t('notifications.group', { count: group.notifications.length })}`}>
          <h2>{group.item.slug ? <Link to={`/pages/${group.item.slug}`}>{group.item.title}</Link> : group.item.title}</h2>
          <ul className="notification-list">
            {group.notifications.map((n) => (
              <li key={n.id} className={n.read ? undefined : 'unread'}>
                <span>
                  {n.read ? null : <span className="visually-hidden">{t('notifications.unread')}{t('punct.colon')} </span>}
                  {sentence(t, n)}
                </span>
                <span className="muted">{formatDateTime(lang, n.createdAt)}</span>
                {n.href ? <Link to={n.href}>{t(`notifications.open.${n.linkKind}`)}</Link> : null}
                {n.read ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="button-link">{t('notifications.markRead')}</button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {data.next ? (
        <p>
          <Link to={`/notifications?before=${data.next}`}>{t('notifications.older')}</Link>
        </p>
      ) : null}
    </div>
  )
}

function sentence(t: Translate, n: NotificationView): React.ReactNode {
  const actor = n.actor ?? '—'
  const subject = n.item.title
  switch (n.kind) {
    case 'revision':
      return t('notifications.kind.revision', { actor, subject })
    case 'decision':
      return n.detail.decision === 'reject' ? (
        <>
          {t('notifications.kind.decision.reject', { actor, subject, reason: '' })}
          <span className="reason"><PlainText text={n.detail.reason ?? ''} /></span>
        </>
      ) : (
        t('notifications.kind.decision.approve', { actor, subject })
      )
    case 'reply':
      return n.detail.newThread ? t('notifications.kind.thread', { actor, title: n.detail.title ?? '', subject }) : t('notifications.kind.reply', { actor, title: n.detail.title ?? '' })
    case 'report':
      return t('notifications.kind.report', { subject, target: n.detail.target ?? '' })
    case 'move':
      return t('notifications.kind.move', { actor, subject, to: `/${n.detail.to ?? ''}` })
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Notifications'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
