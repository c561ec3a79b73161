import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link'
import { clientIp } from '#app/auth/actor.server'
import { getSessionUser, readSessionId } from '#app/auth/session.server'
import { useT } from '#app/components/i18n'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { LoginSchema } from '#app/core/forms/login'
import { translator } from '#app/core/i18n/index'
import { safeRedirectPath } from '#app/core/redirect'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { signIn } from '#app/services/sign-in.server'
import { readSubmission } from '#app/http/form-body.server'

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get('redirectTo')))
  return { title: translator(getUiLang(request))('auth.login.title') }
}

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, LoginSchema)
  // The password never comes back to the page.
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  const { username, password, redirectTo } = submission.value
  // A session id planted before login is never kept: sign-in ends it and issues a new one.
  const result = await signIn(getDb(), { username, password, ip: clientIp(request), userAgent: request.headers.get('user-agent'), previousSessionId: readSessionId(request) })
  if (!result.ok && result.reason === 'throttled') {
    return data(
      { result: submission.reply({ formErrors: [t('auth.login.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) })], hideFields: ['password'] }) },
      { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } },
    )
  }
  if (!result.ok) return data({ result: submission.reply({ formErrors: [t('auth.login.invalid')], hideFields: ['password'] }) }, { status: 401 })
  return redirect(safeRedirectPath(redirectTo), { headers: { 'Set-Cookie': result.setCookie } })
}

export default function Login() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const [form, fields] = useSchemaForm('login', LoginSchema, actionData?.result)
  // Missing fields say one thing for both, so the form shows one message.
  const error = form.errors?.[0] ?? fields.username.errors?.[0] ?? fields.password.errors?.[0]
  return (
    <div className="narrow">
      <h1>{t('auth.login.title')}</h1>
      <Form method="post" className="stack" id={form.id} onSubmit={form.onSubmit}>
        {error ? (
          <p className="form-error" role="alert" id="login-error">
            {error}
          </p>
        ) : null}
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <label>
          {t('auth.username')}
          <input type="text" name="username" autoComplete="username" required maxLength={64} defaultValue={fields.username.initialValue ?? ''} aria-describedby={error ? 'login-error' : undefined} />
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
