import { Link } from '#app/components/link'
import { AsOf } from './as-of'
import type { ReactNode } from 'react'
import { categoryName } from '#app/core/categories'
import { isLang } from '#app/core/lang'
import { LANG_NAMES } from '#app/core/i18n/index'
import type { InlinePart, ItemsDiff, MetaDiff } from '#app/core/revision-diff'
import type { CitationView, EvidenceChanges } from '#app/views/diff-view.server'
import type { FigureView } from '#app/presenters/figure'
import type { SourceView } from '#app/presenters/source'
import { useT, useUiLang } from './i18n'

/** Words added and removed, with the same hidden start/end labels as the body diff. */
function InlineParts({ parts }: { parts: readonly InlinePart[] }) {
  const t = useT()
  return (
    <span className="diff-inline">
      {parts.map((p, i) => {
        const text = 'text' in p ? p.text : `[${t('diff.citation', { source: p.citation ?? t('diff.unknownSource') })}]`
        if (p.op === 'same') return <span key={i}>{text}</span>
        return p.op === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">{t('diff.addedStart')} </span>
            {text}
            <span className="visually-hidden"> ({t('diff.addedEnd')})</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{t('diff.removedStart')} </span>
            {text}
            <span className="visually-hidden"> ({t('diff.removedEnd')})</span>
          </del>
        )
      })}
    </span>
  )
}

type ProductField = 'name' | 'vendor' | 'homepage' | 'license' | 'repository'

function ItemsChanges<T extends { name: string; vendor: string }>({ diff }: { diff: ItemsDiff<T> }) {
  const t = useT()
  return (
    <ul>
      {diff.added.map((p, i) => (
        <li key={`a${i}`}>
          {t('diff.item.added')}{t('punct.colon')} <ins>{p.name}</ins>
          {p.vendor ? ` (${p.vendor})` : ''}
        </li>
      ))}
      {diff.removed.map((p, i) => (
        <li key={`r${i}`}>
          {t('diff.item.removed')}{t('punct.colon')} <del>{p.name}</del>
          {p.vendor ? ` (${p.vendor})` : ''}
        </li>
      ))}
      {diff.changed.map((c, i) => (
        <li key={`c${i}`}>
          {t('diff.item.changed')}{t('punct.colon')} {c.after.name} —{' '}
          {c.fields.map((f, k) => {
            const field = f as ProductField
            const before = String((c.before as Record<string, unknown>)[f] ?? '')
            const after = String((c.after as Record<string, unknown>)[f] ?? '')
            return (
              <span key={f}>
                {k > 0 ? '; ' : ''}
                {t(`diff.field.${field}`)}{t('punct.colon')} <del>{before || t('diff.empty')}</del> → <ins>{after || t('diff.empty')}</ins>
              </span>
            )
          })}
        </li>
      ))}
    </ul>
  )
}

export function MetaChangesSection({ meta, unchanged }: { meta: MetaDiff; unchanged: boolean }) {
  const t = useT()
  const uiLang = useUiLang()
  const langName = (l: string) => (isLang(l) ? LANG_NAMES[l] : l)
  return (
    <section aria-labelledby="diff-meta">
      <h2 id="diff-meta">{t('diff.metaHeading')}</h2>
      {unchanged ? (
        <p>{t('diff.metaUnchanged')}</p>
      ) : (
        <dl className="diff-meta">
          {meta.title ? (
            <>
              <dt>{t('diff.field.title')}</dt>
              <dd>
                <InlineParts parts={meta.title} />
              </dd>
            </>
          ) : null}
          {meta.summary ? (
            <>
              <dt>{t('diff.field.summary')}</dt>
              <dd>
                <InlineParts parts={meta.summary} />
              </dd>
            </>
          ) : null}
          {meta.lang ? (
            <>
              <dt>{t('diff.field.lang')}</dt>
              <dd>
                <del>{langName(meta.lang.before)}</del> → <ins>{langName(meta.lang.after)}</ins>
              </dd>
            </>
          ) : null}
          {meta.categories ? (
            <>
              <dt>{t('diff.field.categories')}</dt>
              <dd>
                <ul>
                  {meta.categories.added.map((c) => (
                    <li key={`a-${c}`}>
                      {t('diff.item.added')}{t('punct.colon')} <ins>{categoryName(c, uiLang)}</ins>
                    </li>
                  ))}
                  {meta.categories.removed.map((c) => (
                    <li key={`r-${c}`}>
                      {t('diff.item.removed')}{t('punct.colon')} <del>{categoryName(c, uiLang)}</del>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
          {meta.proprietary ? (
            <>
              <dt>{t('diff.field.proprietary')}</dt>
              <dd>
                <ItemsChanges diff={meta.proprietary} />
              </dd>
            </>
          ) : null}
          {meta.alternatives ? (
            <>
              <dt>{t('diff.field.alternatives')}</dt>
              <dd>
                <ItemsChanges diff={meta.alternatives} />
              </dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  )
}

function SourceName({ id, sources }: { id: string | null; sources: Record<string, SourceView> }) {
  const t = useT()
  const source = id ? sources[id] : undefined
  if (!source) return <>{t('diff.unknownSource')}</>
  return (
    <>
      <Link to={`/sources/${source.id}`} lang={source.lang ?? undefined}>
        {source.title}
      </Link>
      , {source.publisher}
    </>
  )
}

type FigureField = 'value' | 'source' | 'asOf' | 'metric' | 'quote'

/** A figure's evidence as a list of fields; the changed ones marked in words, not colour alone. */
function FigureFacts({ figure, sources, changed = [] }: { figure: FigureView; sources: Record<string, SourceView>; changed?: readonly FigureField[] }) {
  const t = useT()
  const row = (field: FigureField, label: string, value: ReactNode) => (
    <>
      <dt className={changed.includes(field) ? 'changed-field' : undefined}>
        {label}
        {changed.includes(field) ? <span className="changed-mark"> ({t('diff.item.changed')})</span> : null}
      </dt>
      <dd>{value}</dd>
    </>
  )
  return (
    <dl>
      {row('value', t('diff.field.value'), <>{figure.text}{!figure.cited ? <> · <strong>{t('diff.uncited')}</strong></> : null}</>)}
      {row('source', t('diff.field.source'), <SourceName id={figure.sourceId} sources={sources} />)}
      {row('asOf', t('diff.field.asOf'), figure.asOf ? <AsOf asOf={figure.asOf} publishedAt={figure.sourceId ? (sources[figure.sourceId]?.publishedAt ?? null) : undefined} /> : '—')}
      {row('metric', t('diff.field.metric'), figure.metric ?? '—')}
      {row('quote', t('diff.field.quote'), figure.quote ? <q>{figure.quote}</q> : '—')}
    </dl>
  )
}

function CitationFacts({ citation, sources, changed = [] }: { citation: CitationView; sources: Record<string, SourceView>; changed?: ReadonlyArray<'quote' | 'locator'> }) {
  const t = useT()
  const mark = (field: 'quote' | 'locator') => (changed.includes(field) ? <span className="changed-mark"> ({t('diff.item.changed')})</span> : null)
  return (
    <dl>
      <dt>{t('diff.field.source')}</dt>
      <dd>
        <SourceName id={citation.sourceId} sources={sources} />
      </dd>
      <dt className={changed.includes('quote') ? 'changed-field' : undefined}>
        {t('diff.field.quote')}
        {mark('quote')}
      </dt>
      <dd>{citation.quote ? <q>{citation.quote}</q> : '—'}</dd>
      <dt className={changed.includes('locator') ? 'changed-field' : undefined}>
        {t('diff.field.locator')}
        {mark('locator')}
      </dt>
      <dd>{citation.locator ?? '—'}</dd>
    </dl>
  )
}

function BeforeAfter({ before, after }: { before: ReactNode; after: ReactNode }) {
  const t = useT()
  return (
    <>
      <p>
        <strong>{t('diff.before')}</strong>
      </p>
      <div className="evidence-before">{before}</div>
      <p>
        <strong>{t('diff.after')}</strong>
      </p>
      <div className="evidence-after">{after}</div>
    </>
  )
}

export function EvidenceChangesSection({ evidence, sources }: { evidence: EvidenceChanges; sources: Record<string, SourceView> }) {
  const t = useT()
  const e = evidence
  const none = e.figuresAdded.length + e.figuresRemoved.length + e.figuresChanged.length + e.citationsAdded.length + e.citationsRemoved.length + e.citationsChanged.length === 0
  const group = (id: string, heading: string, items: ReactNode[]) =>
    items.length === 0 ? null : (
      <section aria-labelledby={id}>
        <h3 id={id}>{heading}</h3>
        <ul>{items}</ul>
      </section>
    )
  return (
    <section className="evidence-changes" aria-labelledby="diff-evidence">
      <h2 id="diff-evidence">{t('diff.evidenceHeading')}</h2>
      {none ? <p>{t('diff.evidenceNone')}</p> : null}
      {group('ev-fig-added', t('diff.figuresAdded'), e.figuresAdded.map((f, i) => <li key={i}><FigureFacts figure={f} sources={sources} /></li>))}
      {group('ev-fig-removed', t('diff.figuresRemoved'), e.figuresRemoved.map((f, i) => <li key={i}><FigureFacts figure={f} sources={sources} /></li>))}
      {group(
        'ev-fig-changed',
        t('diff.figuresChanged'),
        e.figuresChanged.map((c, i) => (
          <li key={i}>
            <BeforeAfter before={<FigureFacts figure={c.before} sources={sources} changed={c.fields} />} after={<FigureFacts figure={c.after} sources={sources} changed={c.fields} />} />
          </li>
        )),
      )}
      {group('ev-cite-added', t('diff.citationsAdded'), e.citationsAdded.map((c, i) => <li key={i}><CitationFacts citation={c} sources={sources} /></li>))}
      {group('ev-cite-removed', t('diff.citationsRemoved'), e.citationsRemoved.map((c, i) => <li key={i}><CitationFacts citation={c} sources={sources} /></li>))}
      {group(
        'ev-cite-changed',
        t('diff.citationsChanged'),
        e.citationsChanged.map((c, i) => (
          <li key={i}>
            <BeforeAfter before={<CitationFacts citation={c.before} sources={sources} changed={c.fields} />} after={<CitationFacts citation={c.after} sources={sources} changed={c.fields} />} />
          </li>
        )),
      )}
    </section>
  )
}
