import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireSessionUser } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { WatchlistSchema } from '#app/core/forms/watchlist'
import { readSubmission } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { listWatchedPages, listWatchedThreads, markWatchSeen, removeWatch } from '#app/models/watchlist.server'
import css from '#app/styles/talk.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSessionUser(request)
  const t = translator(getUiLang(request))
  const [pages, threads] = await Promise.all([listWatchedPages(getDb(), user.id), listWatchedThreads(getDb(), user.id)])
  return { title: t('watchlist.title'), pages, threads }
}

/** Unwatch one item, mark one item seen, or mark everything seen. */
export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSessionUser(request)
  const submission = await readSubmission(request, WatchlistSchema)
  // Only a file where a hidden field belongs fails: no page of ours sends one.
  if (submission.status !== 'success') throw Response.json({ message: translator(getUiLang(request))('error.formBody.malformed') }, { status: 400 })
  const { intent, kind, id } = submission.value
  const subject = { kind, id }
  const db = getDb()
  const now = nowIso()
  if (intent === 'unwatch') await removeWatch(db, user.id, subject)
  else if (intent === 'seen') await markWatchSeen(db, user.id, subject, now)
  else if (intent === 'seen-all') {
    const [pages, threads] = await Promise.all([listWatchedPages(db, user.id), listWatchedThreads(db, user.id)])
    for (const item of [...pages, ...threads]) await markWatchSeen(db, user.id, { kind: item.kind, id: item.id }, now)
  }
  return redirect('/watchlist', 303)
}

export default function Watchlist() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  const empty = data.pages.length === 0 && data.threads.length === 0
  return (
    <div className="watchlist">
      <h1>{data.title}</h1>
      <p className="lead">{t('watchlist.intro')}</p>
      {empty ? <p>{t('watchlist.empty')}</p> : (
        <Form method="post">
          <input type="hidden" name="intent" value="seen-all" />
          <button type="submit" className="button">{t('watchlist.markAllSeen')}</button>
        </Form>
      )}
      {data.pages.length > 0 ? (
        <section aria-labelledby="watch-pages">
          <h2 id="watch-pages">{t('watchlist.pages')}</h2>
          <ul className="watch-list">
            {data.pages.map((page) => (
              <li key={page.id}>
                <Link to={page.changesSince > 0 ? `/pages/${page.slug}/history` : `/pages/${page.slug}`}>{page.title}</Link>
                <span className={page.changesSince > 0 ? 'badge badge--warn' : 'muted'}>{t('watchlist.changes', { count: page.changesSince })}</span>
                <span className="muted">{formatDateTime(lang, page.latestChangeAt)}</span>
                <ItemForms kind="page" id={page.id} seen={page.changesSince === 0} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.threads.length > 0 ? (
        <section aria-labelledby="watch-threads">
          <h2 id="watch-threads">{t('watchlist.threads')}</h2>
          <ul className="watch-list">
            {data.threads.map((thread) => (
              <li key={thread.id}>
                <Link to={`/talk/${thread.subject.kind}/${thread.subject.slug ?? ''}#thread-${thread.id}`}>{thread.title}</Link>
                {thread.subject.title ? <span className="muted">{t('watchlist.on', { subject: thread.subject.title })}</span> : null}
                <span className={thread.changesSince > 0 ? 'badge badge--warn' : 'muted'}>{t('watchlist.changes', { count: thread.changesSince })}</span>
                <ItemForms kind="thread" id={thread.id} seen={thread.changesSince === 0} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

function ItemForms({ kind, id, seen }: { kind: 'page' | 'thread'; id: string; seen: boolean }) {
  const t = useT()
  return (
    <>
      {seen ? null : (
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="seen" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <button type="submit" className="button-link">{t('watchlist.markSeen')}</button>
        </Form>
      )}
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="unwatch" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <button type="submit" className="button-link">{t('watchlist.unwatch')}</button>
      </Form>
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Watchlist'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
