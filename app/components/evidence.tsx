import { waybackLookupUrl } from '#app/core/archive'
import { formatDate } from '#app/core/format'
import { AsOf } from './as-of'
import { groupReferences } from '#app/core/reading'
import type { SourceKind } from '#app/core/content'
import type { DisputeReason } from '#app/core/disputes'
import type { ReaderFigure } from '#app/views/page-view.server'
import type { SourceView } from '#app/presenters/source'
import { useT, useUiLang } from './i18n'
import { isBrokenLink, QuoteCheckNote } from './link-check'
import { ReportDisclosure, type ReportContext } from './report-form'

// React 18 does not know the popover attributes yet; lower-case names pass through to the DOM.
const popover = (value: 'auto') => ({ popover: value }) as Record<string, string>
const hideTarget = (id: string) => ({ popovertarget: id, popovertargetaction: 'hide' }) as Record<string, string>

/**
 * One panel per figure, opened by the figure's button in the body (popovertarget): works without
 * JavaScript, closes with Escape, and the browser moves Tab from the figure into its panel.
 */
export function EvidencePanels({ figures, sources, report }: { figures: ReaderFigure[]; sources: Record<string, SourceView>; report?: ReportContext }) {
  return (
    <div className="evidence-panels">
      {figures.map((f) => (
        <FigurePanel key={f.ordinal} figure={f} source={f.sourceId ? sources[f.sourceId] : undefined} report={report} />
      ))}
    </div>
  )
}

/** With `report`, the panel offers readers a form to report the figure (moderation, issue 6). */
function FigurePanel({ figure, source, report }: { figure: ReaderFigure; source: SourceView | undefined; report?: ReportContext }) {
  const t = useT()
  const lang = useUiLang()
  const id = `fig-${figure.ordinal}-panel`
  return (
    <div id={id} {...popover('auto')} role="dialog" aria-labelledby={`${id}-title`} className="evidence-panel">
      <h2 id={`${id}-title`} className="evidence-panel__title">
        {t('figure.panelTitle', { text: figure.text })}
      </h2>
      <ul className="badges">
        {figure.disputed && figure.disputedBy ? <li className="badge badge--danger">{t(`figure.disputedBy.${figure.disputedBy}`)}</li> : null}
        {!figure.cited ? <li className="badge badge--danger">{t('figure.uncited')}</li> : null}
        {figure.cited && !figure.quoteShowsFigure ? <li className="badge badge--warn">{t('figure.quoteMismatch')}</li> : null}
        {source?.selfReported ? <li className="badge badge--vendor">{t('figure.selfReported')}</li> : null}
        {figure.outdated ? <li className="badge badge--warn">{t('figure.outdated')}</li> : null}
        {figure.notComparable ? <li className="badge badge--warn">{t('figure.notComparable')}</li> : null}
        {source && isBrokenLink(source.link.status) ? <li className="badge badge--danger">{t(`link.${source.link.status as 'dead' | 'timeout' | 'error'}`)}</li> : null}
        {figure.quoteFound === false && figure.quoteCheckedAt ? (
          <li className="badge badge--warn">{t('quote.missingAsOf', { date: formatDate(lang, figure.quoteCheckedAt) })}</li>
        ) : null}
      </ul>
      <dl className="evidence">
        <dt>{t('figure.source')}</dt>
        <dd>
          {source ? (
            <a href={source.url} rel="nofollow noopener noreferrer" lang={source.lang ?? undefined}>
              {source.title}
            </a>
          ) : (
            t('figure.unknownSource')
          )}
        </dd>
        {source ? (
          <>
            <dt>{t('figure.publisher')}</dt>
            <dd>{source.publisher}</dd>
            <dt>{t('figure.kind')}</dt>
            <dd>
              <SourceKindLabel kind={source.kind} />
            </dd>
          </>
        ) : null}
        {figure.quote ? (
          <>
            <dt>{t('figure.quote')}</dt>
            <dd>
              <blockquote className="evidence__quote" lang={source?.lang ?? undefined}>
                {figure.quote}
              </blockquote>
              <QuoteCheckNote found={figure.quoteFound} checkedAt={figure.quoteCheckedAt} />
            </dd>
          </>
        ) : null}
        {figure.asOf ? (
          <>
            <dt>{t('figure.asOf')}</dt>
            <dd>
              <AsOf asOf={figure.asOf} publishedAt={source ? source.publishedAt : undefined} />
              {figure.ageMonths !== null ? <span className="muted"> ({ageLabel(t, figure.ageMonths)})</span> : null}
            </dd>
          </>
        ) : null}
        {figure.metricInfo ? (
          <>
            <dt>{t('figure.metric')}</dt>
            <dd>
              {figure.metricInfo.registered ? <a href={`/metrics/${figure.metricInfo.slug}`}>{figure.metricInfo.name}</a> : <>{figure.metricInfo.name} <span className="muted">({t('metrics.unregistered')})</span></>}
              {figure.metricInfo.definition ? <p className="evidence__definition">{figure.metricInfo.definition}</p> : null}
            </dd>
          </>
        ) : figure.metric ? (
          <>
            <dt>{t('figure.metric')}</dt>
            <dd>{figure.metric}</dd>
          </>
        ) : null}
        {source ? (
          <>
            <dt>{t('figure.linkStatus')}</dt>
            <dd>
              <LinkStatus link={source.link} />
            </dd>
            <dt>{t('figure.archive')}</dt>
            <dd>
              {source.archiveUrl ? (
                <a href={source.archiveUrl} rel="nofollow noopener noreferrer">
                  {t('figure.archive')}
                </a>
              ) : (
                <a href={waybackLookupUrl(source.url, figure.asOf)} rel="nofollow noopener noreferrer">
                  {t('figure.archiveLookup')}
                </a>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      {report ? <ReportDisclosure context={report} target="figure" ordinal={figure.ordinal} /> : null}
      <button type="button" className="evidence-panel__close" {...hideTarget(id)}>
        {t('figure.close')}
      </button>
    </div>
  )
}

export function ageLabel(t: ReturnType<typeof useT>, months: number): string {
  return months >= 24 ? t('figure.ageYears', { years: Math.floor(months / 12) }) : t('figure.age', { months })
}

export function SourceKindLabel({ kind }: { kind: SourceKind }) {
  const t = useT()
  return <span className={`kind kind--${kind}`}>{t(`kind.${kind}`)}</span>
}

export function LinkStatus({ link }: { link: SourceView['link'] }) {
  const t = useT()
  const lang = useUiLang()
  const status = (link.status ?? 'unchecked') as 'unchecked' | 'ok' | 'redirected' | 'dead' | 'blocked' | 'timeout' | 'too-large' | 'error'
  return (
    <span className={`link-status link-status--${status}`}>
      {t(`link.${status}`)}
      {link.checkedAt ? <span className="muted"> ({t('link.checkedAt', { date: formatDate(lang, link.checkedAt) })})</span> : null}
    </span>
  )
}

/**
 * The references: one per source, numbered as the text shows them, with a back-link (a, b, c)
 * to each place the source is cited and, under it, that citation's quote and locator.
 */
export function CitationList({
  citations,
  sources,
  report,
}: {
  citations: Array<{ n: number; sourceId: string | null; quote: string | null; locator: string | null; disputed?: boolean; disputedBy?: DisputeReason | null; quoteFound?: boolean | null; quoteCheckedAt?: string | null }>
  sources: Record<string, SourceView>
  report?: ReportContext
}) {
  const t = useT()
  if (citations.length === 0) return null
  return (
    <section className="citations" aria-labelledby="citations-heading">
      <h2 id="citations-heading">{t('page.notes')}</h2>
      <ol>
        {groupReferences(citations).map((group) => {
          const source = group.sourceId ? sources[group.sourceId] : undefined
          const single = group.uses.length === 1
          return (
            <li key={group.n} id={`ref-${group.n}`} value={group.n}>
              {single ? (
                <a href={`#cite-ref-${group.uses[0]!.citation.n}`} aria-label={t('refs.backTo', { n: String(group.n) })}>
                  ↑
                </a>
              ) : (
                <span className="backlinks">
                  ↑{' '}
                  {group.uses.map(({ citation, letter }) => (
                    <a key={citation.n} href={`#cite-ref-${citation.n}`} aria-label={t('refs.backTo', { n: `${group.n}${letter}` })}>
                      <sup>{letter}</sup>
                    </a>
                  ))}
                </span>
              )}{' '}
              {source ? (
                <>
                  <a href={source.url} rel="nofollow noopener noreferrer" lang={source.lang ?? undefined}>
                    {source.title}
                  </a>
                  , {source.publisher} · <SourceKindLabel kind={source.kind} />
                  {source.selfReported ? <> · {t('figure.selfReported')}</> : null}
                </>
              ) : (
                t('figure.unknownSource')
              )}
              <ul className="citation-uses">
                {group.uses.map(({ citation: c, letter }) => (
                  <li key={c.n} id={`cite-${c.n}`}>
                      {single ? null : <span className="citation-uses__letter">{letter}</span>}
                      {c.locator ? <> {c.locator}</> : null}
                      {c.disputed && c.disputedBy ? <> <span className="badge badge--danger">{t(`figure.disputedBy.${c.disputedBy}`)}</span></> : null}
                      {c.quote ? <blockquote lang={source?.lang ?? undefined}>{c.quote}</blockquote> : null}
                      {c.quoteFound === false ? <QuoteCheckNote found={false} checkedAt={c.quoteCheckedAt} /> : null}
                      {report ? <ReportDisclosure context={report} target="citation" ordinal={c.n - 1} /> : null}
                  </li>
                ))}
              </ul>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
