import { FIGURE_STATES, STATE_SYMBOL, type ContentsEntry, type PageFacts } from '#app/core/reading'
import { formatDate } from '#app/core/format'
import { useT, useUiLang } from './i18n'

/**
 * The reader's side column: contents, page facts and the legend of the marks on figures. A
 * <details> folded on a phone; on a wide screen the styles show it open beside the article.
 */
export function PageAside({ contents, facts, maxAgeMonths, approvedAt, hasCitations }: { contents: ContentsEntry[]; facts: PageFacts; maxAgeMonths: number; approvedAt: string | null; hasCitations: boolean }) {
  const t = useT()
  const lang = useUiLang()
  const factLine = {
    outdated: t('facts.outdated', { count: facts.outdated, months: maxAgeMonths }),
    selfReported: t('facts.selfReported', { count: facts.selfReported }),
    disputed: t('facts.disputed', { count: facts.disputed }),
    notComparable: t('facts.notComparable', { count: facts.notComparable }),
  }
  const legend = {
    outdated: t('legend.outdated', { months: maxAgeMonths }),
    selfReported: t('legend.selfReported'),
    disputed: t('legend.disputed'),
    notComparable: t('legend.notComparable'),
  }
  return (
    <aside className="reading__aside" aria-label={t('aside.label')}>
      <details className="fold">
        <summary>{t('aside.toggle')}</summary>
        {contents.length > 0 || hasCitations ? (
          <nav aria-labelledby="aside-contents">
            <h2 id="aside-contents">{t('aside.contents')}</h2>
            <ol className="toc">
              {contents.map((entry) => (
                <li key={entry.id} className={entry.level === 3 ? 'toc__sub' : undefined}>
                  <a href={`#${entry.id}`}>{entry.text}</a>
                </li>
              ))}
              {hasCitations ? (
                <li>
                  <a href="#citations-heading">{t('aside.citations')}</a>
                </li>
              ) : null}
            </ol>
          </nav>
        ) : null}
        <section aria-labelledby="aside-facts">
          <h2 id="aside-facts">{t('facts.title')}</h2>
          <ul className="facts">
            <li>{t('facts.figures', { count: facts.figures })}</li>
            {FIGURE_STATES.map((state) =>
              facts[state] > 0 ? (
                <li key={state} className={`fact fact--${state}`}>
                  <span className={`fig-mark fig-mark--${state}`} aria-hidden="true">
                    {STATE_SYMBOL[state]}
                  </span>{' '}
                  {factLine[state]}
                </li>
              ) : null,
            )}
            <li>{approvedAt ? t('facts.lastApproved', { date: formatDate(lang, approvedAt) }) : t('facts.neverApproved')}</li>
          </ul>
        </section>
        <section aria-labelledby="aside-legend" className="legend">
          <h2 id="aside-legend">{t('legend.title')}</h2>
          <ul>
            <li>
              <span className="legend__fig">123</span> {t('legend.cited')}
            </li>
            {FIGURE_STATES.map((state) => (
              <li key={state}>
                <span className={`fig-mark fig-mark--${state}`} aria-hidden="true">
                  {STATE_SYMBOL[state]}
                </span>{' '}
                {legend[state]}
              </li>
            ))}
          </ul>
        </section>
      </details>
    </aside>
  )
}
