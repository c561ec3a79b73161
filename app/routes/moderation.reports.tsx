import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireAbility } from '#app/auth/actor.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { RevisionRefLink } from '#app/components/history'
import { useT, useUiLang } from '#app/components/i18n'
import { FilterForm, FilterSelect, FilterText, ModerationNav } from '#app/components/moderation'
import { config } from '#app/infra/config.server'
import { disputeReason, type TargetSupport } from '#app/core/disputes'
import { formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { parseReportFilters, REPORT_STATUS_FILTERS } from '#app/core/moderation-filters'
import { parseResolution, RESOLUTION_NOTE_MAX, RESOLUTIONS } from '#app/core/reports'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getRevisionRefs } from '#app/models/revisions.server'
import { listReports, listTargetSupport } from '#app/models/reports.server'
import { resolveReport } from '#app/services/resolve-report.server'
import css from '#app/styles/moderation.css?url'
import { readFormData } from '#app/http/form-body.server'

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

type ActionResult = { ok: true; reportId: string; message: string } | { ok: false; reportId: string; message: string; field?: 'resolution' | 'note'; note: string }

export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireAbility(request, 'report.resolve')
  const t = translator(getUiLang(request))
  const form = await readFormData(request)
  const fields = Object.fromEntries([...form].map(([k, v]) => [k, typeof v === 'string' ? v : '']))
  const reportId = String(fields.reportId ?? '')
  const note = String(fields.note ?? '').slice(0, RESOLUTION_NOTE_MAX)
  const parsed = parseResolution(fields)
  if (!parsed.ok) {
    const code = parsed.issues[0]!.code as 'resolution_required' | 'note_required' | 'invalid_report'
    const field = code === 'note_required' ? 'note' : code === 'resolution_required' ? 'resolution' : undefined
    return data({ ok: false, reportId, message: t(`mod.resolve.issue.${code}`), field, note } satisfies ActionResult, { status: 422 })
  }
  const result = await resolveReport(getDb(), { ...parsed.value, moderator })
  if (result.ok) return { ok: true, reportId, message: t(result.status === 'upheld' ? 'mod.resolve.doneUpheld' : 'mod.resolve.doneDismissed') } satisfies ActionResult
  if (result.status === 404) return data({ ok: false, reportId, message: t('mod.resolve.issue.invalid_report'), note } satisfies ActionResult, { status: 404 })
  return data({ ok: false, reportId, message: t('mod.resolve.already'), note } satisfies ActionResult, { status: 409 })
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
          {result.message}
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
            const failed = result && !result.ok && result.reportId === r.id ? result : null
            const base = `resolve-${r.id}`
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
                  <Form method="post" className="resolve-form">
                    <input type="hidden" name="reportId" value={r.id} />
                    <fieldset aria-describedby={failed ? `${base}-error` : undefined}>
                      <legend>{t('mod.resolve.legend', { target: r.targetText })}</legend>
                      {failed ? (
                        <p className="field-error" id={`${base}-error`} role="alert">
                          {failed.message}
                        </p>
                      ) : null}
                      {RESOLUTIONS.map((res) => (
                        <label key={res} className="resolve-form__choice">
                          <input type="radio" name="resolution" value={res} required /> {t(`mod.resolve.${res}`)}
                        </label>
                      ))}
                      <label className="resolve-form__note">
                        {t('mod.resolve.note')}
                        <textarea name="note" rows={2} maxLength={RESOLUTION_NOTE_MAX} required defaultValue={failed?.note ?? ''} aria-invalid={failed?.field === 'note' ? true : undefined} />
                      </label>
                      <button type="submit" className="primary">
                        {t('mod.resolve.submit')}
                      </button>
                    </fieldset>
                  </Form>
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

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Reports'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
