import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { revisionPath, RevisionNumber, RevisionTime, StatusBadge, UserLink, WithForeignText } from '#app/components/history'
import { useT } from '#app/components/i18n'
import { EvidenceChangesSection, MetaChangesSection } from '#app/components/revision-diff'
import { isRevisionId } from '#app/core/history-query'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { loadDiffView, type RevisionSide } from '#app/views/diff-view.server'
import historyCss from '#app/styles/history.css?url'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: historyCss }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const uiLang = getUiLang(request)
  const t = translator(uiLang)
  const search = new URL(request.url).searchParams
  const from = search.get('from')
  const to = search.get('to')
  // Nothing to compare is a mistake in the address (400); an id that names no revision of this page is missing (404).
  if (to === null || to === '') throw Response.json({ message: t('diff.missingTo') }, { status: 400 })
  if (!isRevisionId(to) || (from !== null && from !== '' && !isRevisionId(from))) throw notFound(t('diff.notFound'))
  const view = await loadDiffView(getDb(), params.slug ?? '', { fromId: from || null, toId: to }, uiLang)
  if (!view) throw notFound(t('diff.notFound'))
  return { title: t('diff.title', { title: view.page.title }), ...view }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function Diff() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const { page } = data
  return (
    <div className="diff">
      <h1>
        <WithForeignText message={(title) => t('diff.title', { title })} text={page.title} lang={page.lang} />
      </h1>
      <p className="history-tools">
        <Link to={`/pages/${page.slug}`}>{t('history.backToPage')}</Link>
        <Link to={`/pages/${page.slug}/history`}>{t('permalink.history')}</Link>
      </p>
      <div className="diff-sides">
        <Side heading={t('diff.older')} slug={page.slug} side={data.from} />
        <Side heading={t('diff.newer')} slug={page.slug} side={data.to} />
      </div>
      {data.same ? <p role="status">{t('diff.same')}</p> : null}
      <MetaChangesSection meta={data.meta} unchanged={data.metaUnchanged} />
      <section aria-labelledby="diff-text">
        <h2 id="diff-text">{t('diff.textHeading')}</h2>
        {data.bodyUnchanged ? <p>{t('diff.textUnchanged')}</p> : <div className="diff-body" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />}
      </section>
      <EvidenceChangesSection evidence={data.evidence} sources={data.sources} />
    </div>
  )
}

function Side({ heading, slug, side }: { heading: string; slug: string; side: RevisionSide | null }) {
  const t = useT()
  return (
    <section className="diff-side" aria-label={heading}>
      <h2>{heading}</h2>
      {side ? (
        <>
          <p>
            <Link to={revisionPath(slug, side.id)}>
              <RevisionTime iso={side.createdAt} /> <RevisionNumber id={side.id} />
            </Link>{' '}
            · <UserLink username={side.author} /> · <StatusBadge status={side.status} />
          </p>
          <p className="history-summary">{side.summary ? side.summary : <span className="muted">{t('history.noSummary')}</span>}</p>
        </>
      ) : (
        <p className="muted">{t('diff.noOlder')}</p>
      )}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Diff'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
