import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireSessionUser } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { FormResult } from '#app/components/form-result'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { AccountEmailSchema } from '#app/core/forms/account-email'
import { MAIL_MODES } from '#app/core/email'
import { translator } from '#app/core/i18n/index'
import { NOTIFICATION_KINDS } from '#app/core/notification-kinds'
import { readSubmission } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getMailSettings, setMailPreferences } from '#app/models/user-mail.server'
import { requestEmailVerification } from '#app/services/email-address.server'
import css from '#app/styles/talk.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSessionUser(request)
  const t = translator(getUiLang(request))
  const settings = await getMailSettings(getDb(), user.id)
  return { title: t('account.email.title'), email: settings?.email ?? null, kinds: settings?.kinds ?? [], mode: settings?.mode ?? 'immediate' }
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSessionUser(request)
  const lang = getUiLang(request)
  const t = translator(lang)
  const submission = await readSubmission(request, AccountEmailSchema)
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 422 })
  const { intent, email, mode, kinds } = submission.value
  if (intent === 'preferences') {
    await setMailPreferences(getDb(), user.id, { kinds, mode, lang })
    return { result: submission.reply({ resetForm: true }), notice: t('account.email.preferencesSaved') }
  }
  const result = await requestEmailVerification(getDb(), { user, email: intent === 'remove' ? '' : email, lang })
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { email: [result.issues[0]?.message ?? ''] } }) }, { status: 422 })
  return { result: submission.reply({ resetForm: true }), notice: result.email ? t('account.email.sent', { email: result.email }) : t('account.email.removed') }
}

export default function AccountEmail() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  // Only the address is refused by the service; any field may be refused as a file where text belongs.
  const [form, fields] = useSchemaForm('email-address', AccountEmailSchema, actionData?.result)
  const t = useT()
  const notice = actionData && 'notice' in actionData ? actionData.notice : undefined
  const error = Object.values(form.allErrors)[0]?.[0]
  return (
    <div className="narrow">
      <p>
        <Link to="/account">{t('nav.account')}</Link>
      </p>
      <h1>{data.title}</h1>
      <p>{t('account.email.intro')}</p>
      {notice ? <FormResult result={{ ok: true, message: notice }} /> : error ? <FormResult result={{ ok: false, message: error }} /> : null}
      <p>{data.email ? t('account.email.current', { email: data.email }) : t('account.email.none')}</p>
      <Form method="post" className="talk-form" id={form.id} onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="address" />
        <label htmlFor="email">{t('account.email.field')}</label>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={fields.email.initialValue ?? ''} aria-invalid={fields.email.errors ? true : undefined} />
        <button type="submit" className="button">{t('account.email.save')}</button>
      </Form>
      {data.email ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <button type="submit" className="button-link danger">{t('account.email.remove')}</button>
        </Form>
      ) : null}
      <Form method="post" className="talk-form">
        <input type="hidden" name="intent" value="preferences" />
        <fieldset>
          <legend>{t('account.email.kinds')}</legend>
          {NOTIFICATION_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input type="checkbox" name={`kind-${kind}`} defaultChecked={data.kinds.includes(kind)} /> {t(`account.email.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('account.email.mode')}</legend>
          {MAIL_MODES.map((mode) => (
            <label key={mode} className="check">
              <input type="radio" name="mode" value={mode} defaultChecked={data.mode === mode} /> {t(`account.email.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button">{t('account.email.savePreferences')}</button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'E-mail'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
