import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireSessionUser } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { FormResult } from '#app/components/form-result'
import { useT } from '#app/components/i18n'
import { MAIL_MODES } from '#app/core/email'
import { translator } from '#app/core/i18n/index'
import { isNotificationKind, NOTIFICATION_KINDS } from '#app/core/notification-kinds'
import { readFormFields } from '#app/http/form-body.server'
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
  const form = await readFormFields(request)
  if (form.intent === 'preferences') {
    // Checkboxes send only the ticked ones; readForm keeps the first of repeated names, so the
    // kinds come as one field each ("kind-revision"…).
    const kinds = NOTIFICATION_KINDS.filter((k) => form[`kind-${k}`] === 'on').filter(isNotificationKind)
    const mode = form.mode === 'daily' ? 'daily' : 'immediate'
    await setMailPreferences(getDb(), user.id, { kinds, mode, lang })
    return { ok: true as const, message: t('account.email.preferencesSaved'), email: form.email ?? '' }
  }
  const address = form.intent === 'remove' ? '' : (form.email ?? '')
  const result = await requestEmailVerification(getDb(), { user, email: address, lang })
  if (!result.ok) return data({ ok: false as const, message: result.issues[0]?.message ?? '', email: address }, { status: 422 })
  return { ok: true as const, message: result.email ? t('account.email.sent', { email: result.email }) : t('account.email.removed'), email: '' }
}

export default function AccountEmail() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="narrow">
      <p>
        <Link to="/account">{t('nav.account')}</Link>
      </p>
      <h1>{data.title}</h1>
      <p>{t('account.email.intro')}</p>
      {result ? (
        <FormResult result={result} />
      ) : null}
      <p>{data.email ? t('account.email.current', { email: data.email }) : t('account.email.none')}</p>
      <Form method="post" className="talk-form">
        <input type="hidden" name="intent" value="address" />
        <label htmlFor="email">{t('account.email.field')}</label>
        <input id="email" name="email" type="email" autoComplete="email" required defaultValue={result && !result.ok ? result.email : ''} aria-invalid={result && !result.ok ? true : undefined} />
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
