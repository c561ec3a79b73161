import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useUiLang } from '#app/components/i18n'
import { searchMetrics, type Metric } from '#app/core/metrics'
import { suggestProducts, type FigureContext, type NamedProduct } from '#app/core/product-suggest'
import { useEditorT } from './use-editor-t'

/**
 * The cite dialog's choice of what a figure counts and which product it is about (decision 026):
 * a metric from the registry, found by searching names and definitions, each shown with its
 * definition; or an unregistered one with a written definition. The product is chosen from the
 * list, with the products named beside the figure offered first; the editor confirms.
 */

export interface MetricChoice {
  /** A registry slug, or the words of an unregistered metric. */
  metric: string
  /** True when `metric` is the editor's own words. */
  custom: boolean
  definition: string
}

type Load<T> = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; value: T }

// The registry and the product names change rarely: one request per editor session.
let metricsRequest: Promise<Metric[]> | null = null
let productsRequest: Promise<NamedProduct[]> | null = null

function loadMetrics(): Promise<Metric[]> {
  metricsRequest ??= fetch('/api/v1/metrics', { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ metrics: Metric[] }>) : Promise.reject(new Error(String(r.status)))))
    .then((body) => body.metrics)
    .catch((error: unknown) => {
      metricsRequest = null
      throw error
    })
  return metricsRequest
}

async function fetchProducts(): Promise<NamedProduct[]> {
  const all: NamedProduct[] = []
  let cursor: string | null = null
  // Pages of 100, as the API allows; a registry of a few thousand products is twenty requests.
  for (let page = 0; page < 50; page++) {
    const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) })
    const response = await fetch(`/api/v1/products?${query}`, { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error(String(response.status))
    const body = (await response.json()) as { products: Array<{ slug: string; name: string; aliases?: string[] }>; next: string | null }
    all.push(...body.products.map((p) => ({ slug: p.slug, name: p.name, aliases: p.aliases ?? [] })))
    cursor = body.next
    if (!cursor) break
  }
  return all
}

function loadProducts(): Promise<NamedProduct[]> {
  productsRequest ??= fetchProducts().catch((error: unknown) => {
    productsRequest = null
    throw error
  })
  return productsRequest
}

function useLoad<T>(load: () => Promise<T>): Load<T> {
  const [value, setValue] = useState<Load<T>>({ state: 'loading' })
  useEffect(() => {
    let live = true
    load().then(
      (v) => live && setValue({ state: 'ready', value: v }),
      () => live && setValue({ state: 'failed' }),
    )
    return () => {
      live = false
    }
  }, [load])
  return value
}

const UNREGISTERED = '__unregistered__'

export function MetricChooser({
  id,
  value,
  onChange,
  errors,
  register,
}: {
  id: string
  value: MetricChoice
  onChange: (next: MetricChoice) => void
  errors: { words?: string; definition?: string }
  register: (name: string) => (el: HTMLElement | null) => void
}) {
  const t = useEditorT()
  const lang = useUiLang()
  const metrics = useLoad(loadMetrics)
  const [query, setQuery] = useState('')
  const registry = useMemo(() => (metrics.state === 'ready' ? metrics.value : []), [metrics])
  const known = registry.find((m) => m.slug === value.metric)
  // A stored metric the registry does not know is the editor's own words.
  useEffect(() => {
    if (metrics.state === 'ready' && value.metric !== '' && !value.custom && !registry.some((m) => m.slug === value.metric)) onChange({ ...value, custom: true })
  }, [metrics.state]) // eslint-disable-line react-hooks/exhaustive-deps
  const found = useMemo(() => searchMetrics(registry, query, lang).slice(0, 8), [registry, query, lang])
  const shown = known && !found.includes(known) ? [known, ...found] : found
  const noSubmit = (event: KeyboardEvent) => {
    if (event.key === 'Enter') event.preventDefault()
  }
  const status =
    metrics.state === 'loading' ? t('editor.metric.loading') : metrics.state === 'failed' ? t('editor.metric.loadFailed') : found.length === 0 ? t('editor.metric.none') : t('editor.metric.results', { count: found.length })
  return (
    <fieldset className="picker__metric">
      <legend>{t('editor.metric.legend')}</legend>
      <label htmlFor={`${id}-metric-search`}>{t('editor.metric.search')}</label>
      <input
        id={`${id}-metric-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={noSubmit}
        aria-describedby={`${id}-metric-search-hint ${id}-metric-status`}
        autoComplete="off"
      />
      <p id={`${id}-metric-search-hint`} className="hint">
        {t('editor.metric.searchHint')}
      </p>
      <p id={`${id}-metric-status`} role="status" className="picker__status muted">
        {status}
      </p>
      <ul className="picker__results">
        {shown.map((m) => (
          <li key={m.slug}>
            <input
              type="radio"
              name={`${id}-metric`}
              id={`${id}-metric-${m.slug}`}
              value={m.slug}
              checked={!value.custom && value.metric === m.slug}
              onChange={() => onChange({ metric: m.slug, custom: false, definition: '' })}
              aria-describedby={`${id}-metric-${m.slug}-def`}
            />
            <label htmlFor={`${id}-metric-${m.slug}`}>
              <span className="picker__source-title">{m.name[lang]}</span>
              <span id={`${id}-metric-${m.slug}-def`} className="picker__source-meta">
                {m.definition[lang]} ({m.unit[lang]})
              </span>
            </label>
          </li>
        ))}
        <li>
          <input
            type="radio"
            name={`${id}-metric`}
            id={`${id}-metric-${UNREGISTERED}`}
            value={UNREGISTERED}
            checked={value.custom}
            onChange={() => onChange({ metric: known ? '' : value.metric, custom: true, definition: value.definition })}
          />
          <label htmlFor={`${id}-metric-${UNREGISTERED}`}>{t('editor.metric.unregistered')}</label>
        </li>
      </ul>
      {value.custom ? (
        <div className="picker__new">
          <Labelled id={`${id}-metric-words`} label={t('editor.metric.words')} error={errors.words}>
            {(props) => <input {...props} ref={register('metric-words')} type="text" value={value.metric} onChange={(e) => onChange({ ...value, metric: e.target.value })} />}
          </Labelled>
          <Labelled id={`${id}-metric-definition`} label={t('editor.metric.definition')} hint={t('editor.metric.definitionHint')} error={errors.definition}>
            {(props) => <textarea {...props} ref={register('metric-definition')} rows={2} value={value.definition} onChange={(e) => onChange({ ...value, definition: e.target.value })} />}
          </Labelled>
        </div>
      ) : null}
    </fieldset>
  )
}

export function ProductChooser({ id, value, onChange, context }: { id: string; value: string; onChange: (slug: string) => void; context: readonly FigureContext[] }) {
  const t = useEditorT()
  const products = useLoad(loadProducts)
  const list = useMemo(() => (products.state === 'ready' ? products.value : []), [products])
  const suggestions = useMemo(() => suggestProducts(context, list).slice(0, 4), [context, list])
  const sorted = useMemo(() => [...list].sort((a, b) => a.name.localeCompare(b.name)), [list])
  return (
    <div className="field picker__product">
      <label htmlFor={`${id}-product`}>{t('editor.product.label')}</label>
      {suggestions.length > 0 ? (
        <div className="picker__suggestions" role="group" aria-labelledby={`${id}-product-suggested`}>
          <span id={`${id}-product-suggested`}>{t('editor.product.suggested')}</span>{' '}
          {suggestions.map((s) => (
            <button key={s.slug} type="button" aria-pressed={value === s.slug} onClick={() => onChange(s.slug)}>
              {t('editor.product.use', { name: s.name, place: t(`editor.product.place.${s.place}`) })}
            </button>
          ))}
        </div>
      ) : null}
      <select id={`${id}-product`} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-product-hint`}>
        <option value="">{t('editor.product.none')}</option>
        {/* A product set before the list loads (or since renamed) stays selectable. */}
        {value !== '' && !list.some((p) => p.slug === value) ? <option value={value}>{value}</option> : null}
        {sorted.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
      <p id={`${id}-product-hint`} className="hint">
        {t('editor.product.hint')}
      </p>
    </div>
  )
}

function Labelled({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
