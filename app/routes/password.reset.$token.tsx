import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { clientIp } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { readFormFields } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { isResetTokenUsable, resetPassword } from '#app/services/password-reset.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  return { title: t('reset.title'), usable: await isResetTokenUsable(getDb(), params.token ?? '') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const form = await readFormFields(request)
  const result = await resetPassword(getDb(), { token: params.token ?? '', password: form.password, confirm: form.confirm, ip: clientIp(request) })
  if (result.ok) return { ok: true as const, message: t('reset.done') }
  if (result.reason === 'invalid_token') return data({ ok: false as const, message: t('verify.invalid') }, { status: 410 })
  if (result.reason === 'mismatch') return data({ ok: false as const, message: t('reset.mismatch') }, { status: 422 })
  return data({ ok: false as const, message: result.issues.map((i) => i.message).join(' ') }, { status: 422 })
}

export default function ResetPassword() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  if (result?.ok) {
    return (
      <div className="narrow">
        <h1>{data.title}</h1>
        <p className="notice" role="status">{result.message}</p>
        <p><Link to="/login">{t('nav.login')}</Link></p>
      </div>
    )
  }
  return (
    <div className="narrow">
      <h1>{data.title}</h1>
      {result ? <p className="form-error" role="alert">{result.message}</p> : null}
      {data.usable ? (
        <Form method="post" className="talk-form">
          <label htmlFor="password">{t('reset.field')}</label>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={256} />
          <label htmlFor="confirm">{t('reset.confirm')}</label>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required minLength={8} maxLength={256} />
          <button type="submit" className="button">{t('reset.submit')}</button>
        </Form>
      ) : (
        <p className="form-error">{t('verify.invalid')}</p>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Password'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
