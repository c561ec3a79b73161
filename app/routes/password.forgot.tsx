import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { clientIp } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { FormResult } from '#app/components/form-result'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { ForgotPasswordSchema } from '#app/core/forms/password-reset'
import { translator } from '#app/core/i18n/index'
import { readSubmission } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { requestPasswordReset } from '#app/services/password-reset.server'

export async function loader({ request }: LoaderFunctionArgs) {
  return { title: translator(getUiLang(request))('forgot.title') }
}

export async function action({ request }: ActionFunctionArgs) {
  const lang = getUiLang(request)
  const t = translator(lang)
  const submission = await readSubmission(request, ForgotPasswordSchema)
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 422 })
  const result = await requestPasswordReset(getDb(), { email: submission.value.email, ip: clientIp(request), lang })
  // The same answer whether the address has an account or not: nothing of what was typed comes back.
  if (result.ok) return { notice: t('forgot.sent') }
  if (result.reason === 'throttled') {
    return data({ result: submission.reply({ formErrors: [t('forgot.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) })] }) }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  }
  return data({ result: submission.reply({ fieldErrors: { email: [result.issues[0]?.message ?? ''] } }) }, { status: 422 })
}

export default function ForgotPassword() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm('forgot-password', ForgotPasswordSchema, actionData && 'result' in actionData ? actionData.result : undefined)
  const t = useT()
  const notice = actionData && 'notice' in actionData ? actionData.notice : undefined
  const error = form.errors?.[0] ?? fields.email.errors?.[0]
  return (
    <div className="narrow">
      <h1>{data.title}</h1>
      <p>{t('forgot.intro')}</p>
      {notice ? <FormResult result={{ ok: true, message: notice }} /> : error ? <FormResult result={{ ok: false, message: error }} /> : null}
      {notice ? null : (
        <Form method="post" className="talk-form" id={form.id} onSubmit={form.onSubmit}>
          <label htmlFor="email">{t('forgot.field')}</label>
          <input id="email" name="email" type="email" autoComplete="email" required defaultValue={fields.email.initialValue ?? ''} />
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
