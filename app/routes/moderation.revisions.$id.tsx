import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link'
import { requireAbility } from '#app/auth/actor.server'
import { DangerSubmit } from '#app/components/confirm'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { RevisionNumber, revisionName } from '#app/components/history'
import { EvidencePanels, LinkStatus, SourceKindLabel } from '#app/components/evidence'
import { useT, useUiLang } from '#app/components/i18n'
import { ElapsedText, ModerationNav } from '#app/components/moderation'
import { formatDate, formatDateTime } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { ProductFactsChanges } from '#app/components/product'
import { reviewRevision } from '#app/services/review-revision.server'
import historyCss from '#app/styles/history.css?url'
import css from '#app/styles/moderation.css?url'
import { readSubmission } from '#app/http/form-body.server'
import { ReviewRevisionSchema } from '#app/core/forms/review-revision'
import { loadReviewView } from '#app/views/review-view.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: historyCss },
  { rel: 'stylesheet', href: css },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireAbility(request, 'revision.review')
  const uiLang = getUiLang(request)
  const view = await loadReviewView(getDb(), params.id ?? '', { uiLang, canProtect: can(actor, 'page.protect') })
  if (!view) throw notFound(translator(uiLang)('error.notFound.body'))
  return view
}

type ActionResult =
  | { ok: true; message: string }
  | { ok: false; intent: 'approve' | 'reject'; message: string; uncited?: Array<{ text: string }>; reason: string; field?: 'reason' }

export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireAbility(request, 'revision.review')
  const t = translator(getUiLang(request))
  // Both fields are text (ReviewRevisionSchema): the reason's rule is reviewRevision's, so it cannot fail.
  const submission = await readSubmission(request, ReviewRevisionSchema)
  if (submission.status !== 'success') throw Response.json({ message: t('error.formBody.malformed') }, { status: 400 })
  const { intent, reason } = submission.value
  const result = await reviewRevision(getDb(), { moderator, revisionId: params.id ?? '', decision: intent, reason })
  if (result.ok) return { ok: true, message: result.status === 'approved' ? t('mod.decide.approved') : t('mod.decide.rejected') } satisfies ActionResult
  if (result.status === 404) throw notFound(t('error.notFound.body'))
  const failed = (status: 409 | 422, message: string, extra: Partial<ActionResult> = {}) => data({ ok: false, intent, message, reason, ...extra } as ActionResult, { status })
  if (result.status === 422) return failed(422, t('mod.decide.reasonRequired'), { field: 'reason' })
  if (result.code === 'uncited_figures') return failed(409, t('mod.decide.uncited', { count: result.uncitedFigures?.length ?? 0 }), { uncited: result.uncitedFigures?.map((f) => ({ text: f.text })) ?? [] })
  if (result.code === 'content_hidden') return failed(409, t('hidden.contentNotice'))
  return failed(409, result.code === 'page_moved_on' ? t('mod.decide.movedOn') : t('mod.decide.notPending'))
}

export default function ReviewRevision() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as ActionResult | undefined
  const navigation = useNavigation()
  const t = useT()
  const lang = useUiLang()
  const { revision, page } = data
  const busy = navigation.state !== 'idle'
  const failure = result && !result.ok ? result : null
  const hasFindings =
    data.findings.uncited.length + data.findings.mismatched.length + data.findings.marketing.length + data.findings.citationsRemoved.length + data.findings.unknownSources + data.findings.metrics.length +
      data.findings.brokenLinks.length + data.findings.quotesMissing.length >
    0
  return (
    <div className="moderation review">
      <ModerationNav moderator />
      <h1>
        {t('mod.review.title', { title: '' })}
        <span lang={revision.lang}>
          <Marked segments={revision.title} />
        </span>
      </h1>
      <p className="review__meta">
        <span className={`status status--${revision.status}`}>{t(`mod.status.${revision.status}`)}</span>
        {' · '}
        {t('mod.review.meta', { author: data.author?.username ?? '?', date: formatDateTime(lang, revision.createdAt) })} <RevisionNumber id={revision.id} /> (<ElapsedText value={revision.waiting} />)
        {' · '}
        {t('mod.review.risk', { score: revision.riskScore })}
      </p>
      <p className="review__links">
        <Link to={`/pages/${page.slug}?revision=${revision.id}`}>{t('mod.review.page')}</Link>
        {data.diffHref ? <Link to={data.diffHref}>{t('mod.review.diffLink')}</Link> : null}
        {data.canProtect ? <Link to={`/moderation/pages/${page.slug}/protect`}>{t('mod.review.protect')}</Link> : null}
      </p>
      {revision.summary ? <p className="review__summary">“{revision.summary}”</p> : null}

      {result?.ok ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      {failure ? (
        <div className="form-error" role="alert" id="decision-error">
          <p>{failure.message}</p>
          {failure.uncited && failure.uncited.length > 0 ? (
            <ul className="uncited-list">
              {failure.uncited.map((f, i) => (
                <li key={i}>{f.text}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {data.claimConflicts.length > 0 ? (
        <section aria-labelledby="claim-conflicts-heading" className="review__conflicts">
          <h2 id="claim-conflicts-heading">{t('conflicts.review')}</h2>
          <p>{t('conflicts.reviewIntro')}</p>
          <ul>
            {data.claimConflicts.map((c) => (
              <li key={c.key} data-conflict={c.key}>
                {t('conflicts.group', { product: c.product.name, metric: c.metric.name, period: c.period })}
                <ul>
                  {c.claims.map((claim) => (
                    <li key={claim.id}>
                      <a href={claim.href}><strong>{claim.value}</strong></a> · {claim.date}{claim.source ? <> · {claim.source}</> : null} · {claim.page}
                    </li>
                  ))}
                  {c.more > 0 ? <li><Link to={`/products/${c.product.slug}`}>{t('conflicts.more', { count: c.more, atLeast: c.moreAtLeast })}</Link></li> : null}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="decision-heading" className="review__decision">
        <h2 id="decision-heading">{t('mod.decide.title')}</h2>
        {data.decision ? (
          <p>
            {t('mod.decided', { decision: t(`mod.decision.${data.decision.decision}`), moderator: data.decision.moderator, date: formatDateTime(lang, data.decision.createdAt) })}
            {data.decision.reason ? <>: “{data.decision.reason}”</> : null}
          </p>
        ) : revision.status === 'pending' ? (
          <div className="decision-forms">
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="approve" />
              <label>
                {t('mod.decide.note')}
                <textarea name="reason" rows={2} maxLength={1000} defaultValue={failure?.intent === 'approve' ? failure.reason : ''} aria-describedby="approve-hint" />
                <span className="muted" id="approve-hint">
                  {t('mod.decide.noteHint')}
                </span>
              </label>
              <button type="submit" className="primary" disabled={busy} aria-describedby={data.findings.uncited.length > 0 ? 'approve-blocked' : undefined}>
                {t('mod.decide.approve')}
              </button>
              {data.supersedes.length > 0 ? (
                <div className="notice" id="approve-supersedes">
                  <p>{t('mod.decide.supersedes', { count: data.supersedes.length })}</p>
                  <ul>
                    {data.supersedes.map((r) => (
                      <li key={r.id}>
                        <Link to={`/moderation/revisions/${r.id}`}>{revisionName(t, lang, r)}</Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {data.findings.uncited.length > 0 ? (
                <p className="muted" id="approve-blocked">
                  {t('mod.decide.blockedByUncited', { count: data.findings.uncited.length })}
                </p>
              ) : null}
            </Form>
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="reject" />
              <label>
                {t('mod.decide.reason')}
                <textarea
                  name="reason"
                  rows={2}
                  maxLength={1000}
                  required
                  defaultValue={failure?.intent === 'reject' ? failure.reason : ''}
                  aria-invalid={failure?.field === 'reason' ? true : undefined}
                  aria-describedby={failure?.field === 'reason' ? 'reject-hint decision-error' : 'reject-hint'}
                />
                <span className="muted" id="reject-hint">
                  {t('mod.decide.reasonHint')}
                </span>
              </label>
              <DangerSubmit confirm={t('confirm.reject')} disabled={busy}>
                {t('mod.decide.reject')}
              </DangerSubmit>
            </Form>
          </div>
        ) : (
          <p>{t(`mod.status.${revision.status}`)}</p>
        )}
      </section>

      <section aria-labelledby="legend-heading" className="review__legend">
        <h2 id="legend-heading">{t('mod.review.legend')}</h2>
        <ul className="legend">
          <li>
            <span className="fig legend__sample" aria-hidden="true">
              123
            </span>{' '}
            {t('mod.legend.evidence')}
          </li>
          <li>
            <mark className="hl-uncited legend__sample" aria-hidden="true">
              123
            </mark>{' '}
            {t('mod.legend.uncited')}
          </li>
          <li>
            <mark className="hl-marketing legend__sample" aria-hidden="true">
              abc
            </mark>{' '}
            {t('mod.legend.marketing')}
          </li>
          <li>
            <mark className="hl-mismatch legend__sample" aria-hidden="true">
              123
            </mark>{' '}
            {t('mod.legend.mismatch')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="metadata-heading">
        <h2 id="metadata-heading">{t('mod.review.metadata')}</h2>
        <dl className="review__fields" lang={revision.lang}>
          <dt lang={lang}>{t('mod.review.field.title')}</dt>
          <dd>
            <Marked segments={revision.title} />
          </dd>
          <dt lang={lang}>{t('mod.review.field.summary')}</dt>
          <dd>
            <Marked segments={revision.summaryText} />
          </dd>
        </dl>
      </section>

      {data.textDiff ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">{t('mod.review.changes')}</h2>
          {data.textDiff.html === null ? (
            <p>{t('diff.textUnchanged')}</p>
          ) : (
            <div className="diff diff-body" lang={revision.lang} dangerouslySetInnerHTML={{ __html: data.textDiff.html }} />
          )}
        </section>
      ) : null}

      {data.productChanges.length > 0 ? <ProductFactsChanges changes={data.productChanges} /> : null}

      <section aria-labelledby="body-heading">
        <h2 id="body-heading">{t('mod.review.body')}</h2>
        <div className="prose review__body" lang={revision.lang} dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
        <EvidencePanels figures={data.panels} sources={data.sources} />
      </section>

      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">{t('mod.review.findings')}</h2>
        {!hasFindings ? (
          <p>{t('mod.review.noFindings')}</p>
        ) : (
          <ul className="findings">
            {data.findings.uncited.map((f, i) => (
              <li key={`u${i}`}>
                <mark className="hl-uncited">{f.text}</mark> — {t('mod.finding.uncited-figure')}
                {f.body ? null : <> ({f.field})</>}
              </li>
            ))}
            {data.findings.mismatched.map((f, i) => (
              <li key={`m${i}`}>
                <mark className="hl-mismatch">{f.text}</mark> — {t('mod.finding.quote-mismatch')}
                {f.quote ? <> (“{f.quote}”)</> : null}
              </li>
            ))}
            {data.findings.marketing.map((f, i) => (
              <li key={`p${i}`}>
                <mark className="hl-marketing" lang={revision.lang}>
                  {f.text}
                </mark>{' '}
                — {t('mod.finding.marketing')} ({t(`mod.category.${f.category}`)}, {f.field}): <span lang={revision.lang}>{f.suggestion}</span>
              </li>
            ))}
            {data.findings.citationsRemoved.map((name, i) => (
              <li key={`c${i}`}>{t('mod.review.citationRemoved', { source: name })}</li>
            ))}
            {data.findings.metrics.map((f, i) => (
              <li key={`k${i}`} className={`finding--${f.kind}`}>
                <mark className={f.kind === 'metric-mismatch' ? 'hl-metric' : 'hl-mismatch'} lang={revision.lang}>
                  {f.text}
                </mark>{' '}
                — {t(`mod.finding.${f.kind}`)}{t('punct.colon')} <span lang={revision.lang}>{f.message}</span>
              </li>
            ))}
            {data.findings.unknownSources > 0 ? <li>{t('mod.chip', { label: t('mod.finding.unknown-source'), count: data.findings.unknownSources })}</li> : null}
            {data.findings.brokenLinks.map((s) => (
              <li key={`l${s.id}`}>
                <Link to={`/sources/${s.id}`}>{s.title}</Link>: <LinkStatus link={s.link} />
              </li>
            ))}
            {data.findings.quotesMissing.map((q, i) => (
              <li key={`q${i}`}>
                {q.text ? <mark className="hl-mismatch">{q.text}</mark> : q.source}: “<span lang={q.lang ?? undefined}>{q.quote}</span>” — {t('quote.missingAsOf', { date: formatDate(lang, q.checkedAt) })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t('mod.review.compare')}</h2>
        {page.isStable ? (
          <p>{t('mod.review.isStable')}</p>
        ) : !page.stableRevisionId ? (
          <p>{t('mod.review.noStable')}</p>
        ) : null}
        {data.evidence ? (
          data.evidence.added.length + data.evidence.removed.length + data.evidence.changed.length === 0 ? (
            <p>{t('mod.diff.none')}</p>
          ) : (
            <div className="evidence-diff">
              {data.evidence.added.length > 0 ? (
                <>
                  <h3>{t('mod.diff.added')}</h3>
                  <ul>
                    {data.evidence.added.map((f, i) => (
                      <li key={i}>
                        <ins>{f.text}</ins> {f.source ? <span className="muted">({f.source})</span> : <span className="muted">({t('mod.diff.uncited')})</span>}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {data.evidence.removed.length > 0 ? (
                <>
                  <h3>{t('mod.diff.removed')}</h3>
                  <ul>
                    {data.evidence.removed.map((f, i) => (
                      <li key={i}>
                        <del>{f.text}</del> {f.source ? <span className="muted">({f.source})</span> : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {data.evidence.changed.length > 0 ? (
                <>
                  <h3>{t('mod.diff.changed')}</h3>
                  <ul>
                    {data.evidence.changed.map((c, i) => (
                      <li key={i}>{t('mod.diff.change', { before: c.before, after: c.after, fields: c.fields.map((f) => t(`mod.diff.field.${f}`)).join(', ') })}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          )
        ) : null}
        {data.diffHref ? (
          <p>
            <Link to={data.diffHref}>{t('mod.review.diffLink')}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">{t('mod.review.sources')}</h2>
        {data.addedSources.length === 0 ? (
          <p>{t('mod.review.noNewSources')}</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('mod.col.source')}</th>
                <th scope="col">{t('mod.col.kind')}</th>
                <th scope="col">{t('mod.col.linkStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {data.addedSources.map((s) => (
                <tr key={s.id}>
                  <td>
                    <a href={s.url} rel="nofollow noopener noreferrer" lang={s.lang ?? undefined}>
                      {s.title}
                    </a>
                    <div className="muted">{s.publisher}</div>
                  </td>
                  <td>
                    <SourceKindLabel kind={s.kind} />
                    {s.selfReported ? <div className="badge badge--vendor">{t('figure.selfReported')}</div> : null}
                  </td>
                  <td>
                    <LinkStatus link={s.link} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {data.author ? (
        <section aria-labelledby="author-heading">
          <h2 id="author-heading">{t('mod.review.author')}</h2>
          <dl className="review__fields">
            <dt>{t('mod.col.author')}</dt>
            <dd>
              <Link to={`/users/${encodeURIComponent(data.author.username)}`}>{data.author.username}</Link>
            </dd>
            <dt>{t('mod.author.role')}</dt>
            <dd>
              {t(`mod.role.${data.author.role}`)}
              {data.author.blockedUntil ? <> · {t('mod.author.blocked', { until: formatDateTime(lang, data.author.blockedUntil) })}</> : null}
            </dd>
            <dt>{t('mod.author.age')}</dt>
            <dd>
              <ElapsedText value={data.author.accountAge} />
            </dd>
            <dt>{t('mod.author.approved')}</dt>
            <dd>{data.author.record.approved}</dd>
            <dt>{t('mod.author.rejected')}</dt>
            <dd>{data.author.record.rejected}</dd>
            <dt>{t('mod.author.pending')}</dt>
            <dd>{data.author.record.pending}</dd>
          </dl>
        </section>
      ) : null}
    </div>
  )
}

/** A title or summary with its promotional spans marked, the explanation read out after each. */
function Marked({ segments }: { segments: Array<{ text: string; label: string | null }> }) {
  return (
    <>
      {segments.map((s, i) =>
        s.label ? (
          <mark key={i} className="hl-marketing" title={s.label}>
            {s.text}
            <span className="visually-hidden"> ({s.label})</span>
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Review'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
