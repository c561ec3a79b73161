import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { FormResult } from '#app/components/form-result'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { readFormData } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { confirmEmail } from '#app/services/email-address.server'
import { findUsableToken } from '#app/services/email-tokens.server'

/**
 * Opening the link shows a button; the address is confirmed by the POST. Mail scanners that
 * fetch every link in a message would otherwise spend the token before its owner.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const token = await findUsableToken(getDb(), params.token ?? '', 'verify')
  return { title: t('verify.title'), email: token?.email ?? null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The form has no fields, but a body that is not a form is still the client's mistake (415/400).
  await readFormData(request)
  const t = translator(getUiLang(request))
  const result = await confirmEmail(getDb(), params.token ?? '')
  if (result.ok) return { ok: true as const, message: t('verify.done', { email: result.email }) }
  return data({ ok: false as const, message: result.reason === 'taken' ? t('verify.taken') : t('verify.invalid') }, { status: result.reason === 'taken' ? 409 : 410 })
}

export default function VerifyEmail() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="narrow">
      <h1>{data.title}</h1>
      {result ? (
        <FormResult result={result} />
      ) : data.email ? (
        <Form method="post">
          <button type="submit" className="button">{t('verify.confirm', { email: data.email })}</button>
        </Form>
      ) : (
        <p className="form-error">{t('verify.invalid')}</p>
      )}
      <p>
        <Link to="/account/email">{t('account.email.link')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'E-mail'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
