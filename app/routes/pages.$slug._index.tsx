import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { getSessionUser } from '#app/auth/session.server'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { EvidencePanels, CitationList } from '#app/components/evidence'
import { useT, useUiLang } from '#app/components/i18n'
import { SaveNotice } from '#app/components/save-notice'
import { SubjectsBox } from '#app/components/subjects'
import { PageAside } from '#app/components/page-aside'
import { config } from '#app/infra/config.server'
import { prepareReading } from '#app/core/reading'
import { can } from '#app/core/permissions'
import { protectionInForce } from '#app/core/protection'
import { formatDate } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { loadPageView, type Which } from '#app/views/page-view.server'
import { resolveSubjects } from '#app/models/products.server'
import { getOrigins } from '#app/http/origin.server'
import { NO_HYDRATION } from '#app/components/hydration'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const uiLang = getUiLang(request)
  const t = translator(uiLang)
  const slug = params.slug ?? ''
  const requested = new URL(request.url).searchParams.get('revision')
  const session = await getSessionUser(request)
  // Readers see the last approved revision; signed-in editors see the newest, marked as pending.
  // "stable" is asked for by name (the banner's "see the approved revision"); it is no revision id.
  const which: Which = requested === 'latest' || (requested === null && session) ? { kind: 'latest' } : requested && requested !== 'stable' ? { kind: 'revision', id: requested } : { kind: 'stable' }
  const user = session?.user ?? null
  // Admins read hidden revisions and deleted pages (decision 028); everyone else gets the notice, or 410.
  const access = { reveal: can(user, 'revision.readHidden'), includeDeleted: can(user, 'page.delete') }
  const view = await loadPageView(getDb(), slug, which, uiLang, new Date(), access)
  if (!view) {
    const exists = which.kind === 'stable' && (await loadPageView(getDb(), slug, { kind: 'latest' }, uiLang, new Date(), access)) !== null
    throw notFound(exists ? t('page.noStable') : t('error.notFound.comparison', { slug: slug.slice(0, 80) }))
  }
  const { page, revision } = view
  // A product is a page too (decision 019); its reader view lives under /products.
  if (page.kind === 'product') throw redirect(`/products/${page.slug}`, 301)
  const reading = prepareReading({
    bodyHtml: view.bodyHtml,
    figures: view.figures,
    citations: view.citations,
    isSelfReported: (id) => view.sources[id]?.selfReported === true,
    label: (state) => t(`mark.${state}`),
  })
  const protection = protectionInForce(page, new Date())
  return {
    // Protection shows where people decide to edit; moderators change it from here.
    protection: protection ? { level: protection, reason: page.protectionReason, until: page.protectionExpiresAt } : null,
    abilities: { edit: !page.deletedAt && (user ? can(user, 'page.edit', { protection }) : protection === null), protect: can(user, 'page.protect'), move: !page.deletedAt && can(user, 'page.move'), delete: can(user, 'page.delete'), hide: can(user, 'revision.hide') },
    deletedAt: page.deletedAt,
    hidden: revision.contentHidden ? (access.reveal ? ('admin' as const) : ('hidden' as const)) : null,
    canonical: `${getOrigins().origin}/pages/${page.slug}`,
    page: { slug: page.slug, stableRevisionId: page.stableRevisionId, latestRevisionId: page.latestRevisionId },
    revision: { id: revision.id, createdAt: revision.createdAt, status: revision.status, isStable: view.isStable },
    hasPendingChanges: view.hasPendingChanges,
    content: { title: revision.content.title || page.title, summary: revision.content.summary, lang: revision.content.lang, subjects: await resolveSubjects(getDb(), revision.content.subjects), categories: revision.content.categories },
    bodyHtml: reading.bodyHtml,
    contents: reading.contents,
    facts: reading.facts,
    maxAgeMonths: config.figureMaxAgeMonths,
    approvedAt: view.isStable ? revision.createdAt : null,
    figures: view.figures,
    citations: view.citations,
    sources: view.sources,
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function PageView() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  const { content, revision, page } = data
  const markedFigures = data.figures.filter((f) => f.cited || f.sourceId !== null || f.quote !== null || f.asOf !== null)
  // The pending changes, stable → latest, on the history feature's diff page.
  const pendingDiff = page.stableRevisionId && page.stableRevisionId !== page.latestRevisionId ? `/pages/${page.slug}/diff?from=${page.stableRevisionId}&to=${page.latestRevisionId}` : null
  const report = { slug: page.slug, revisionId: revision.id }
  return (
    <div className="page-layout">
      <SaveNotice />
      {data.deletedAt ? (
        <div className="banner banner--pending" role="status">
          <p>{t('delete.banner', { date: formatDate(lang, data.deletedAt) })}</p>
        </div>
      ) : null}
      {data.hidden ? (
        <div className="banner banner--pending" role="status" data-hidden={data.hidden}>
          <p>{t(data.hidden === 'admin' ? 'hidden.adminNotice' : 'hidden.contentNotice')}</p>
        </div>
      ) : null}
      {!revision.isStable ? (
        <div className="banner banner--pending" role="status">
          <p>{revision.status === 'rejected' ? t('page.viewingRejected') : t('page.viewingLatest')}</p>
          {pendingDiff ? <Link to={pendingDiff}>{t('page.pendingDiff')}</Link> : null}
          {/* A page never approved has no approved revision to link to (the link used to end in "not found"). */}
          {!page.stableRevisionId ? <p>{t('page.noStable')}</p> : data.hasPendingChanges ? <Link to={`/pages/${page.slug}?revision=stable`}>{t('page.viewStable')}</Link> : null}
        </div>
      ) : data.hasPendingChanges ? (
        <div className="banner" role="status">
          <p>{t('page.pending')}</p>
          <Link to={`/pages/${page.slug}?revision=latest`}>{t('page.viewLatest')}</Link>
          {pendingDiff ? <Link to={pendingDiff}>{t('page.pendingDiff')}</Link> : null}
        </div>
      ) : null}
      <div className="reading">
        <PageAside contents={data.contents} facts={data.facts} maxAgeMonths={data.maxAgeMonths} approvedAt={data.approvedAt} hasCitations={data.citations.length > 0} />
        <article className="comparison" lang={content.lang} aria-labelledby="page-title">
          <header className="comparison__header">
            <h1 id="page-title">{content.title}</h1>
            <p className="comparison__summary">{content.summary}</p>
          </header>
          <div lang={lang}>
            <SubjectsBox subjects={content.subjects} categories={content.categories} />
            <p className="comparison__meta">
              <Link to={`/pages/${page.slug}/history`}>{t('page.history')}</Link>
              {' · '}
              <Link to={`/pages/${page.slug}/sources`}>{t('page.sources')}</Link>
              {' · '}
              <Link to={`/talk/page/${page.slug}`}>{t('talk.link')}</Link>
              {data.abilities.edit ? (
                <>
                  {' · '}
                  <Link to={`/pages/${page.slug}/edit`}>{t('page.edit')}</Link>
                </>
              ) : null}
              {data.abilities.protect ? (
                <>
                  {' · '}
                  <Link to={`/moderation/pages/${page.slug}/protect`}>{t('protect.current')}</Link>
                </>
              ) : null}
              {data.abilities.move ? (
                <>
                  {' · '}
                  <Link to={`/pages/${page.slug}/move`}>{t('move.link')}</Link>
                </>
              ) : null}
              {data.abilities.delete ? (
                <>
                  {' · '}
                  <Link to={`/pages/${page.slug}/delete`}>{t(data.deletedAt ? 'delete.restoreLink' : 'delete.link')}</Link>
                </>
              ) : null}
              {data.abilities.hide && !revision.isStable && revision.id !== page.latestRevisionId ? (
                <>
                  {' · '}
                  <Link to={`/pages/${page.slug}/revisions/${revision.id}/visibility`}>{t('hide.link')}</Link>
                </>
              ) : null}
            </p>
            {data.protection ? (
              <p className="protection-note">
                <span aria-hidden="true">🔒︎ </span>
                {t('reading.protected', { level: t(`protect.level.${data.protection.level}`) })} {data.protection.reason ? <>— {data.protection.reason}</> : null}{' '}
                {data.protection.until ? t('protect.until', { date: formatDate(lang, data.protection.until) }) : null}
              </p>
            ) : null}
          </div>
          <div className="prose" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
          <CitationList citations={data.citations} sources={data.sources} report={report} />
        </article>
      </div>
      <EvidencePanels figures={markedFigures} sources={data.sources} report={report} />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.content.title} · Sourced` },
        { name: 'description', content: data.content.summary },
        { tagName: 'link', rel: 'canonical', href: data.canonical },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: `${data.canonical}/history.atom` },
        ...(data.revision.isStable ? [] : [{ name: 'robots', content: 'noindex' }]),
      ]
    : [{ title: 'Sourced' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
