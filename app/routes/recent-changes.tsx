import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { Pager, RevisionListTable } from '#app/components/history'
import { useT } from '#app/components/i18n'
import { REVISION_STATUSES } from '#app/core/content'
import { newestPageQuery, olderPageQuery, parseListQuery, parseStatus } from '#app/core/history-query'
import { translator } from '#app/core/i18n/index'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { withRestoredRefs } from '#app/models/revisions.server'
import { listRecentChanges, type HistoryPage } from '#app/models/history.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getUserByUsername } from '#app/models/users.server'
import { getOrigins } from '#app/http/origin.server'
import { presentRevisionRow } from '#app/presenters/revision-row'
import historyCss from '#app/styles/history.css?url'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: historyCss }]

export async function loader({ request }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const db = getDb()
  const url = new URL(request.url)
  const params = url.searchParams
  const slug = (params.get('page') ?? '').trim().slice(0, 100)
  const username = (params.get('user') ?? '').trim().slice(0, 64)
  const status = parseStatus(params.get('status'))
  const query = parseListQuery(params)
  const [page, user] = await Promise.all([slug ? getPageBySlug(db, slug) : null, username ? getUserByUsername(db, username) : null])
  // A filter naming nothing shows why the list is empty instead of silently showing everything.
  const problems = [...(slug && !page ? [t('recent.unknownPage', { slug })] : []), ...(username && !user ? [t('recent.unknownUser', { user: username })] : [])]
  const list: HistoryPage = problems.length > 0 ? { entries: [], next: null } : await listRecentChanges(db, { ...query, pageId: page?.id, authorId: user?.id, status })
  return {
    title: t('recent.title'),
    feed: `${getOrigins().origin}/feeds/recent-changes.atom`,
    filters: { page: slug, user: username, status: status ?? '' },
    filtered: Boolean(slug || username || status),
    problems,
    rows: await withRestoredRefs(db, list.entries.map(presentRevisionRow)),
    newest: query.before ? newestPageQuery(params) : null,
    older: list.next ? olderPageQuery(params, list.next) : null,
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function RecentChanges() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div>
      <h1>{data.title}</h1>
      <p className="history-tools">
        <span className="muted">{t('recent.intro')}</span>
        <a href={data.feed} type="application/atom+xml">
          {t('recent.feed')}
        </a>
      </p>
      <Form method="get" className="filters-form">
        <fieldset className="filters">
          <legend>{t('recent.filters')}</legend>
          <label>
            {t('recent.page')}
            <input type="text" name="page" defaultValue={data.filters.page} maxLength={100} />
          </label>
          <label>
            {t('recent.user')}
            <input type="text" name="user" defaultValue={data.filters.user} maxLength={64} autoComplete="off" />
          </label>
          <label>
            {t('recent.status')}
            <select name="status" defaultValue={data.filters.status}>
              <option value="">{t('recent.anyStatus')}</option>
              {REVISION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`history.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary">
            {t('recent.apply')}
          </button>
          {data.filtered ? <Link to="/recent-changes">{t('recent.reset')}</Link> : null}
        </fieldset>
      </Form>
      {data.problems.map((p) => (
        <p key={p} className="form-error" role="status">
          {p}
        </p>
      ))}
      {data.rows.length === 0 ? <p>{t('recent.empty')}</p> : <RevisionListTable rows={data.rows} showAuthor />}
      <Pager newest={data.newest} older={data.older} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.title} · Sourced` },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: data.feed, title: data.title },
        ...(data.filtered ? [{ name: 'robots', content: 'noindex' }] : []),
      ]
    : [{ title: 'Sourced' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
