import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { Pager, RevisionListTable } from '#app/components/history'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDate } from '#app/core/format'
import { newestPageQuery, olderPageQuery, parseListQuery } from '#app/core/history-query'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { withRestoredRefs } from '#app/models/revisions.server'
import { listUserContributions } from '#app/models/history.server'
import { getUserByUsername } from '#app/models/users.server'
import { presentRevisionRow } from '#app/presenters/revision-row'
import historyCss from '#app/styles/history.css?url'
import { NO_HYDRATION } from '#app/components/hydration'
import { listRejectionReasons } from '#app/models/decisions.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: historyCss }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const username = (params.username ?? '').slice(0, 64)
  const user = await getUserByUsername(getDb(), username)
  if (!user) throw notFound(t('contrib.notFound', { user: username }))
  const url = new URL(request.url)
  const query = parseListQuery(url.searchParams)
  const contributions = await listUserContributions(getDb(), user.id, query)
  // The author of a rejected revision sees why, beside it.
  const reasons = await listRejectionReasons(getDb(), contributions.entries.filter((e) => e.status === 'rejected').map((e) => e.id))
  const blocked = user.blockedUntil !== null && new Date(user.blockedUntil) > new Date()
  return {
    title: t('contrib.title', { user: user.username }),
    user: { username: user.username, role: user.role, joined: user.createdAt, blockedUntil: blocked ? user.blockedUntil : null },
    rows: await withRestoredRefs(getDb(), contributions.entries.map((e) => ({ ...presentRevisionRow(e), rejection: reasons.get(e.id) ?? null }))),
    newest: query.before ? newestPageQuery(url.searchParams) : null,
    older: contributions.next ? olderPageQuery(url.searchParams, contributions.next) : null,
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function Contributions() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  const { user } = data
  return (
    <div>
      <h1>{data.title}</h1>
      <div className="profile">
        <dl>
          <dt>{t('contrib.role')}</dt>
          <dd>{t(`contrib.role.${user.role}`)}</dd>
          <dt>{t('contrib.joined')}</dt>
          <dd>
            <time dateTime={user.joined}>{formatDate(lang, user.joined)}</time>
          </dd>
          {user.blockedUntil ? (
            <>
              <dt>{t('history.col.status')}</dt>
              <dd>{t('contrib.blocked', { date: formatDate(lang, user.blockedUntil) })}</dd>
            </>
          ) : null}
        </dl>
      </div>
      <h2>{t('contrib.edits')}</h2>
      {data.rows.length === 0 ? <p>{t('contrib.empty')}</p> : <RevisionListTable rows={data.rows} showAuthor={false} />}
      <Pager newest={data.newest} older={data.older} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'User'} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
