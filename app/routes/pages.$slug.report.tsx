import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { clientIp, getActor } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { ReportFields } from '#app/components/report-form'
import { ReportSchema } from '#app/core/forms/report'
import { translator } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import { REPORT_COMMENT_MAX, REPORT_REASONS } from '#app/core/reports'
import { forbidden, notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listFigures } from '#app/models/evidence.server'
import { getPageBySlug } from '#app/models/pages.server'
import { createReport } from '#app/services/create-report.server'
import css from '#app/styles/moderation.css?url'
import { readSubmission } from '#app/http/form-body.server'
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
  const submission = await readSubmission(request, ReportSchema)
  // Only a file where text belongs fails (ReportSchema reads text): no form of ours sends one.
  if (submission.status !== 'success') throw Response.json({ message: t('error.formBody.malformed') }, { status: 400 })
  const result = await createReport(getDb(), { reporter: actor ? { id: actor.id } : null, ip: clientIp(request), slug: params.slug ?? '', fields: submission.value })
  if (result.ok) {
    return { ok: true as const, duplicate: result.duplicate, count: result.reporterCount, targetText: result.targetText, message: result.duplicate ? t('report.duplicate', { count: result.reporterCount }) : t('report.thanks') }
  }
  const refuse = (status: number, message: string, headers?: HeadersInit) => data({ ok: false as const, result: submission.reply({ formErrors: [message] }) }, { status, headers })
  if (result.status === 404) return refuse(404, t('report.notFound'))
  if (result.status === 429) return refuse(429, t('report.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) }), { 'Retry-After': String(result.retryAfterSeconds) })
  const path = result.issues[0]?.path
  const message = issueMessage(t, result.code)
  if (path === 'reason' || path === 'comment') return data({ ok: false as const, result: submission.reply({ fieldErrors: { [path]: [message] } }) }, { status: 422 })
  return refuse(422, message)
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
  const result = actionData && !actionData.ok ? actionData.result : null
  // The page never hydrates (handle below): the form state only reads the reply, on the server.
  const [form, fields] = useSchemaForm('report-form', ReportSchema, result)
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
  // After a failed report, what was sent names the target; before, the page's address did.
  const sent = (name: 'revisionId' | 'target' | 'ordinal' | 'reason' | 'comment') => (result ? (fields[name].initialValue ?? '') : null)
  const target = sent('target') === null ? loaderData.target : sent('target') === 'citation' ? 'citation' : 'figure'
  const ordinal = sent('ordinal') === null ? loaderData.ordinal : Math.max(0, Math.floor(Number(sent('ordinal')) || 0))
  const revisionId = sent('revisionId') ?? loaderData.revisionId
  const reason = REPORT_REASONS.find((r) => r === sent('reason')) ?? null
  const comment = (sent('comment') ?? '').slice(0, REPORT_COMMENT_MAX)
  return (
    <div className="narrow">
      <h1>{t('report.title')}</h1>
      <p>
        <Link to={back}>{loaderData.page.title}</Link>
        {loaderData.described ? <> · {loaderData.described}</> : null}
      </p>
      {form.errors?.[0] ? (
        <p className="form-error" role="alert">
          {form.errors[0]}
        </p>
      ) : null}
      <ReportFields
        context={{ slug: loaderData.page.slug, revisionId }}
        target={target}
        ordinal={ordinal}
        reason={reason}
        comment={comment}
        errors={{ reason: fields.reason.errors?.[0], comment: fields.comment.errors?.[0] }}
      />
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
