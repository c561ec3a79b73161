import type { SubmissionResult } from '@conform-to/react'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link'
import { getActor, requireAbility } from '#app/auth/actor.server'
import { UnverifiedClaim } from '#app/components/claims'
import { ProductField } from '#app/components/product-field'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useSchemaForm } from '#app/components/forms'
import { useT } from '#app/components/i18n'
import { CLAIM_TEXT_MAX, isUnverifiedStatus, NOTE_MAX, SEEN_AT_MAX, UNVERIFIED_STATUSES } from '#app/core/claims'
import { UnverifiedClaimSchema } from '#app/core/forms/unverified-claims'
import { translator, type Translate } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import type { Issue } from '#app/core/result'
import { readSubmission } from '#app/http/form-body.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listMetrics } from '#app/models/metrics.server'
import { findProductSlug } from '#app/models/products.server'
import { recordUnverifiedClaim, reopenUnverifiedClaim, settleUnverifiedClaim } from '#app/services/unverified-claims.server'
import css from '#app/styles/claims.css?url'
import { loadUnverifiedItems, type UnverifiedItem } from '#app/views/claims-view.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

const ID = /^[0-9a-z]{26}$/
const PAGE_SIZE = 30

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getUiLang(request)
  const params = new URL(request.url).searchParams
  const status = params.get('status') ?? ''
  const product = (params.get('product') ?? '').slice(0, 200)
  const before = params.get('before') ?? ''
  const db = getDb()
  // The filter takes a product's name or alias as readily as its slug; one matching no product
  // filters on nothing, and says so.
  const productSlug = product.trim() === '' ? null : await findProductSlug(db, product)
  const filters = {
    status: isUnverifiedStatus(status) ? status : null,
    product: productSlug,
    before: ID.test(before) ? before : null,
  }
  const actor = await getActor(request)
  const [list, metrics] = await Promise.all([loadUnverifiedItems(db, filters, PAGE_SIZE, lang), listMetrics(db)])
  return {
    title: translator(lang)('unverified.title'),
    filters: { status: filters.status ?? '', product: filters.product ?? product },
    unknownProduct: product.trim() !== '' && productSlug === null,
    items: list.items,
    next: list.next,
    metrics: metrics.map((m) => ({ slug: m.slug, name: m.name[lang] })).sort((a, b) => a.name.localeCompare(b.name)),
    abilities: { record: can(actor, 'claim.record'), settle: can(actor, 'claim.settle'), signedIn: actor !== null },
  }
}

type Failure = { intent: 'record' | 'settle' | 'reopen'; claimId: string; result: SubmissionResult<string[]> }

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const submission = await readSubmission(request, UnverifiedClaimSchema)
  // Only a file where text belongs fails (the schema reads text): no page of ours sends one.
  if (submission.status !== 'success') throw Response.json({ message: t('error.formBody.malformed') }, { status: 400 })
  const form = submission.value
  const { intent, claimId } = form
  const fail = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => data<Failure>({ intent, claimId, result: submission.reply(errors) }, { status })
  const refuse = (status: number, message: string) => fail(status, { formErrors: [message] })
  const db = getDb()
  if (intent === 'record') {
    const author = await requireAbility(request, 'claim.record')
    // The field takes a name too; one matching no product goes on as typed, for the service to refuse.
    const product = form.product.trim() === '' ? form.product : ((await findProductSlug(db, form.product)) ?? form.product)
    const result = await recordUnverifiedClaim(db, { authorId: author.id, fields: { ...form, product } })
    if (result.ok) return redirect(`/claims/unverified?recorded=${result.id}#claim-${result.id}`, 303)
    if (result.status === 429) return refuse(429, t('unverified.error.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) }))
    return fail(422, { fieldErrors: issueErrors(t, result.issues) })
  }
  const editor = await requireAbility(request, 'claim.settle')
  if (intent === 'reopen') {
    const result = await reopenUnverifiedClaim(db, { actorId: editor.id, claimId, note: form.note })
    if (result.ok) return redirect(`/claims/unverified#claim-${claimId}`, 303)
    return result.status === 422 ? fail(422, { fieldErrors: { note: [t('unverified.error.required')] } }) : refuse(result.status, result.status === 409 ? t('unverified.error.settled') : result.message)
  }
  const result = await settleUnverifiedClaim(db, { actorId: editor.id, claimId, fields: form })
  if (result.ok) return redirect(`/claims/unverified?settled=${claimId}#claim-${claimId}`, 303)
  if (result.status === 422) return fail(422, { fieldErrors: issueErrors(t, result.issues) })
  return refuse(result.status, result.status === 409 ? t('unverified.error.settled') : result.message)
}

/** The services' issues, one message a field, in the reader's language. */
function issueErrors(t: Translate, issues: Issue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const limits: Record<string, number> = { text: CLAIM_TEXT_MAX, seenAt: SEEN_AT_MAX, note: NOTE_MAX }
  for (const issue of issues) {
    errors[issue.path] ??= [
      // Whatever is wrong with a product or metric named (unknown, or no name at all), none has it.
      issue.path === 'product' ? t('unverified.error.unknownProduct')
      : issue.path === 'metric' ? t('unverified.error.unknownMetric')
      : issue.code === 'too_long' ? t('unverified.error.tooLong', { limit: limits[issue.path] ?? NOTE_MAX })
      : issue.path === 'figure' ? t('unverified.error.figure')
      : issue.path === 'note' ? t('unverified.error.note')
      : t('unverified.error.required'),
    ]
  }
  return errors
}

export default function UnverifiedClaimsPage() {
  const data = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useT()
  const [params] = useSearchParams()
  const recordResult = failure?.intent === 'record' ? failure.result : null
  const [record, fields] = useSchemaForm('claim-new-form', UnverifiedClaimSchema, recordResult)
  const preset = params.get('product') ?? ''
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(data.filters.status ? { status: data.filters.status } : {}), ...(data.filters.product ? { product: data.filters.product } : {}), ...extra }).toString()
  return (
    <div className="unverified-page">
      <h1>{t('unverified.title')}</h1>
      <p className="lead">{t('unverified.intro')}</p>
      {params.get('recorded') ? <p role="status" className="banner">{t('unverified.recordedNotice')}</p> : null}
      {params.get('settled') ? <p role="status" className="banner">{t('unverified.settledNotice')}</p> : null}
      <Form method="get" className="unverified-filters">
        <label>
          {t('unverified.filter.status')}
          <select name="status" defaultValue={data.filters.status}>
            <option value="">{t('unverified.filter.all')}</option>
            {UNVERIFIED_STATUSES.map((s) => <option key={s} value={s}>{t(`unverified.status.${s}`)}</option>)}
          </select>
        </label>
        <label>
          {t('unverified.filter.product')}
          <ProductField id="filter-product" name="product" defaultValue={data.filters.product} maxLength={200} placeholder={t('unverified.filter.all')} />
        </label>
        <button type="submit" className="button">{t('unverified.filter.apply')}</button>
      </Form>
      {data.unknownProduct ? <p role="status" className="notice">{t('unverified.filter.unknownProduct')}</p> : null}
      {data.items.length === 0 ? <p className="muted">{t('unverified.empty')}</p> : null}
      {data.items.map((item) => (
        <UnverifiedClaim key={item.id} item={item} headingLevel={2}>
          {data.abilities.settle ? <SettleForm item={item} failure={failure && failure.intent !== 'record' && failure.claimId === item.id ? failure : null} /> : null}
        </UnverifiedClaim>
      ))}
      {data.next ? <p><Link to={`/claims/unverified?${query({ before: data.next })}`}>{t('unverified.more')}</Link></p> : null}
      <section aria-labelledby="new-claim" className="unverified-new">
        <h2 id="new-claim" tabIndex={-1}>{t('unverified.new')}</h2>
        {data.abilities.record ? (
          <Form method="post" className="unverified-form" id={record.id} onSubmit={record.onSubmit}>
            <input type="hidden" name="intent" value="record" />
            {record.errors?.[0] ? <p className="form-error" role="alert">{record.errors[0]}</p> : null}
            <Field id="claim-text" label={t('unverified.field.text')} hint={t('unverified.field.textHint')} error={fields.text.errors?.[0]}>
              {(props) => <textarea {...props} name="text" required rows={2} maxLength={CLAIM_TEXT_MAX} defaultValue={fields.text.initialValue ?? ''} />}
            </Field>
            <Field id="claim-seen-at" label={t('unverified.field.seenAt')} hint={t('unverified.field.seenAtHint')} error={fields.seenAt.errors?.[0]}>
              {(props) => <input {...props} name="seenAt" required maxLength={SEEN_AT_MAX} defaultValue={fields.seenAt.initialValue ?? ''} />}
            </Field>
            <Field id="claim-product" label={t('unverified.field.product')} error={fields.product.errors?.[0]}>
              {(props) => (
                // Conform leaves an empty field out of the reply: a field emptied stays empty after a failure.
                <ProductField {...props} name="product" maxLength={200} defaultValue={recordResult ? (fields.product.initialValue ?? '') : preset} />
              )}
            </Field>
            <Field id="claim-metric" label={t('unverified.field.metric')} error={fields.metric.errors?.[0]}>
              {(props) => (
                <select {...props} name="metric" defaultValue={fields.metric.initialValue ?? ''}>
                  <option value="">{t('unverified.field.none')}</option>
                  {data.metrics.map((m) => <option key={m.slug} value={m.slug}>{m.name}</option>)}
                </select>
              )}
            </Field>
            <button type="submit" className="button">{t('unverified.submit')}</button>
          </Form>
        ) : (
          <p>{data.abilities.signedIn ? null : <Link to={`/login?redirectTo=${encodeURIComponent('/claims/unverified#new-claim')}`}>{t('unverified.signIn')}</Link>}</p>
        )}
      </section>
    </div>
  )
}

type FieldProps = { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (props: FieldProps) => JSX.Element }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="muted field-hint">{hint}</p> : null}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {error ? <p id={`${id}-error`} className="field-error">{error}</p> : null}
    </>
  )
}

function SettleForm({ item, failure }: { item: UnverifiedItem; failure: Failure | null }) {
  const t = useT()
  const base = `settle-${item.id}`
  const [form, fields] = useSchemaForm(`${item.status === 'open' ? 'settle' : 'reopen'}-form-${item.id}`, UnverifiedClaimSchema, failure?.result)
  if (item.status !== 'open') {
    return (
      <details className="unverified__settle">
        <summary>{t('unverified.reopen')}</summary>
        <Form method="post" className="unverified-form" id={form.id} onSubmit={form.onSubmit}>
          <input type="hidden" name="intent" value="reopen" />
          <input type="hidden" name="claimId" value={item.id} />
          {form.errors?.[0] ? <p className="form-error" role="alert">{form.errors[0]}</p> : null}
          <Field id={`${base}-reopen`} label={t('unverified.reopen.note')} error={fields.note.errors?.[0]}>
            {(props) => <input {...props} name="note" required maxLength={NOTE_MAX} defaultValue={fields.note.initialValue ?? ''} />}
          </Field>
          <button type="submit" className="button">{t('unverified.reopen')}</button>
        </Form>
      </details>
    )
  }
  return (
    <details className="unverified__settle" open={failure ? true : undefined}>
      <summary>{t('unverified.settle')}</summary>
      <Form method="post" className="unverified-form" id={form.id} onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="settle" />
        <input type="hidden" name="claimId" value={item.id} />
        {form.errors?.[0] ? <p className="form-error" role="alert">{form.errors[0]}</p> : null}
        <fieldset>
          <legend>{t('unverified.settle.status')}</legend>
          {(['verified', 'contradicted', 'no-source'] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name="status" value={s} required defaultChecked={(fields.status.initialValue ?? 'verified') === s} /> {t(`unverified.settle.${s}`)}
            </label>
          ))}
        </fieldset>
        <Field id={`${base}-figure`} label={t('unverified.settle.figure')} hint={t('unverified.settle.figureHint')} error={fields.figure.errors?.[0]}>
          {(props) => <input {...props} name="figure" defaultValue={fields.figure.initialValue ?? ''} />}
        </Field>
        <Field id={`${base}-note`} label={t('unverified.settle.note')} error={fields.note.errors?.[0]}>
          {(props) => <textarea {...props} name="note" rows={2} maxLength={NOTE_MAX} defaultValue={fields.note.initialValue ?? ''} />}
        </Field>
        <button type="submit" className="button">{t('unverified.settle.submit')}</button>
      </Form>
    </details>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Unverified claims'} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
