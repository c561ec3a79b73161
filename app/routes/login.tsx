import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { clientIp } from '#app/auth/actor.server'
import { getSessionUser, readSessionId } from '#app/auth/session.server'
import { useT } from '#app/components/i18n'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { translator } from '#app/core/i18n/index'
import { safeRedirectPath } from '#app/core/redirect'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { signIn } from '#app/services/sign-in.server'
import { readFormData } from '#app/http/form-body.server'

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
  return { title: translator(getUiLang(request))('auth.login.title') }
}

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const form = await readFormData(request)
  const username = String(form.get('username') ?? '').slice(0, 100)
  const password = String(form.get('password') ?? '').slice(0, 1000)
  const redirectTo = safeRedirectPath(form.get('redirectTo'))
  if (!username || !password) return data({ error: t('auth.login.missing'), username }, { status: 400 })
  // A session id planted before login is never kept: sign-in ends it and issues a new one.
  const result = await signIn(getDb(), { username, password, ip: clientIp(request), userAgent: request.headers.get('user-agent'), previousSessionId: readSessionId(request) })
  if (!result.ok && result.reason === 'throttled') {
    return data(
      { error: t('auth.login.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) }), username },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  if (!result.ok) return data({ error: t('auth.login.invalid'), username }, { status: 401 })
  return redirect(redirectTo, { headers: { 'Set-Cookie': result.setCookie } })
}

export default function Login() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  return (
    <div className="narrow">
      <h1>{t('auth.login.title')}</h1>
      <Form method="post" className="stack">
        {actionData?.error ? (
          <p className="form-error" role="alert" id="login-error">
            {actionData.error}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <label>
          {t('auth.username')}
          <input type="text" name="username" autoComplete="username" required maxLength={64} defaultValue={actionData?.username ?? ''} aria-describedby={actionData?.error ? 'login-error' : undefined} />
        </label>
        <label>
          {t('auth.password')}
          <input type="password" name="password" autoComplete="current-password" required maxLength={256} />
        </label>
        <button type="submit" className="primary">
          {t('auth.login.submit')}
        </button>
      </Form>
      <p>
        {t('auth.login.noAccount')} <Link to="/signup">{t('nav.signup')}</Link>
      </p>
      <p>
        <Link to="/password/forgot">{t('forgot.link')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Log in'} · Sourced` }]

/** A document response takes its headers from here: without this, a 429 would lose its Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
