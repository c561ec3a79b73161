import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { clientIp } from '#app/auth/actor.server'
import { endSession, getSessionUser, readSessionId, startSession } from '#app/auth/session.server'
import { useT } from '#app/components/i18n'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { SignupSchema } from '#app/core/forms/signup'
import { config } from '#app/infra/config.server'
import { PASSWORD_MAX, PASSWORD_MIN } from '#app/core/password-rules'
import { translator } from '#app/core/i18n/index'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { checkLimit, hitLimit } from '#app/models/rate-limits.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { createAccount } from '#app/services/create-account.server'
import accountCss from '#app/styles/account.css?url'
import { readSubmission } from '#app/http/form-body.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: accountCss }]

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect('/')
  return { title: translator(getUiLang(request))('auth.signup.title') }
}

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const db = getDb()
  const submission = await readSubmission(request, SignupSchema)
  const ip = clientIp(request)
  // Accounts created are counted, not attempts: a typo in the password costs nothing, and a
  // failed attempt costs the server no password hash.
  const bucket = `signup:${ip ?? 'unknown'}`
  const limit = await checkLimit(db, bucket, config.limits.signupIp)
  if (!limit.allowed) {
    await logSecurityEvent(db, 'signup.throttled', { ip })
    return data(
      { result: submission.reply({ formErrors: [t('auth.signup.throttled', { minutes: Math.ceil(limit.retryAfterSeconds / 60) })], hideFields: ['password'] }) },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    )
  }
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 422 })
  // The role is never read from the form: every new account starts as an editor.
  const created = await createAccount(db, { ...submission.value, role: 'editor' })
  if (!created.ok) {
    const fieldErrors = Object.fromEntries(created.issues.map((i) => [i.path, [t(`auth.issue.${i.code}` as 'auth.issue.common')]]))
    return data({ result: submission.reply({ fieldErrors, hideFields: ['password'] }) }, { status: 422 })
  }
  await hitLimit(db, bucket, config.limits.signupIp)
  await logSecurityEvent(db, 'signup', { userId: created.value.id, username: created.value.username, ip })
  const previous = readSessionId(request)
  if (previous) await endSession(previous)
  const setCookie = await startSession(created.value.id, { ip, userAgent: request.headers.get('user-agent') })
  return redirect('/', { headers: { 'Set-Cookie': setCookie } })
}

export default function Signup() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm('signup', SignupSchema, actionData?.result)
  const errors = { form: form.errors?.[0], username: fields.username.errors?.[0], password: fields.password.errors?.[0] }
  return (
    <div className="narrow">
      <h1>{t('auth.signup.title')}</h1>
      <p>{t('auth.signup.intro')}</p>
      <Form method="post" className="stack" id={form.id} onSubmit={form.onSubmit}>
        {errors.form ? <p className="form-error" role="alert">{errors.form}</p> : null}
        {/* Hints and errors sit beside the labels: they describe the fields, they do not name them. */}
        <div className="field">
          <label htmlFor="signup-username">{t('auth.username')}</label>
          <input type="text" id="signup-username" name="username" autoComplete="username" required minLength={3} maxLength={32} defaultValue={fields.username.initialValue ?? ''} aria-invalid={errors.username ? true : undefined} aria-describedby={errors.username ? 'username-error username-hint' : 'username-hint'} />
          <span id="username-hint" className="muted">{t('auth.username.hint')}</span>
          {errors.username ? <span id="username-error" className="field-error">{errors.username}</span> : null}
        </div>
        <div className="field">
          <label htmlFor="signup-password">{t('auth.password')}</label>
          <input type="password" id="signup-password" name="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} aria-invalid={errors.password ? true : undefined} aria-describedby={errors.password ? 'password-error password-hint' : 'password-hint'} />
          <span id="password-hint" className="muted">{t('auth.password.hint', { min: PASSWORD_MIN })}</span>
          {errors.password ? <span id="password-error" className="field-error">{errors.password}</span> : null}
        </div>
        <button type="submit" className="primary">{t('auth.signup.submit')}</button>
      </Form>
      <p>
        {t('auth.signup.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Sign up'} · Sourced` }]

/** A document response takes its headers from here: without this, a 429 would lose its Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get('Retry-After')
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
