import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { FormResult } from '#app/components/form-result'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { readFormData } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getMailSettings, getUserIdByUnsubscribeKey, setMailPreferences } from '#app/models/user-mail.server'

/** Works without signing in: the key in the link names the account and can only stop its mail. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const userId = await getUserIdByUnsubscribeKey(getDb(), params.key ?? '')
  return { title: t('unsubscribe.title'), known: userId !== null }
}

export async function action({ request, params }: ActionFunctionArgs) {
  // The form has no fields, but a body that is not a form is still the client's mistake (415/400).
  await readFormData(request)
  const lang = getUiLang(request)
  const t = translator(lang)
  const userId = await getUserIdByUnsubscribeKey(getDb(), params.key ?? '')
  if (!userId) return data({ ok: false as const, message: t('unsubscribe.invalid') }, { status: 404 })
  const settings = await getMailSettings(getDb(), userId)
  await setMailPreferences(getDb(), userId, { kinds: [], mode: settings?.mode ?? 'immediate', lang: settings?.lang ?? lang })
  return { ok: true as const, message: t('unsubscribe.done') }
}

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="narrow">
      <h1>{data.title}</h1>
      {result ? (
        <FormResult result={result} />
      ) : data.known ? (
        <Form method="post">
          <button type="submit" className="button">{t('unsubscribe.confirm')}</button>
        </Form>
      ) : (
        <p className="form-error">{t('unsubscribe.invalid')}</p>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Unsubscribe'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
