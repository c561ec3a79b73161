import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { clientIp } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { FormResult } from '#app/components/form-result'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { readFormFields } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { requestPasswordReset } from '#app/services/password-reset.server'

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: translator(getUiLang(request))('forgot.title') }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = getUiLang(request)
  const t = translator(lang)
  const form = await readFormFields(request)
  const result = await requestPasswordReset(getDb(), { email: form.email, ip: clientIp(request), lang })
  if (result.ok) return { ok: true as const, message: t('forgot.sent'), email: '' }
  if (result.reason === 'throttled') {
    return data({ ok: false as const, message: t('forgot.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) }), email: form.email ?? '' }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  }
  return data({ ok: false as const, message: result.issues[0]?.message ?? '', email: form.email ?? '' }, { status: 422 })
}

export default function ForgotPassword() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="narrow">
      <h1>{data.title}</h1>
      <p>{t('forgot.intro')}</p>
      {result ? <FormResult result={result} /> : null}
      {result?.ok ? null : (
        <Form method="post" className="talk-form">
          <label htmlFor="email">{t('forgot.field')}</label>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={result?.email ?? ''} />
          <button type="submit" className="button">{t('forgot.submit')}</button>
        </Form>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Password'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
