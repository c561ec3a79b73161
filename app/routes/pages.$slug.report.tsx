import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { clientIp, getActor } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT } from '#app/components/i18n'
import { ReportFields } from '#app/components/report-form'
import { translator } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import { REPORT_REASONS, type ReportReason } from '#app/core/reports'
import { forbidden, notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listFigures } from '#app/models/evidence.server'
import { getPageBySlug } from '#app/models/pages.server'
import { createReport } from '#app/services/create-report.server'
import css from '#app/styles/moderation.css?url'
import { readFormData } from '#app/http/form-body.server'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

/** GET shows the report form on its own page (the figure panels embed the same form). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const page = await getPageBySlug(getDb(), params.slug ?? '')
  if (!page) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  const url = new URL(request.url)
  const target: 'figure' | 'citation' = url.searchParams.get('target') === 'citation' ? 'citation' : 'figure'
  const ordinal = Math.max(0, Math.floor(Number(url.searchParams.get('ordinal')) || 0))
  const revisionId = url.searchParams.get('revision') ?? page.stableRevisionId ?? page.latestRevisionId
  const figure = target === 'figure' ? (await listFigures(getDb(), revisionId)).find((f) => f.ordinal === ordinal) : undefined
  const described = target === 'figure' ? (figure ? t('report.target.figure', { text: figure.text }) : null) : t('report.target.citation', { n: ordinal + 1 })
  return { page: { slug: page.slug, title: page.title }, target, ordinal, revisionId, described, title: t('report.title') }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const actor = await getActor(request)
  if (!can(actor, 'report.create')) throw forbidden(t('error.forbidden.body'))
  const form = await readFormData(request)
  const fields = Object.fromEntries([...form].map(([k, v]) => [k, typeof v === 'string' ? v : '']))
  const echo = {
    target: fields.target === 'citation' ? ('citation' as const) : ('figure' as const),
    ordinal: Math.max(0, Math.floor(Number(fields.ordinal) || 0)),
    revisionId: String(fields.revisionId ?? ''),
    reason: (REPORT_REASONS as readonly string[]).includes(String(fields.reason)) ? (fields.reason as ReportReason) : null,
    comment: String(fields.comment ?? '').slice(0, 2000),
  }
  const result = await createReport(getDb(), { reporter: actor ? { id: actor.id } : null, ip: clientIp(request), slug: params.slug ?? '', fields })
  if (result.ok) {
    return { ok: true as const, duplicate: result.duplicate, count: result.reporterCount, targetText: result.targetText, message: result.duplicate ? t('report.duplicate', { count: result.reporterCount }) : t('report.thanks') }
  }
  type Errors = { form?: string; reason?: string; comment?: string }
  if (result.status === 404) return data({ ok: false as const, echo, errors: { form: t('report.notFound') } as Errors }, { status: 404 })
  if (result.status === 429) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60)
    return data({ ok: false as const, echo, errors: { form: t('report.throttled', { minutes }) } as Errors }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  }
  const issue = result.issues[0]
  const message = issueMessage(t, result.code)
  const field = issue?.path === 'reason' ? 'reason' : issue?.path === 'comment' ? 'comment' : 'form'
  return data({ ok: false as const, echo, errors: { [field]: message } as Errors }, { status: 422 })
}

function issueMessage(t: ReturnType<typeof translator>, code: string): string {
  switch (code) {
    case 'reason_required':
      return t('report.issue.reason_required')
    case 'comment_required':
      return t('report.issue.comment_required')
    case 'comment_too_long':
      return t('report.issue.comment_too_long')
    default:
      return t('report.issue.invalid_target')
  }
}

/** A 429 tells the client when to try again (action headers reach the document only through here). */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers()
  const retryAfter = actionHeaders.get('Retry-After')
  if (retryAfter) headers.set('Retry-After', retryAfter)
  return headers
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function ReportPage() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const back = `/pages/${loaderData.page.slug}`
  if (actionData?.ok) {
    return (
      <div className="narrow">
        <h1>{t('report.title')}</h1>
        <p className="notice" role="status">
          {actionData.message}
        </p>
        <p>
          <Link to={back}>{t('report.back')}</Link>
        </p>
      </div>
    )
  }
  const echo = actionData && !actionData.ok ? actionData.echo : null
  const errors = actionData && !actionData.ok ? actionData.errors : undefined
  const target = echo?.target ?? loaderData.target
  const ordinal = echo?.ordinal ?? loaderData.ordinal
  return (
    <div className="narrow">
      <h1>{t('report.title')}</h1>
      <p>
        <Link to={back}>{loaderData.page.title}</Link>
        {loaderData.described ? <> · {loaderData.described}</> : null}
      </p>
      {errors?.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <ReportFields context={{ slug: loaderData.page.slug, revisionId: echo?.revisionId ?? loaderData.revisionId }} target={target} ordinal={ordinal} reason={echo?.reason} comment={echo?.comment} errors={errors} />
      <p>
        <Link to={back}>{t('report.back')}</Link>
      </p>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Report'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
