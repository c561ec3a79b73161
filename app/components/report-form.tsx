import { Form } from '@remix-run/react'
import { REPORT_COMMENT_MAX, REPORT_REASONS, type ReportReason } from '#app/core/reports'
import { useT } from './i18n'

/** Where a report form posts and what it is about. */
export interface ReportContext {
  slug: string
  revisionId: string
}

/**
 * A reader's report on one figure or citation: a reason and a comment, posted to
 * /pages/:slug/report. Plain form fields, so it works without JavaScript; anyone may send one.
 */
export function ReportFields({
  context,
  target,
  ordinal,
  reason,
  comment,
  errors,
}: {
  context: ReportContext
  target: 'figure' | 'citation'
  ordinal: number
  reason?: ReportReason | null
  comment?: string
  errors?: { reason?: string; comment?: string }
}) {
  const t = useT()
  const base = `report-${target}-${ordinal}`
  return (
    // The target in the address too, so the report page can name it after a failed submit.
    <Form method="post" action={`/pages/${encodeURIComponent(context.slug)}/report?${new URLSearchParams({ revision: context.revisionId, target, ordinal: String(ordinal) })}`} className="report-form">
      <input type="hidden" name="revisionId" value={context.revisionId} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="ordinal" value={ordinal} />
      <fieldset aria-describedby={errors?.reason ? `${base}-reason-error` : undefined}>
        <legend>{t('report.legend')}</legend>
        {errors?.reason ? (
          <p className="field-error" id={`${base}-reason-error`}>
            {errors.reason}
          </p>
        ) : null}
        {REPORT_REASONS.map((r) => (
          <label key={r} className="report-form__reason">
            <input type="radio" name="reason" value={r} required defaultChecked={reason === r} /> {t(`report.reason.${r}`)}
          </label>
        ))}
      </fieldset>
      <label className="report-form__comment">
        {t('report.comment')}
        <textarea name="comment" rows={3} maxLength={REPORT_COMMENT_MAX} defaultValue={comment ?? ''} aria-invalid={errors?.comment ? true : undefined} aria-describedby={errors?.comment ? `${base}-comment-error` : undefined} />
        {errors?.comment ? (
          <span className="field-error" id={`${base}-comment-error`}>
            {errors.comment}
          </span>
        ) : null}
      </label>
      <button type="submit">{t('report.submit')}</button>
    </Form>
  )
}

/** The report form folded into a disclosure, for the figure panels and the citation list. */
export function ReportDisclosure(props: { context: ReportContext; target: 'figure' | 'citation'; ordinal: number }) {
  const t = useT()
  return (
    <details className="report">
      <summary>{t('report.open')}</summary>
      <ReportFields {...props} />
    </details>
  )
}
