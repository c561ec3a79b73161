import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT, useUiLang } from '#app/components/i18n'
import { ModerationNav } from '#app/components/moderation'
import { formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { parseProtection, protectionInForce, PROTECTION_DURATIONS, PROTECTION_LEVELS } from '#app/core/protection'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getPageBySlug } from '#app/models/pages.server'
import { protectPage } from '#app/services/protect-page.server'
import css from '#app/styles/moderation.css?url'
import { readFormData } from '#app/http/form-body.server'

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

type Fields = { level: string; reason: string; duration: string; expiresOn: string }
type ActionResult = { ok: true; message: string } | { ok: false; message: string; field: string; fields: Fields }

export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireAbility(request, 'page.protect')
  const t = translator(getUiLang(request))
  const form = await readFormData(request)
  const fields: Fields = {
    level: String(form.get('level') ?? ''),
    reason: String(form.get('reason') ?? '').slice(0, 500),
    duration: String(form.get('duration') ?? ''),
    expiresOn: String(form.get('expiresOn') ?? ''),
  }
  const parsed = parseProtection(fields, new Date())
  if (!parsed.ok) {
    const issue = parsed.issues[0]!
    const code = issue.code as 'level_required' | 'reason_required' | 'expiry_required' | 'expiry_invalid' | 'expiry_past'
    return data({ ok: false, message: t(`protect.issue.${code}`), field: issue.path, fields } satisfies ActionResult, { status: 422 })
  }
  const result = await protectPage(getDb(), { moderator, slug: params.slug ?? '', protection: parsed.value })
  if (!result.ok) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  return { ok: true, message: t('protect.saved') } satisfies ActionResult
}

export default function ProtectPage() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const t = useT()
  const lang = useUiLang()
  const failed = result && !result.ok ? result : null
  const error = (field: string) => (failed?.field === field ? failed.message : null)
  const describedBy = (field: string) => (failed?.field === field ? 'protect-error' : undefined)
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
      {result?.ok ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      {failed ? (
        <p className="form-error" role="alert" id="protect-error">
          {failed.message}
        </p>
      ) : null}
      <Form method="post" className="stack">
        <fieldset aria-describedby={describedBy('level')}>
          <legend>{t('protect.level')}</legend>
          {(['none', ...PROTECTION_LEVELS] as const).map((level) => (
            <label key={level} className="choice">
              <input type="radio" name="level" value={level} required defaultChecked={(failed?.fields.level ?? data.current?.level ?? 'none') === level} /> {t(`protect.level.${level}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('protect.reason')}
          <input type="text" name="reason" required maxLength={500} defaultValue={failed?.fields.reason ?? ''} aria-invalid={error('reason') ? true : undefined} aria-describedby={describedBy('reason')} />
        </label>
        <fieldset aria-describedby={describedBy('duration')}>
          <legend>{t('protect.duration')}</legend>
          {PROTECTION_DURATIONS.map((d) => (
            <label key={d} className="choice">
              <input type="radio" name="duration" value={d} defaultChecked={(failed?.fields.duration || '1w') === d} /> {t(`protect.duration.${d}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('protect.date')}
          <input type="date" name="expiresOn" defaultValue={failed?.fields.expiresOn ?? ''} aria-invalid={error('expiresOn') ? true : undefined} aria-describedby={describedBy('expiresOn')} />
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
