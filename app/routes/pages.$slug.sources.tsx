import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { AsOf } from '#app/components/as-of'
import { redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { ageLabel, LinkStatus, SourceKindLabel } from '#app/components/evidence'
import { useT } from '#app/components/i18n'
import { QuoteCheckNote } from '#app/components/link-check'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { loadPageSources } from '#app/views/page-sources-view.server'
import { getOrigins } from '#app/http/origin.server'
import type { PageSourcesExport } from '#app/presenters/page-sources'
import sourcesCss from '#app/styles/sources.css?url'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sourcesCss }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  // ?format=csv|json is kept as a convenience; the exports live at their own addresses.
  const format = new URL(request.url).searchParams.get('format')
  if (format === 'csv' || format === 'json') throw redirect(`/pages/${encodeURIComponent(slug)}/sources.${format}`)
  const uiLang = getUiLang(request)
  const data = await loadPageSources(getDb(), slug, uiLang, getOrigins().origin)
  const t = translator(uiLang)
  if (!data) throw notFound(t('error.notFound.comparison', { slug: slug.slice(0, 80) }))
  return { ...data, documentTitle: t('pageSources.title', { title: data.page.title }) }
}

type Figure = PageSourcesExport['figures'][number]
type Citation = PageSourcesExport['citations'][number]

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function PageSources() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const { page } = data
  const base = `/pages/${page.slug}`
  return (
    <div className="page-sources">
      <h1>{t('pageSources.title', { title: page.title })}</h1>
      <p>{t('pageSources.intro')}</p>
      <p className="page-sources__actions">
        <Link to={base}>{t('pageSources.back')}</Link>
        <span aria-hidden="true"> · </span>
        <span>{t('pageSources.download')}{t('punct.colon')} </span>
        <a href={`${base}/sources.csv`} download>
          {t('pageSources.csv')}
        </a>
        <span aria-hidden="true"> · </span>
        <a href={`${base}/sources.json`} download>
          {t('pageSources.json')}
        </a>
      </p>

      <h2 id="figures-heading">{t('pageSources.figures')}</h2>
      {data.figures.length === 0 ? <p>{t('pageSources.none')}</p> : <FiguresTable figures={data.figures} base={base} lang={page.lang} />}

      <h2 id="citations-heading">{t('pageSources.citations')}</h2>
      {data.citations.length === 0 ? <p>{t('pageSources.none')}</p> : <CitationsTable citations={data.citations} base={base} lang={page.lang} />}
    </div>
  )
}

function FiguresTable({ figures, base, lang }: { figures: Figure[]; base: string; lang: string }) {
  const t = useT()
  return (
    <div className="table-scroll" role="region" aria-label={t('pageSources.figuresCaption')} tabIndex={0}>
      <table className="data sources-table" aria-labelledby="figures-heading">
        <thead>
          <tr>
            <th scope="col">{t('pageSources.col.figure')}</th>
            <th scope="col">{t('pageSources.col.measures')}</th>
            <th scope="col">{t('pageSources.col.asOf')}</th>
            <th scope="col">{t('pageSources.col.source')}</th>
            <th scope="col">{t('pageSources.col.quote')}</th>
            <th scope="col">{t('pageSources.col.link')}</th>
            <th scope="col">{t('pageSources.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.number} id={`figure-${f.number}`}>
              <th scope="row">
                <a href={`${base}#fig-${f.number - 1}`} lang={lang}>
                  {f.text}
                </a>
              </th>
              <td lang={lang}>{f.metric}</td>
              <td>
                {f.asOf ? (
                  <>
                    <AsOf asOf={f.asOf} publishedAt={f.source?.publishedAt} />
                    {f.ageMonths !== null ? <span className="muted"> ({ageLabel(t, f.ageMonths)})</span> : null}
                  </>
                ) : null}
              </td>
              <td>
                <SourceCell source={f.source} />
              </td>
              <td>
                {f.quote ? (
                  <>
                    <blockquote className="sources-table__quote" lang={f.source?.lang ?? undefined}>
                      {f.quote}
                    </blockquote>
                    <QuoteCheckNote found={f.quoteFound} checkedAt={f.quoteCheckedAt} />
                  </>
                ) : null}
              </td>
              <td>{f.source ? <LinkStatus link={f.source.link} /> : null}</td>
              <td>
                <ul className="sources-table__notes">
                  {f.disputed ? <li className="badge badge--danger">{t('pageSources.disputed')}</li> : null}
                  {!f.cited ? <li className="badge badge--danger">{t('pageSources.uncited')}</li> : null}
                  {f.cited && !f.quoteShowsFigure ? <li className="badge badge--warn">{t('figure.quoteMismatch')}</li> : null}
                  {f.outdated ? <li className="badge badge--warn">{t('figure.outdated')}</li> : null}
                  {f.notComparable ? <li className="badge badge--warn">{t('figure.notComparable')}</li> : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CitationsTable({ citations, base, lang }: { citations: Citation[]; base: string; lang: string }) {
  const t = useT()
  return (
    <div className="table-scroll" role="region" aria-label={t('pageSources.citationsCaption')} tabIndex={0}>
      <table className="data sources-table" aria-labelledby="citations-heading">
        <thead>
          <tr>
            <th scope="col">{t('pageSources.col.number')}</th>
            <th scope="col">{t('pageSources.col.source')}</th>
            <th scope="col">{t('pageSources.col.quote')}</th>
            <th scope="col">{t('pageSources.col.locator')}</th>
            <th scope="col">{t('pageSources.col.link')}</th>
            <th scope="col">{t('pageSources.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {citations.map((c) => (
            <tr key={c.number} id={`citation-${c.number}`}>
              <th scope="row">
                <a href={`${base}#cite-${c.number}`}>[{c.number}]</a>
              </th>
              <td>
                <SourceCell source={c.source} />
              </td>
              <td>
                {c.quote ? (
                  <>
                    <blockquote className="sources-table__quote" lang={c.source?.lang ?? undefined}>
                      {c.quote}
                    </blockquote>
                    <QuoteCheckNote found={c.quoteFound} checkedAt={c.quoteCheckedAt} />
                  </>
                ) : null}
              </td>
              <td lang={lang}>{c.locator}</td>
              <td>{c.source ? <LinkStatus link={c.source.link} /> : null}</td>
              <td>
                <ul className="sources-table__notes">{c.disputed ? <li className="badge badge--danger">{t('pageSources.disputed')}</li> : null}</ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function SourceCell({ source }: { source: Figure['source'] }) {
  const t = useT()
  if (!source) return <>{t('figure.unknownSource')}</>
  return (
    <>
      <Link to={`/sources/${source.id}`} lang={source.lang ?? undefined}>
        {source.title}
      </Link>
      <br />
      <span className="muted">{source.publisher}</span> · <SourceKindLabel kind={source.kind} />
    </>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.documentTitle} · Sourced` : 'Sourced' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
