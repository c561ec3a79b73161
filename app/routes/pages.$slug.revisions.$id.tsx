import { randomUUID } from 'node:crypto'
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link'
import { getActor, requireAbility } from '#app/auth/actor.server'
import { DangerSubmit } from '#app/components/confirm'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { CitationList, EvidencePanels } from '#app/components/evidence'
import { diffPath, revisionPath, RevisionTime, StatusBadge, Summary, UserLink } from '#app/components/history'
import { useT, useUiLang } from '#app/components/i18n'
import { SubjectsBox } from '#app/components/subjects'
import { formatDate, formatDateTime, revisionNumber } from '#app/core/format'
import { getRevisionRefs } from '#app/models/revisions.server'
import { RevertSchema } from '#app/core/forms/revert'
import { isRevisionId } from '#app/core/history-query'
import { translator } from '#app/core/i18n/index'
import { can } from '#app/core/permissions'
import { forbidden, notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { getRevisionContentHash, getRevisionNeighbours } from '#app/models/history.server'
import { loadPageView } from '#app/views/page-view.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getOrigins } from '#app/http/origin.server'
import { revertRevision } from '#app/services/revert-revision.server'
import { protectionInForce } from '#app/core/protection'
import historyCss from '#app/styles/history.css?url'
import { readSubmission } from '#app/http/form-body.server'
import { NO_HYDRATION } from '#app/components/hydration'
import { prepareReading } from '#app/core/reading'
import { getDecision } from '#app/models/moderation-queue.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: historyCss }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const uiLang = getUiLang(request)
  const t = translator(uiLang)
  const slug = params.slug ?? ''
  const id = params.id ?? ''
  const db = getDb()
  const actor = await getActor(request)
  const reveal = can(actor, 'revision.readHidden')
  const view = isRevisionId(id) ? await loadPageView(db, slug, { kind: 'revision', id }, uiLang, new Date(), { reveal }) : null
  if (!view) throw notFound((await getPageBySlug(db, slug)) ? t('permalink.notFound') : t('error.notFound.comparison', { slug: slug.slice(0, 80) }))
  const { page, revision } = view
  const [neighbours, decision] = await Promise.all([getRevisionNeighbours(db, page.id, revision.id), revision.status === 'rejected' ? getDecision(db, revision.id) : null])
  const canEdit = can(actor, 'page.edit', { protection: protectionInForce(page, new Date()) })
  const sameAsCurrent = revision.id === page.latestRevisionId || (await getRevisionContentHash(db, page.latestRevisionId)) === revision.contentHash
  return {
    title: t('permalink.title', { title: revision.content.title || page.title, time: formatDateTime(uiLang, revision.createdAt) }),
    canonical: `${getOrigins().origin}/pages/${page.slug}`,
    page: { slug: page.slug, lang: page.lang, stableRevisionId: page.stableRevisionId, latestRevisionId: page.latestRevisionId },
    revision: {
      id: revision.id,
      parentId: revision.parentId,
      createdAt: revision.createdAt,
      author: revision.authorName,
      status: revision.status,
      summary: revision.summary,
      restoresRevisionId: revision.restoresRevisionId,
      restores: revision.restoresRevisionId ? ((await getRevisionRefs(db, [revision.restoresRevisionId]))[revision.restoresRevisionId] ?? null) : null,
      contentHidden: revision.contentHidden,
      summaryHidden: revision.summaryHidden,
      // A rejected revision says why, to its author and to everyone (the log is public too).
      rejection: decision?.decision === 'reject' ? { moderator: decision.moderator, date: formatDate(uiLang, decision.createdAt), reason: decision.reason } : null,
    },
    neighbours,
    hidden: revision.contentHidden ? (reveal ? ('admin' as const) : ('hidden' as const)) : null,
    canHide: can(actor, 'revision.hide'),
    content: { title: revision.content.title || page.title, summary: revision.content.summary, lang: revision.content.lang, subjects: revision.content.subjects, categories: revision.content.categories },
    // Citations numbered per source, as the reference list shows them; states marked inline.
    bodyHtml: prepareReading({ bodyHtml: view.bodyHtml, figures: view.figures, citations: view.citations, isSelfReported: (sid) => view.sources[sid]?.selfReported === true, label: (state) => t(`mark.${state}`) }).bodyHtml,
    figures: view.figures,
    citations: view.citations,
    sources: view.sources,
    // The idempotency key is only made for people who can revert: a random value in every
    // anonymous response would defeat the ETag of this immutable page.
    revert: actor && !revision.contentHidden ? { canEdit, sameAsCurrent, baseRevisionId: page.latestRevisionId, idempotencyKey: canEdit && !sameAsCurrent ? randomUUID() : null } : null,
    saved: new URL(request.url).searchParams.has('saved'),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = translator(getUiLang(request))
  const slug = params.slug ?? ''
  const actor = await requireAbility(request, 'page.edit')
  // Every field is text (RevertSchema): the rules are revertRevision's, so it cannot fail.
  const submission = await readSubmission(request, RevertSchema)
  if (submission.status !== 'success') throw Response.json({ message: t('error.formBody.malformed') }, { status: 400 })
  const { intent, baseRevisionId, idempotencyKey } = submission.value
  if (intent !== 'revert') return data({ error: t('error.generic.body'), conflict: null }, { status: 400 })
  const page = await getPageBySlug(getDb(), slug)
  if (!page) throw notFound(t('error.notFound.comparison', { slug: slug.slice(0, 80) }))
  if (!can(actor, 'page.edit', { protection: protectionInForce(page, new Date()) })) throw forbidden(t('revert.error.protected'))
  const result = await revertRevision(getDb(), { actor, slug, revisionId: params.id ?? '', baseRevisionId, idempotencyKey })
  if (result.ok) return redirect(`${revisionPath(result.page.slug, result.revision.id)}?saved`)
  switch (result.code) {
    case 'edit_conflict':
      return data({ error: t('revert.error.edit_conflict'), conflict: { id: result.conflict.revisionId, latestId: result.conflict.latestRevisionId } }, { status: 409 })
    case 'rate_limited':
      return data({ error: t('revert.error.rate_limited', { minutes: Math.ceil(result.retryAfterSeconds / 60) }), conflict: null }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
    case 'not_found':
    case 'page_not_found':
    case 'base_not_found':
      throw notFound(t('revert.error.not_found'))
    case 'protected':
      throw forbidden(t('revert.error.protected'))
    case 'slug_taken':
      // Only a new page can collide with a slug; a revert never creates one.
      throw new Error('revert answered slug_taken')
    default:
      return data({ error: t(`revert.error.${result.code}`), conflict: null }, { status: result.status })
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function RevisionPermalink() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  const { page, revision, content, neighbours } = data
  const markedFigures = data.figures.filter((f) => f.cited || f.sourceId !== null || f.quote !== null || f.asOf !== null)
  const isStable = revision.id === page.stableRevisionId
  const isCurrent = revision.id === page.latestRevisionId
  return (
    <div className="page-layout">
      <section className="revision-banner" aria-label={t('permalink.heading', { time: formatDateTime(lang, revision.createdAt) })}>
        {data.saved ? (
          <p className="notice" role="status">
            {revision.status === 'approved' ? t('revert.savedApproved') : t('revert.savedPending')}
          </p>
        ) : null}
        <p>
          <strong>{t('permalink.heading', { time: formatDateTime(lang, revision.createdAt) })}</strong> <span className="muted">{revisionNumber(revision.id)}</span>
        </p>
        <dl>
          <dt>{t('permalink.author')}</dt>
          <dd>
            <UserLink username={revision.author} />
          </dd>
          <dt>{t('permalink.summary')}</dt>
          <dd>
            <Summary row={{ summary: revision.summary, restoresRevisionId: revision.restoresRevisionId, restores: revision.restores, page }} />
          </dd>
          <dt>{t('permalink.status')}</dt>
          <dd>
            <StatusBadge status={revision.status} />
            {isCurrent ? <span className="marker">{t('history.current')}</span> : null}
            {isStable ? <span className="marker">{t('history.stable')}</span> : null}
            {revision.rejection ? <p className="rejection-reason">{t('reading.rejectedBy', revision.rejection)}</p> : null}
          </dd>
        </dl>
        {isStable ? <p>{t('permalink.isStable')}</p> : isCurrent ? <p>{t('permalink.isCurrent')}</p> : null}
        <nav aria-label={t('permalink.revisionNav')}>
          <ul>
            {neighbours.previousId ? (
              <li>
                <Link to={revisionPath(page.slug, neighbours.previousId)} rel="prev">
                  ← {t('permalink.previous')}
                </Link>
              </li>
            ) : null}
            {neighbours.nextId ? (
              <li>
                <Link to={revisionPath(page.slug, neighbours.nextId)} rel="next">
                  {t('permalink.next')} →
                </Link>
              </li>
            ) : null}
            <li>
              <Link to={diffPath(page.slug, revision.id, revision.parentId)}>{t('permalink.diffPrevious')}</Link>
            </li>
            {page.stableRevisionId && !isStable ? (
              <li>
                <Link to={diffPath(page.slug, revision.id, page.stableRevisionId)}>{t('permalink.diffStable')}</Link>
              </li>
            ) : null}
            <li>
              <Link to={`/pages/${page.slug}/history`}>{t('permalink.history')}</Link>
            </li>
          </ul>
        </nav>
        {data.canHide ? (
          <p>
            <Link to={`/pages/${page.slug}/revisions/${revision.id}/visibility`}>{t('hide.link')}</Link>
          </p>
        ) : null}
        <RevertBox revert={data.revert} slug={page.slug} revisionId={revision.id} />
      </section>
      {data.hidden ? (
        <div className="banner banner--pending" role="status" data-hidden={data.hidden}>
          <p>{t(data.hidden === 'admin' ? 'hidden.adminNotice' : 'hidden.contentNotice')}</p>
        </div>
      ) : null}
      <article className="comparison" lang={content.lang} aria-labelledby="page-title">
        <header className="comparison__header">
          <h1 id="page-title">{content.title}</h1>
          <p className="comparison__summary">{content.summary}</p>
        </header>
        <div lang={lang}>
          <SubjectsBox subjects={content.subjects} categories={content.categories} />
          <p className="comparison__meta">
            <RevisionTime iso={revision.createdAt} /> · {t('page.figureCount', { count: data.figures.filter((f) => f.cited).length })}
          </p>
        </div>
        <div className="prose" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
        <CitationList citations={data.citations} sources={data.sources} />
      </article>
      <EvidencePanels figures={markedFigures} sources={data.sources} />
    </div>
  )
}

type Revert = ReturnType<typeof useLoaderData<typeof loader>>['revert']

function RevertBox({ revert, slug, revisionId }: { revert: Revert; slug: string; revisionId: string }) {
  const t = useT()
  const result = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  if (!revert) {
    return (
      <div className="revert">
        <p className="muted">
          <Link to={`/login?redirectTo=${encodeURIComponent(revisionPath(slug, revisionId))}`}>{t('revert.signIn')}</Link>
        </p>
      </div>
    )
  }
  if (!revert.canEdit) return null
  return (
    <div className="revert">
      {result?.error ? (
        <p className="form-error" role="alert">
          {result.error} {result.conflict ? <Link to={diffPath(slug, result.conflict.id, result.conflict.latestId)}>{t('revert.compareConflict')}</Link> : null}
        </p>
      ) : null}
      {revert.sameAsCurrent || !revert.idempotencyKey ? (
        <p className="muted">{t('revert.sameAsCurrent')}</p>
      ) : (
        <Form method="post" action={revisionPath(slug, revisionId)}>
          <input type="hidden" name="intent" value="revert" />
          <input type="hidden" name="baseRevisionId" value={revert.baseRevisionId} />
          <input type="hidden" name="idempotencyKey" value={revert.idempotencyKey} />
          <p className="muted">{t('revert.explain')}</p>
          <DangerSubmit confirm={t('confirm.revert')} disabled={busy}>
            {t('revert.submit')}
          </DangerSubmit>
        </Form>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.title} · Sourced` },
        { tagName: 'link', rel: 'canonical', href: data.canonical },
        { name: 'robots', content: 'noindex' },
      ]
    : [{ title: 'Sourced' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
