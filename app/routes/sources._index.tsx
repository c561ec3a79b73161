import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { LinkStatus, SourceKindLabel } from '#app/components/evidence'
import { useT } from '#app/components/i18n'
import { SOURCE_KINDS, type SourceKind } from '#app/core/content'
import { translator } from '#app/core/i18n/index'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { countCitingPages, searchSources } from '#app/models/sources.server'
import { presentSource } from '#app/presenters/source'
import sourcesCss from '#app/styles/sources.css?url'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sourcesCss }]

const PAGE_SIZE = 50
/** Ids are lower-case ULIDs; anything else in a cursor is ignored rather than queried. */
const CURSOR = /^[0-9a-z]{26}$/

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200)
  const kindParam = url.searchParams.get('kind')
  const kind = SOURCE_KINDS.includes(kindParam as SourceKind) ? (kindParam as SourceKind) : null
  const cursor = (name: string) => {
    const value = url.searchParams.get(name)
    return value && CURSOR.test(value) ? value : null
  }
  const before = cursor('before')
  const after = before ? null : cursor('after')
  const found = await searchSources(getDb(), { q, kind, limit: PAGE_SIZE + 1, before, after })
  // One row more than a page tells whether another page lies beyond it, in the direction asked.
  const more = found.length > PAGE_SIZE
  const sources = after ? found.slice(more ? 1 : 0) : found.slice(0, PAGE_SIZE)
  const counts = await countCitingPages(getDb(), sources.map((s) => s.id))
  return {
    title: translator(getUiLang(request))('sources.title'),
    q,
    kind,
    sources: sources.map((s) => ({ ...presentSource(s), citingPages: counts.get(s.id) ?? 0 })),
    newer: sources.length > 0 && (before !== null || (after !== null && more)) ? sources[0]!.id : null,
    older: sources.length > 0 && (after !== null || more) ? sources[sources.length - 1]!.id : null,
    paged: before !== null || after !== null,
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function SourcesIndex() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams()
    if (data.q) params.set('q', data.q)
    if (data.kind) params.set('kind', data.kind)
    for (const [k, v] of Object.entries(extra)) params.set(k, v)
    return `?${params}`
  }
  return (
    <div className="sources-registry">
      <h1>{t('sources.title')}</h1>
      <p className="narrow">{t('sources.intro')}</p>
      <Form method="get" action="/sources" className="search-form sources-filter">
        <label htmlFor="sources-q">{t('sources.search')}</label>
        <input id="sources-q" type="search" name="q" defaultValue={data.q} maxLength={200} />
        <label htmlFor="sources-kind">{t('sources.kindFilter')}</label>
        <select id="sources-kind" name="kind" defaultValue={data.kind ?? ''}>
          <option value="">{t('sources.allKinds')}</option>
          {SOURCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary">
          {t('sources.submit')}
        </button>
      </Form>
      {data.sources.length === 0 ? (
        <p>{t('sources.empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('sources.caption')} tabIndex={0}>
          <table className="data sources-table">
            <caption className="sources-table__caption">{t('sources.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sources.col.source')}</th>
                <th scope="col">{t('sources.col.publisher')}</th>
                <th scope="col">{t('sources.col.kind')}</th>
                <th scope="col">{t('sources.col.link')}</th>
                <th scope="col">{t('sources.col.citedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {data.sources.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/sources/${s.id}`} lang={s.lang ?? undefined}>
                      {s.title}
                    </Link>
                  </th>
                  <td>{s.publisher}</td>
                  <td>
                    <SourceKindLabel kind={s.kind} />
                  </td>
                  <td>
                    <LinkStatus link={s.link} />
                  </td>
                  <td className="nowrap">{t('sources.pages', { count: s.citingPages })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.newer || data.older || data.paged ? (
        <nav aria-label={t('sources.pagination')} className="pager">
          {data.paged ? <Link to={query({})}>{t('sources.first')}</Link> : null}
          {data.newer ? <Link to={query({ after: data.newer })} rel="prev">{t('sources.newer')}</Link> : null}
          {data.older ? <Link to={query({ before: data.older })} rel="next">{t('sources.older')}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Sources'} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
