import { randomUUID } from 'node:crypto'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link'
import { getActor, requireAbility } from '#app/auth/actor.server'
import { DangerSubmit } from '#app/components/confirm'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { ChangesLink, RevisionNumber, Pager, revisionPath, RevisionTime, SizeChange, StatusBadge, Summary, UserLink, WithForeignText } from '#app/components/history'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDateTime, formatNumber, revisionNumber } from '#app/core/format'
import { newestPageQuery, olderPageQuery, parseListQuery } from '#app/core/history-query'
import { translator } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import { forbidden, notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { withRestoredRefs } from '#app/models/revisions.server'
import { listPageEvents } from '#app/models/moderation.server'
import { findRollbackPoint, listPageHistory } from '#app/models/history.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getOrigins } from '#app/http/origin.server'
import { presentRevisionRow } from '#app/presenters/revision-row'
import { MAX_ROLLBACK_EDITS, rollbackEdits } from '#app/services/rollback.server'
import historyCss from '#app/styles/history.css?url'
import { RollbackSchema } from '#app/core/forms/rollback'
import { readSubmission } from '#app/http/form-body.server'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: historyCss }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const uiLang = getUiLang(request)
  const t = translator(uiLang)
  const slug = params.slug ?? ''
  const db = getDb()
  const page = await getPageBySlug(db, slug)
  if (!page) throw notFound(t('error.notFound.comparison', { slug: slug.slice(0, 80) }))
  const url = new URL(request.url)
  const query = parseListQuery(url.searchParams)
  const [history, events] = await Promise.all([listPageHistory(db, page.id, query), query.before ? [] : listPageEvents(db, page.id)])
  const actor = await getActor(request)
  // Rollback undoes the latest edits, so it is offered where the latest revision is listed.
  const point = can(actor, 'revision.rollback') && !query.before ? await findRollbackPoint(db, page.latestRevisionId, MAX_ROLLBACK_EDITS) : undefined
  return {
    title: t('history.title', { title: page.title }),
    feed: `${getOrigins().origin}/pages/${page.slug}/history.atom`,
    page: { slug: page.slug, title: page.title, lang: page.lang, latestRevisionId: page.latestRevisionId, stableRevisionId: page.stableRevisionId },
    rows: await withRestoredRefs(db, history.entries.map(presentRevisionRow)),
    events,
    newest: query.before ? newestPageQuery(url.searchParams) : null,
    older: history.next ? olderPageQuery(url.searchParams, history.next) : null,
    rollback:
      point === undefined
        ? null
        : point === null
          ? ({ kind: 'too-many' } as const)
          : point.target
            ? ({ kind: 'ready', user: point.author.username, count: point.edits.length, other: point.target.authorName, latestRevisionId: page.latestRevisionId, idempotencyKey: randomUUID() } as const)
            : ({ kind: 'only-author', user: point.author.username } as const),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const actor = await requireAbility(request, 'revision.rollback')
  // Every field is text (RollbackSchema): the rules are rollbackEdits', so it cannot fail.
  const submission = await readSubmission(request, RollbackSchema)
  if (submission.status !== 'success') throw Response.json({ message: t('error.formBody.malformed') }, { status: 400 })
  const { intent, latestRevisionId, reason, idempotencyKey } = submission.value
  if (intent !== 'rollback') return data({ ok: false as const, error: t('error.generic.body'), reason }, { status: 400 })
  const result = await rollbackEdits(getDb(), { moderator: actor, slug: params.slug ?? '', expectedLatestId: latestRevisionId, reason, idempotencyKey })
  if (result.ok) return { ok: true as const, revisionId: result.revisionId }
  if (result.status === 404) throw notFound(t('error.notFound.comparison', { slug: (params.slug ?? '').slice(0, 80) }))
  if (result.status === 403) throw forbidden(t('error.forbidden.body'))
  const error = result.code === 'uncited_figures' ? t('rollback.error.uncited_figures', { count: result.uncitedFigures.length }) : t(`rollback.error.${result.code}`)
  return data({ ok: false as const, error, reason }, { status: result.status })
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function History() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  const lang = useUiLang()
  const { page, rows } = data
  return (
    <div className="history">
      <h1>
        <WithForeignText message={(title) => t('history.title', { title })} text={page.title} lang={page.lang} />
      </h1>
      <p className="muted">{t('history.intro')}</p>
      {data.events.length > 0 ? (
        <section aria-labelledby="page-events">
          <h2 id="page-events">{t('history.pageLog')}</h2>
          <ul className="page-events">
            {data.events.map((e) => (
              <li key={e.id} data-event={e.action}>
                {t(`history.event.${e.action}`, { actor: e.actor ?? '—', date: formatDateTime(lang, e.createdAt), reason: e.reason, from: e.from ?? '', to: e.to ?? '' })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="history-tools">
        <Link to={`/pages/${page.slug}`}>{t('history.backToPage')}</Link>
        <a href={data.feed} type="application/atom+xml">
          {t('history.feed')}
        </a>
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          {t('rollback.done')} <Link to={revisionPath(page.slug, result.revisionId)}>{revisionNumber(result.revisionId)}</Link>
        </p>
      ) : null}
      <RollbackBox rollback={data.rollback} slug={page.slug} error={result && !result.ok ? result.error : null} reason={result && !result.ok ? result.reason : ''} />
      {rows.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <Form method="get" action={`/pages/${page.slug}/diff`}>
          <table className="data history-table">
            <thead>
              <tr>
                <th scope="col" className="col-pick">{t('history.col.from')}</th>
                <th scope="col" className="col-pick">{t('history.col.to')}</th>
                <th scope="col">{t('history.col.time')}</th>
                <th scope="col">{t('history.col.author')}</th>
                <th scope="col">{t('history.col.summary')}</th>
                <th scope="col" className="col-num">{t('history.col.size')}</th>
                <th scope="col" className="col-num">{t('history.col.change')}</th>
                <th scope="col">{t('history.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const time = formatDateTime(lang, row.createdAt)
                return (
                  <tr key={row.id}>
                    <td className="col-pick">
                      <input type="radio" name="from" value={row.id} defaultChecked={i === 1 || (rows.length === 1 && i === 0)} aria-label={t('history.compareFrom', { time })} />
                    </td>
                    <td className="col-pick">
                      <input type="radio" name="to" value={row.id} defaultChecked={i === 0} aria-label={t('history.compareTo', { time })} />
                    </td>
                    <td>
                      <Link to={revisionPath(page.slug, row.id)}>
                        <RevisionTime iso={row.createdAt} /> <RevisionNumber id={row.id} />
                      </Link>
                      {' · '}
                      <ChangesLink row={row} />
                    </td>
                    <td>
                      <UserLink username={row.author} />
                    </td>
                    <td>
                      <Summary row={row} />
                    </td>
                    <td className="col-num">{formatNumber(lang, row.size)}</td>
                    <td className="col-num">
                      <SizeChange change={row.sizeChange} />
                    </td>
                    <td>
                      <StatusBadge status={row.status} />
                      {row.id === page.latestRevisionId ? <span className="marker">{t('history.current')}</span> : null}
                      {row.id === page.stableRevisionId ? <span className="marker">{t('history.stable')}</span> : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p className="history-legend muted">{t('history.legend')}</p>
          <p className="history-compare">
            <button type="submit" className="primary">
              {t('history.compare')}
            </button>
          </p>
        </Form>
      )}
      <Pager newest={data.newest} older={data.older} />
    </div>
  )
}

type Rollback = ReturnType<typeof useLoaderData<typeof loader>>['rollback']

function RollbackBox({ rollback, slug, error, reason }: { rollback: Rollback; slug: string; error: string | null; reason: string }) {
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  if (!rollback) return null
  return (
    <section className="rollback" aria-labelledby="rollback-heading">
      <h2 id="rollback-heading">{t('rollback.heading')}</h2>
      {rollback.kind === 'too-many' ? <p>{t('rollback.tooMany')}</p> : null}
      {rollback.kind === 'only-author' ? <p>{t('rollback.onlyAuthor', { user: rollback.user })}</p> : null}
      {rollback.kind === 'ready' ? (
        <>
          <p>{t('rollback.explain', { user: rollback.user, count: rollback.count, other: rollback.other })}</p>
          {error ? (
            <p className="form-error" role="alert" id="rollback-error">
              {error}
            </p>
          ) : null}
          <Form method="post" action={`/pages/${slug}/history`}>
            <input type="hidden" name="intent" value="rollback" />
            <input type="hidden" name="latestRevisionId" value={rollback.latestRevisionId} />
            <input type="hidden" name="idempotencyKey" value={rollback.idempotencyKey} />
            <label>
              {t('rollback.reason')}
              <input type="text" name="reason" required maxLength={1000} defaultValue={reason} aria-describedby={error ? 'rollback-error' : undefined} />
            </label>
            <DangerSubmit confirm={t('confirm.rollback')} disabled={busy}>
              {t('rollback.submit', { user: rollback.user })}
            </DangerSubmit>
          </Form>
        </>
      ) : null}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.title} · Sourced` },
        { name: 'robots', content: 'noindex' },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: data.feed, title: data.title },
      ]
    : [{ title: 'Sourced' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
