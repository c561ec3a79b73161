import { isRouteErrorResponse, useLocation, useRouteError } from '@remix-run/react'
import { Link } from '#app/components/link'
import { useT } from './i18n'
import { useRequestId } from './request-id'

/**
 * The shared error page. A thrown 404/403 Response shows its own message; anything else is a bug
 * and shows nothing of it (no stack, no SQL) — only the request id the server logged it under.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const location = useLocation()
  if (isRouteErrorResponse(error)) {
    const data = (typeof error.data === 'object' && error.data !== null ? error.data : {}) as { message?: string }
    if (error.status === 404) {
      return (
        <ErrorPage title={t('error.notFound.title')} body={data.message ?? t('error.notFound.body')}>
          <Link to="/">{t('error.backHome')}</Link>
        </ErrorPage>
      )
    }
    if (error.status === 410) {
      return (
        <ErrorPage title={t('delete.goneTitle')} body={data.message ?? t('delete.gone')}>
          <Link to="/moderation/log">{t('log.title')}</Link>
        </ErrorPage>
      )
    }
    if (error.status === 401) {
      // Not signed in: the way on is to sign in and come back here.
      return (
        <ErrorPage title={t('error.forbidden.title')} body={data.message ?? t('error.forbidden.body')}>
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname + location.search)}`}>{t('nav.login')}</Link>
        </ErrorPage>
      )
    }
    if (error.status === 403) {
      return <ErrorPage title={t('error.forbidden.title')} body={data.message ?? t('error.forbidden.body')} />
    }
    if (error.status === 503 || error.status === 507) {
      const full = (data as { failure?: unknown }).failure === 'full'
      return <ErrorPage title={t(full ? 'outage.full.title' : 'outage.unavailable.title')} body={t(full ? 'outage.full.body' : 'outage.unavailable.body')} />
    }
    if (error.status < 500) {
      return <ErrorPage title={`${error.status}`} body={data.message ?? error.statusText} />
    }
  }
  return (
    <ErrorPage title={t('error.generic.title')} body={t('error.generic.body')}>
      <Reference />
    </ErrorPage>
  )
}

/** The request id the server logged the failure under, as the generic body promises. */
function Reference() {
  const t = useT()
  const id = useRequestId()
  if (!id) return null
  return (
    <p className="error-reference" data-request-id={id}>
      {t('error.reference', { id })}
    </p>
  )
}

function ErrorPage({ title, body, children }: { title: string; body: string; children?: React.ReactNode }) {
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      {children}
    </div>
  )
}
