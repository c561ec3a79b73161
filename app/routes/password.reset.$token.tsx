import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { clientIp } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { ResetPasswordSchema } from '#app/core/forms/password-reset'
import { translator } from '#app/core/i18n/index'
import { readSubmission } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { isResetTokenUsable, resetPassword } from '#app/services/password-reset.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  return { title: t('reset.title'), usable: await isResetTokenUsable(getDb(), params.token ?? '') }
}

const PASSWORDS = ['password', 'confirm']

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, ResetPasswordSchema)
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: PASSWORDS }) }, { status: 422 })
  const { password, confirm } = submission.value
  const result = await resetPassword(getDb(), { token: params.token ?? '', password, confirm, ip: clientIp(request) })
  if (result.ok) return { notice: t('reset.done') }
  // The page says one thing: the link gone, the two passwords apart, or every rule the password breaks.
  const refused = (status: number, message: string) => data({ result: submission.reply({ formErrors: [message], hideFields: PASSWORDS }) }, { status })
  if (result.reason === 'invalid_token') return refused(410, t('verify.invalid'))
  if (result.reason === 'mismatch') return refused(422, t('reset.mismatch'))
  return refused(422, result.issues.map((i) => i.message).join(' '))
}

export default function ResetPassword() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm('reset-password', ResetPasswordSchema, actionData && 'result' in actionData ? actionData.result : undefined)
  const t = useT()
  if (actionData && 'notice' in actionData) {
    return (
      <div className="narrow">
        <h1>{data.title}</h1>
        <p className="notice" role="status">{actionData.notice}</p>
        <p><Link to="/login">{t('nav.login')}</Link></p>
      </div>
    )
  }
  const error = form.errors?.[0] ?? fields.password.errors?.[0] ?? fields.confirm.errors?.[0]
  return (
    <div className="narrow">
      <h1>{data.title}</h1>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      {data.usable ? (
        <Form method="post" className="talk-form" id={form.id} onSubmit={form.onSubmit}>
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
