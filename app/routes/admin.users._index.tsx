import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility, requireSessionUser } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDate, formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { isRole, ROLES } from '#app/core/roles'
import { INDEFINITE } from '#app/core/user-admin'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listUsers } from '#app/models/users.server'
import accountCss from '#app/styles/account.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }]

const PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSessionUser(request)
  await requireAbility(request, 'user.list')
  const params = new URL(request.url).searchParams
  const role = params.get('role')
  const now = new Date()
  const { users, next } = await listUsers(getDb(), {
    query: (params.get('q') ?? '').slice(0, 64),
    role: isRole(role) ? role : null,
    blocked: params.get('blocked') === '1',
    after: params.get('after'),
    limit: PAGE_SIZE,
    now,
  })
  return data(
    {
      title: translator(getUiLang(request))('userAdmin.title'),
      users: users.map((u) => ({
        username: u.username,
        role: u.role,
        createdAt: u.createdAt,
        blockedUntil: u.blockedUntil !== null && new Date(u.blockedUntil) > now ? u.blockedUntil : null,
      })),
      next,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export default function AdminUsers() {
  const { users, next } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const t = useT()
  const lang = useUiLang()
  const nextParams = new URLSearchParams(params)
  if (next) nextParams.set('after', next)
  return (
    <div className="account">
      <h1>{t('userAdmin.title')}</h1>
      <Form method="get" className="user-search" role="search">
        <label>
          {t('userAdmin.search.query')}
          <input type="search" name="q" defaultValue={params.get('q') ?? ''} maxLength={64} />
        </label>
        <label>
          {t('userAdmin.search.role')}
          <select name="role" defaultValue={params.get('role') ?? ''}>
            <option value="">{t('userAdmin.search.anyRole')}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`account.role.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="blocked" value="1" defaultChecked={params.get('blocked') === '1'} />
          {t('userAdmin.search.blocked')}
        </label>
        <button type="submit" className="primary">
          {t('userAdmin.search.submit')}
        </button>
      </Form>
      {users.length === 0 ? (
        <p>{t('userAdmin.list.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="muted">{t('userAdmin.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('userAdmin.list.username')}</th>
                <th scope="col">{t('userAdmin.list.role')}</th>
                <th scope="col">{t('userAdmin.list.created')}</th>
                <th scope="col">{t('userAdmin.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.username}>
                  <td>
                    <Link to={`/admin/users/${encodeURIComponent(u.username)}`}>{u.username}</Link>
                  </td>
                  <td>{t(`account.role.${u.role}`)}</td>
                  <td>{formatDate(lang, u.createdAt)}</td>
                  <td>
                    {u.blockedUntil === null ? (
                      t('userAdmin.list.active')
                    ) : (
                      <span className="status--blocked">
                        {u.blockedUntil === INDEFINITE ? t('userAdmin.list.blockedIndefinitely') : t('userAdmin.list.blockedUntil', { until: formatDateTime(lang, u.blockedUntil) })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p>
          <Link to={`?${nextParams.toString()}`}>{t('userAdmin.list.more')}</Link>
        </p>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Users'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export const headers: HeadersFunction = () => ({ 'Cache-Control': 'private, no-store' })

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
