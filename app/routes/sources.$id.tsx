import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { AsOf } from '#app/components/as-of'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { waybackLookupUrl } from '#app/core/archive'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { LinkStatus, SourceKindLabel } from '#app/components/evidence'
import { useT, useUiLang } from '#app/components/i18n'
import { isBrokenLink, QuoteCheckNote } from '#app/components/link-check'
import { formatAsOf, formatDate, formatDateTime } from '#app/core/format'
import { LANG_NAMES, translator } from '#app/core/i18n/index'
import { quoteCheckOf } from '#app/core/link-check'
import { isLang } from '#app/core/lang'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listLinkChecks } from '#app/models/link-checks.server'
import { getSource, listSourceUses, type SourceUseKey } from '#app/models/sources.server'
import { encodeCursor } from '#app/core/cursor'
import { nextUrl, webCursor } from '#app/http/list-query.server'
import { presentSource } from '#app/presenters/source'
import sourcesCss from '#app/styles/sources.css?url'
import { NO_HYDRATION } from '#app/components/hydration'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: sourcesCss }]

const CHECKS_PER_PAGE = 20
// Fifty rows a page, as the other lists here and MediaWiki's: a page costs what its rows cost to render.
const USES_PER_PAGE = 50
const CURSOR = /^[0-9a-z]{26}$/

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = translator(getUiLang(request))
  const source = await getSource(getDb(), params.id ?? '')
  if (!source) throw notFound(t('error.notFound.body'))
  const before = new URL(request.url).searchParams.get('before')
  const after = webCursor(request, ['string', 'string', 'number'])
  if (after && after[1] !== 'figure' && after[1] !== 'citation') throw Response.json({ message: t('list.badCursor') }, { status: 400 })
  const [uses, checks, latest] = await Promise.all([
    listSourceUses(getDb(), source.id, { limit: USES_PER_PAGE, after: after as SourceUseKey | null }),
    listLinkChecks(getDb(), source.id, { limit: CHECKS_PER_PAGE + 1, before: before && CURSOR.test(before) ? before : null }),
    listLinkChecks(getDb(), source.id, { limit: 1 }),
  ])
  const lastCheck = latest[0]
  return {
    source: presentSource(source),
    uses: uses.uses.map((u) => ({ ...u, ...quoteCheckOf(lastCheck, u.quote) })),
    moreUses: nextUrl(new URL(request.url), uses.next ? encodeCursor(uses.next) : null),
    pagedUses: after !== null,
    checks: checks.slice(0, CHECKS_PER_PAGE),
    olderChecks: checks.length > CHECKS_PER_PAGE ? checks[CHECKS_PER_PAGE - 1]!.id : null,
    pagedChecks: before !== null,
    lastCheck: lastCheck ? { checkedAt: lastCheck.checkedAt, status: lastCheck.status, missing: lastCheck.quoteResults.filter((q) => q.found === false).length } : null,
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function SourcePage() {
  const { source, uses, moreUses, pagedUses, checks, olderChecks, pagedChecks, lastCheck } = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="source-page">
      <h1 lang={source.lang ?? undefined}>{source.title}</h1>
      {source.selfReported ? <p className="badge badge--vendor">{t('figure.selfReported')}</p> : null}
      {lastCheck && isBrokenLink(lastCheck.status) ? (
        <p className="banner" role="status">
          {t('source.brokenWarning', { status: t(`link.${lastCheck.status as 'dead' | 'timeout' | 'error'}`), date: formatDate(lang, lastCheck.checkedAt) })}
        </p>
      ) : null}
      {lastCheck && lastCheck.missing > 0 ? (
        <p className="banner" role="status">
          {t('source.quotesMissing', { count: lastCheck.missing, date: formatDate(lang, lastCheck.checkedAt) })}
        </p>
      ) : null}

      <h2>{t('source.details')}</h2>
      <dl className="evidence source-details">
        <dt>{t('figure.publisher')}</dt>
        <dd>{source.publisher}</dd>
        <dt>{t('source.address')}</dt>
        <dd>
          <a href={source.url} rel="nofollow noopener noreferrer" className="source-url">
            {source.url}
          </a>
        </dd>
        <dt>{t('source.published')}</dt>
        <dd>{source.publishedAt ? <time dateTime={source.publishedAt}>{formatAsOf(lang, source.publishedAt)}</time> : t('source.notStated')}</dd>
        <dt>{t('figure.kind')}</dt>
        <dd>
          <SourceKindLabel kind={source.kind} />
        </dd>
        <dt>{t('source.language')}</dt>
        <dd>{source.lang ? (isLang(source.lang) ? LANG_NAMES[source.lang] : source.lang) : t('source.notStated')}</dd>
        <dt>{t('source.archive')}</dt>
        <dd>
          {source.archiveUrl ? (
            <a href={source.archiveUrl} rel="nofollow noopener noreferrer" className="source-url">
              {source.archiveUrl}
            </a>
          ) : (
            <a href={waybackLookupUrl(source.url, null)} rel="nofollow noopener noreferrer">
              {t('source.archiveLookup')}
            </a>
          )}
        </dd>
        <dt>{t('figure.linkStatus')}</dt>
        <dd>
          <LinkStatus link={source.link} />
        </dd>
      </dl>

      <h2 id="cited-heading">{t('source.citedBy')}</h2>
      {uses.length === 0 && !pagedUses ? (
        <p>{t('source.citedBy.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="cited-heading" tabIndex={0}>
          <table className="data sources-table">
            <thead>
              <tr>
                <th scope="col">{t('source.col.page')}</th>
                <th scope="col">{t('source.col.cites')}</th>
                <th scope="col">{t('source.col.quote')}</th>
                <th scope="col">{t('source.col.asOf')}</th>
              </tr>
            </thead>
            <tbody>
              {uses.map((u, i) => (
                <tr key={`${u.page.slug}-${u.kind}-${i}`}>
                  <th scope="row">
                    <Link to={`/pages/${u.page.slug}`}>{u.page.title}</Link>
                  </th>
                  <td>{u.kind === 'figure' && u.text ? t('source.figure', { text: u.text }) : t('source.citation')}</td>
                  <td>
                    {u.quote ? (
                      <>
                        <blockquote className="sources-table__quote" lang={source.lang ?? undefined}>
                          {u.quote}
                        </blockquote>
                        <QuoteCheckNote found={u.quoteFound} checkedAt={u.quoteCheckedAt} />
                      </>
                    ) : null}
                  </td>
                  <td>{u.asOf ? <AsOf asOf={u.asOf} publishedAt={source.publishedAt} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {moreUses || pagedUses ? (
        <nav aria-label={t('source.citedBy')} className="pager">
          {pagedUses ? <Link to="?">{t('list.first')}</Link> : null}
          {moreUses ? <Link to={moreUses} rel="next">{t('list.next')}</Link> : null}
        </nav>
      ) : null}

      <h2 id="checks-heading">{t('source.history')}</h2>
      {checks.length === 0 ? (
        <p>{t('source.history.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="checks-heading" tabIndex={0}>
          <table className="data sources-table">
            <thead>
              <tr>
                <th scope="col">{t('source.history.col.date')}</th>
                <th scope="col">{t('source.history.col.status')}</th>
                <th scope="col">{t('source.history.col.http')}</th>
                <th scope="col">{t('source.history.col.finalUrl')}</th>
                <th scope="col">{t('source.history.col.quotes')}</th>
              </tr>
            </thead>
            <tbody>
              {checks.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <time dateTime={c.checkedAt}>{formatDateTime(lang, c.checkedAt)}</time>
                  </th>
                  <td>
                    <span className={`link-status link-status--${c.status}`}>{t(`link.${c.status as 'ok'}`)}</span>
                    {c.reason ? <span className="muted"> ({c.reason})</span> : null}
                  </td>
                  <td>{c.httpStatus ?? '—'}</td>
                  <td>{c.finalUrl ? <span className="source-url">{c.finalUrl}</span> : '—'}</td>
                  <td>
                    {c.quoteResults.length === 0 ? (
                      <span className="muted">{t('source.history.noQuotes')}</span>
                    ) : (
                      <ul className="quote-results">
                        {c.quoteResults.map((q, i) => (
                          <li key={i}>
                            <q lang={source.lang ?? undefined}>{q.quote}</q>:{' '}
                            <span className={`quote-check--${q.found === true ? 'found' : q.found === false ? 'missing' : 'unknown'}`}>
                              {t(q.found === true ? 'quote.found' : q.found === false ? 'quote.missing' : 'quote.unknown')}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {olderChecks || pagedChecks ? (
        <nav aria-label={t('source.history')} className="pager">
          {pagedChecks ? <Link to="?">{t('source.history.newest')}</Link> : null}
          {olderChecks ? <Link to={`?before=${olderChecks}`}>{t('source.history.older')}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.source.title} · Sourced` : 'Sourced' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
