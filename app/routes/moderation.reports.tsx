import type { SubmissionResult } from '@conform-to/react'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { RevisionRefLink } from '#app/components/history'
import { useT, useUiLang } from '#app/components/i18n'
import { FilterForm, FilterSelect, FilterText, ModerationNav } from '#app/components/moderation'
import { config } from '#app/infra/config.server'
import { disputeReason, type TargetSupport } from '#app/core/disputes'
import { formatDateTime } from '#app/core/format'
import { ResolveReportSchema } from '#app/core/forms/resolve-report'
import { translator } from '#app/core/i18n/index'
import { parseReportFilters, REPORT_STATUS_FILTERS } from '#app/core/moderation-filters'
import { RESOLUTION_NOTE_MAX, RESOLUTIONS } from '#app/core/reports'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getRevisionRefs } from '#app/models/revisions.server'
import { listReports, listTargetSupport } from '#app/models/reports.server'
import { resolveReport } from '#app/services/resolve-report.server'
import css from '#app/styles/moderation.css?url'
import { readSubmission } from '#app/http/form-body.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

const PAGE_SIZE = 50

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAbility(request, 'report.resolve')
  const t = translator(getUiLang(request))
  const url = new URL(request.url)
  const filters = parseReportFilters(url.searchParams)
  const rows = await listReports(getDb(), { status: filters.status, pageSlug: filters.page, before: filters.before, limit: PAGE_SIZE + 1 })
  const shown = rows.slice(0, PAGE_SIZE)
  const last = shown[shown.length - 1]
  // What readers see of each open or upheld report's target (app/core/disputes.ts), page by page.
  const support = new Map<string, Map<string, TargetSupport>>()
  for (const pageId of new Set(shown.filter((r) => r.status === 'open' || (r.status === 'upheld' && r.fixedAt === null)).map((r) => r.page.id))) {
    support.set(pageId, new Map((await listTargetSupport(getDb(), pageId)).map((s) => [s.key, s])))
  }
  const next = rows.length > PAGE_SIZE && last ? new URLSearchParams([...[...url.searchParams].filter(([k]) => k !== 'before'), ['before', last.id]]).toString() : null
  return {
    title: t('mod.reports.title'),
    filters: { status: filters.status, page: filters.page ?? '' },
    filtered: filters.status !== 'open' || filters.page !== null,
    next,
    revisions: await getRevisionRefs(getDb(), shown.flatMap((r) => (r.status === 'upheld' && r.fixedByRevisionId ? [r.fixedByRevisionId] : []))),
    reports: shown.map((r) => ({
      id: r.id,
      page: { slug: r.page.slug, title: r.page.title },
      revisionId: r.revisionId,
      targetText: r.targetText,
      reason: r.reason,
      comment: r.comment,
      reporter: r.reporter,
      reporterCount: r.reporterCount,
      status: r.status,
      resolutionNote: r.resolutionNote,
      resolvedBy: r.resolvedBy,
      resolvedAt: r.resolvedAt,
      createdAt: r.createdAt,
      readers: readerView(support.get(r.page.id)?.get(r.targetKey), r),
    })),
  }
}

/** Whether readers see the report's target as disputed, and why; or how an upheld report ended. */
function readerView(target: TargetSupport | undefined, report: { status: string; fixedAt: string | null; fixedByRevisionId: string | null }) {
  if (report.status === 'upheld' && report.fixedAt !== null) return { kind: 'fixed' as const, revisionId: report.fixedByRevisionId }
  if (report.status !== 'open' && report.status !== 'upheld') return null
  const reason = target ? disputeReason(target, config.reportsToDispute) : null
  if (reason) return { kind: 'shown' as const, reason, count: target?.reporters ?? 0 }
  return { kind: 'hidden' as const, count: target?.reporters ?? 0, needed: config.reportsToDispute }
}

type ActionResult = { ok: true; reportId: string; message: string } | { ok: false; reportId: string; result: SubmissionResult<string[]> }

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireAbility(request, 'report.resolve')
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, ResolveReportSchema)
  // The reply goes to the report whose form was sent (the first id, as the schema reads it), whatever made it fail.
  const [sent] = [submission.payload.reportId].flat()
  const reportId = typeof sent === 'string' ? sent : ''
  if (submission.status !== 'success') return data({ ok: false, reportId, result: submission.reply() } satisfies ActionResult, { status: 422 })
  const result = await resolveReport(getDb(), { ...submission.value, moderator })
  if (result.ok) return { ok: true, reportId, message: t(result.status === 'upheld' ? 'mod.resolve.doneUpheld' : 'mod.resolve.doneDismissed') } satisfies ActionResult
  const refuse = (status: 404 | 409, message: string) => data({ ok: false, reportId, result: submission.reply({ formErrors: [message] }) } satisfies ActionResult, { status })
  return result.status === 404 ? refuse(404, t('mod.resolve.issue.invalid_report')) : refuse(409, t('mod.resolve.already'))
}

/** What went wrong, for the notice at the top of the queue: the form's error or a field's. */
function firstError(result: SubmissionResult<string[]>): string | undefined {
  return Object.values(result.error ?? {}).find((messages) => messages && messages.length > 0)?.[0]
}

export default function ModerationReports() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="moderation">
      <ModerationNav moderator />
      <h1>{t('mod.reports.title')}</h1>
      <p className="muted">{t('mod.reports.intro')}</p>
      {result ? (
        <p className={result.ok ? 'notice' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
          {result.ok ? result.message : firstError(result.result)}
        </p>
      ) : null}
      <FilterForm legend={t('mod.reports.filter')} resetTo={data.filtered ? '/moderation/reports' : null}>
        <FilterSelect label={t('mod.reports.status')} name="status" value={data.filters.status} options={REPORT_STATUS_FILTERS.map((s) => ({ value: s, label: t(`mod.reports.status.${s}`) }))} anyOption={false} />
        <FilterText label={t('mod.filter.page')} name="page" value={data.filters.page} maxLength={200} />
      </FilterForm>
      {data.reports.length === 0 ? (
        <p className="notice">{t('mod.reports.empty')}</p>
      ) : (
        <ul className="report-list" aria-label={t('mod.reports.caption')}>
          {data.reports.map((r) => {
            return (
              <li key={r.id} className="report-item" data-report={r.id}>
                <h2 className="report-item__title">
                  <Link to={`/pages/${r.page.slug}`}>{r.page.title}</Link>: “{r.targetText}”
                </h2>
                <p>
                  <strong>{t(`report.reason.${r.reason}`)}</strong>
                  {' · '}
                  <span className={`status status--${r.status}`}>{t(`report.status.${r.status}`)}</span>
                  {' · '}
                  {t('mod.chip', { label: t('mod.col.reporters'), count: r.reporterCount })}
                  {' · '}
                  <span className="muted">{t('mod.reports.by', { who: r.reporter ?? t('mod.reports.anonymous'), date: formatDateTime(lang, r.createdAt) })}</span>
                </p>
                {r.comment ? <blockquote className="report-item__comment">{r.comment}</blockquote> : null}
                {r.readers?.kind === 'shown' ? (
                  <p className="report-item__readers" data-readers="disputed">
                    {r.readers.reason === 'readers' ? t('mod.reports.shown.readers', { count: r.readers.count }) : t(`mod.reports.shown.${r.readers.reason}`)}
                  </p>
                ) : r.readers?.kind === 'hidden' ? (
                  <p className="report-item__readers muted" data-readers="not-shown">
                    {t('mod.reports.notShown', { count: r.readers.count, needed: r.readers.needed })}
                  </p>
                ) : null}
                {r.status !== 'open' ? (
                  <p>
                    {t('mod.decided', { decision: t(`report.status.${r.status}`), moderator: r.resolvedBy ?? '?', date: r.resolvedAt ? formatDateTime(lang, r.resolvedAt) : '' })}: “{r.resolutionNote}”
                    {r.readers?.kind === 'fixed' ? (
                      <>
                        {' '}
                        {r.readers.revisionId ? (
                          <span data-fixed-by={r.readers.revisionId}>
                            {t('mod.reports.fixedBy')} <RevisionRefLink slug={r.page.slug} id={r.readers.revisionId} refs={data.revisions} />
                          </span>
                        ) : (
                          t('mod.reports.fixedGone')
                        )}
                      </>
                    ) : null}
                  </p>
                ) : (
                  <ResolveForm reportId={r.id} targetText={r.targetText} result={result && !result.ok && result.reportId === r.id ? result.result : null} />
                )}
              </li>
            )
          })}
        </ul>
      )}
      {data.next ? (
        <p>
          <Link to={`/moderation/reports?${data.next}`}>{t('mod.reports.more')}</Link>
        </p>
      ) : null}
    </div>
  )
}

function ResolveForm({ reportId, targetText, result }: { reportId: string; targetText: string; result: SubmissionResult<string[]> | null }) {
  const t = useT()
  const [form, fields] = useSchemaForm(`resolve-form-${reportId}`, ResolveReportSchema, result)
  const base = `resolve-${reportId}`
  const error = form.errors?.[0] ?? fields.resolution.errors?.[0] ?? fields.note.errors?.[0]
  return (
    <Form method="post" className="resolve-form" id={form.id} onSubmit={form.onSubmit}>
      <input type="hidden" name="reportId" value={reportId} />
      <fieldset aria-describedby={error ? `${base}-error` : undefined}>
        <legend>{t('mod.resolve.legend', { target: targetText })}</legend>
        {error ? (
          <p className="field-error" id={`${base}-error`} role="alert">
            {error}
          </p>
        ) : null}
        {RESOLUTIONS.map((res) => (
          <label key={res} className="resolve-form__choice">
            <input type="radio" name="resolution" value={res} required /> {t(`mod.resolve.${res}`)}
          </label>
        ))}
        <label className="resolve-form__note">
          {t('mod.resolve.note')}
          <textarea name="note" rows={2} maxLength={RESOLUTION_NOTE_MAX} required defaultValue={(fields.note.initialValue ?? '').slice(0, RESOLUTION_NOTE_MAX)} aria-invalid={fields.note.errors ? true : undefined} />
        </label>
        <button type="submit" className="primary">
          {t('mod.resolve.submit')}
        </button>
      </fieldset>
    </Form>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Reports'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
