import { Link } from '#app/components/link'
import type { ReactNode } from 'react'
import { formatDate } from '#app/core/format'
import { markerPath } from '#app/core/timeline-svg'
import type { TimelineView, UnverifiedItem } from '#app/views/claims-view.server'
import { useT, useUiLang } from './i18n'

function Marker({ vendor, undated, conflict }: { vendor: boolean; undated?: boolean; conflict?: boolean }) {
  return (
    <svg className={`timeline-key${vendor ? ' timeline__point--vendor' : ''}${undated ? ' timeline__point--undated' : ''}`} viewBox="0 0 28 28" width="20" height="20" aria-hidden="true" focusable="false">
      {conflict ? <circle className="timeline__conflict" cx="14" cy="14" r="12" /> : null}
      <path d={markerPath(vendor, 14, 14)} />
    </svg>
  )
}

/** Each metric of a product as a chart (server-rendered SVG) and the same points as a table. */
export function Timelines({ timelines, productSlug }: { timelines: readonly TimelineView[]; productSlug: string }) {
  const t = useT()
  return (
    <>
      {timelines.map((timeline, index) => (
        <section key={timeline.metric} className="timeline-block" aria-labelledby={`timeline-${index}`} data-metric={timeline.metric}>
          <h3 id={`timeline-${index}`}>
            <Link to={`/metrics/${timeline.metric}`}>{timeline.name}</Link>
          </h3>
          {timeline.definition ? <p className="muted timeline-definition">{timeline.definition}</p> : null}
          <figure className="timeline-figure">
            <div className="timeline-chart" dangerouslySetInnerHTML={{ __html: timeline.svg }} />
          </figure>
          <table className="timeline-table">
            <caption>{t('claims.tableCaption', { metric: timeline.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('claims.col.asOf')}</th>
                <th scope="col">{t('claims.col.value')}</th>
                <th scope="col">{t('claims.col.source')}</th>
                <th scope="col">{t('claims.col.page')}</th>
                <th scope="col">{t('claims.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {timeline.rows.map((row) => (
                <tr key={row.id} className={row.conflict ? 'timeline-row--conflict' : undefined}>
                  <td>{row.date}</td>
                  <td>
                    <a href={row.href} aria-label={t('claims.evidence', { value: row.value })} title={row.quote ?? undefined}>
                      <strong>{row.value}</strong>
                    </a>
                  </td>
                  <td>
                    <a href={row.source.url} rel="nofollow noopener noreferrer">{row.source.publisher || row.source.title}</a>
                  </td>
                  <td>
                    {row.pages.map((page, i) => (
                      <span key={page.slug}>
                        {i > 0 ? ' · ' : null}
                        <Link to={page.href} lang={page.lang}>{page.title}</Link>
                      </span>
                    ))}
                  </td>
                  <td>
                    <Marker vendor={row.vendor} undated={row.undated} conflict={row.conflict} /> {row.vendor ? t('claims.selfReported') : t('claims.independent')}
                    {row.conflict ? <strong className="timeline-conflict-note"> · {t('claims.conflict')}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {timeline.total > timeline.shown ? (
            <p className="muted">
              {t('claims.showing', { shown: timeline.shown, total: timeline.total })}{' '}
              <a href={`/exports/claims.csv?product=${productSlug}&metric=${timeline.metric}`}>{t('claims.all')}</a>
            </p>
          ) : null}
        </section>
      ))}
      <TimelineLegend />
    </>
  )
}

function TimelineLegend() {
  const t = useT()
  return (
    <div className="timeline-legend">
      <h3>{t('claims.legend')}</h3>
      <ul>
        <li><Marker vendor={false} /> {t('claims.legend.independent')}</li>
        <li><Marker vendor /> {t('claims.legend.vendor')}</li>
        <li><Marker vendor={false} undated /> {t('claims.legend.undated')}</li>
        <li><Marker vendor={false} conflict /> {t('claims.legend.conflict')}</li>
      </ul>
    </div>
  )
}

/** A claim seen without a source: never shown as a figure, always with its status. */
export function UnverifiedClaim({ item, headingLevel = 3, children }: { item: UnverifiedItem; headingLevel?: 2 | 3; children?: ReactNode }) {
  const t = useT()
  const lang = useUiLang()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article className={`unverified unverified--${item.status}`} id={`claim-${item.id}`} aria-labelledby={`claim-${item.id}-text`}>
      <p className="unverified__status">
        <span className={`badge badge--${item.status === 'open' ? 'unverified' : item.status}`}>{t(`unverified.status.${item.status}`)}</span>
      </p>
      <Heading id={`claim-${item.id}-text`} className="unverified__text">“{item.text}”</Heading>
      <dl className="unverified__facts">
        <dt>{t('unverified.seenAt')}</dt>
        <dd>{item.seenAtUrl ? <a href={item.seenAtUrl} rel="nofollow noopener noreferrer ugc">{item.seenAtUrl}</a> : item.seenAt}</dd>
        {item.product ? (
          <>
            <dt>{t('unverified.product')}</dt>
            <dd><Link to={`/products/${item.product.slug}`}>{item.product.name}</Link></dd>
          </>
        ) : null}
        {item.metric ? (
          <>
            <dt>{t('unverified.metric')}</dt>
            <dd><Link to={`/metrics/${item.metric.slug}`}>{item.metric.name}</Link></dd>
          </>
        ) : null}
        {item.figure ? (
          <>
            <dt>{t('unverified.figure')}</dt>
            <dd>
              <a href={item.figure.href}><strong>{item.figure.text}</strong></a> · {item.figure.pageTitle}
              {item.figure.source ? <> · {item.figure.source}</> : null}
            </dd>
          </>
        ) : null}
        {item.note ? (
          <>
            <dt>{t('unverified.note')}</dt>
            <dd>{item.note}</dd>
          </>
        ) : null}
      </dl>
      <details className="unverified__history">
        <summary>{t('unverified.history')}</summary>
        <ol>
          {item.history.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt}>{formatDate(lang, e.createdAt)}</time> · {t(`unverified.event.${e.action as 'recorded'}`)} · {e.actor}
              {e.note ? <> · {e.note}</> : null}
            </li>
          ))}
        </ol>
      </details>
      <p className="muted">
        {t('unverified.recorded', { name: item.author, date: formatDate(lang, item.createdAt) })}
        {item.settledBy && item.settledAt ? <> · {t('unverified.settled', { status: t(`unverified.status.${item.status}`), name: item.settledBy, date: formatDate(lang, item.settledAt) })}</> : null}
        {' · '}
        <Link to={`/talk/claim/${item.id}`}>{t('unverified.talk')}</Link>
      </p>
      {children}
    </article>
  )
}
