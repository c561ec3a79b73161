import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { useT, useUiLang } from '#app/components/i18n'
import { ProtectPageSchema } from '#app/core/forms/protect-page'
import { ModerationNav } from '#app/components/moderation'
import { formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { protectionInForce, PROTECTION_DURATIONS, PROTECTION_LEVELS } from '#app/core/protection'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { protectPage } from '#app/services/protect-page.server'
import css from '#app/styles/moderation.css?url'
import { readSubmission } from '#app/http/form-body.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAbility(request, 'page.protect')
  const t = translator(getUiLang(request))
  const page = await getPageBySlug(getDb(), params.slug ?? '')
  if (!page) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  const level = protectionInForce(page, new Date())
  return {
    title: t('protect.title', { title: page.title }),
    page: { slug: page.slug, title: page.title },
    current: level ? { level, reason: page.protectionReason ?? '', expiresAt: page.protectionExpiresAt } : null,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireAbility(request, 'page.protect')
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, ProtectPageSchema)
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 422 })
  const result = await protectPage(getDb(), { moderator, slug: params.slug ?? '', protection: submission.value })
  if (!result.ok) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  return { notice: t('protect.saved') }
}

export default function ProtectPage() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useSchemaForm('protect-page', ProtectPageSchema, actionData && 'result' in actionData ? actionData.result : undefined)
  const t = useT()
  const lang = useUiLang()
  type Field = 'level' | 'reason' | 'duration' | 'expiresOn'
  // The schema stops at the first rule broken, so at most one field has an error.
  const failedField = (['level', 'reason', 'duration', 'expiresOn'] as const).find((field: Field) => fields[field].errors)
  const message = failedField ? fields[failedField].errors?.[0] : undefined
  const error = (field: Field) => (failedField === field ? message : null)
  const describedBy = (field: Field) => (failedField === field ? 'protect-error' : undefined)
  const typed = (field: Field) => fields[field].initialValue
  return (
    <div className="moderation narrow">
      <ModerationNav moderator />
      <h1>{data.title}</h1>
      <p className="muted">{t('protect.intro')}</p>
      <p>
        <Link to={`/pages/${data.page.slug}`}>{data.page.title}</Link> · <Link to={`/moderation/log?page=${data.page.slug}`}>{t('mod.nav.log')}</Link>
      </p>
      <h2>{t('protect.current')}</h2>
      <p>
        {data.current
          ? `${t('protect.currentLevel', { level: t(`protect.level.${data.current.level}`), reason: data.current.reason })} (${data.current.expiresAt ? t('protect.until', { date: formatDateTime(lang, data.current.expiresAt) }) : t('protect.forever')})`
          : t('protect.none')}
      </p>
      {actionData && 'notice' in actionData ? (
        <p className="notice" role="status">
          {actionData.notice}
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert" id="protect-error">
          {message}
        </p>
      ) : null}
      <Form method="post" className="stack" id={form.id} onSubmit={form.onSubmit}>
        <fieldset aria-describedby={describedBy('level')}>
          <legend>{t('protect.level')}</legend>
          {(['none', ...PROTECTION_LEVELS] as const).map((level) => (
            <label key={level} className="choice">
              <input type="radio" name="level" value={level} required defaultChecked={(typed('level') ?? data.current?.level ?? 'none') === level} /> {t(`protect.level.${level}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('protect.reason')}
          <input type="text" name="reason" required maxLength={500} defaultValue={typed('reason') ?? ''} aria-invalid={error('reason') ? true : undefined} aria-describedby={describedBy('reason')} />
        </label>
        <fieldset aria-describedby={describedBy('duration')}>
          <legend>{t('protect.duration')}</legend>
          {PROTECTION_DURATIONS.map((d) => (
            <label key={d} className="choice">
              <input type="radio" name="duration" value={d} defaultChecked={(typed('duration') || '1w') === d} /> {t(`protect.duration.${d}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('protect.date')}
          <input type="date" name="expiresOn" defaultValue={typed('expiresOn') ?? ''} aria-invalid={error('expiresOn') ? true : undefined} aria-describedby={describedBy('expiresOn')} />
        </label>
        <button type="submit" className="primary">
          {t('protect.submit')}
        </button>
      </Form>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Protection'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
