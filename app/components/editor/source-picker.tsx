import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react'
import { SOURCE_KINDS, type SourceKind } from '#app/core/content'
import { checkAsOf, todayIso, UNDATED } from '#app/core/as-of'
import { quoteShowsFigure } from '#app/core/figures'
import { formatAsOf } from '#app/core/format'
import type { FigureContext } from '#app/core/product-suggest'
import type { Lang } from '#app/core/lang'
import { isWebUrl } from '#app/core/safe-url'
import type { SourceView } from '#app/presenters/source'
import { MetricChooser, ProductChooser, type MetricChoice } from './figure-facts'
import { Modal } from './modal'
import { useUiLang } from '#app/components/i18n'
import { useEditorT } from './use-editor-t'

type PickerMode = 'figure' | 'citation'

/** What the picker hands back: a figure's or a citation's attributes. */
export interface Evidence {
  sourceId: string
  quote: string | null
  /** YYYY, YYYY-MM, YYYY-MM-DD, or 'undated' when the source gives no date. */
  asOf: string | null
  /** A registry slug, or the words of an unregistered metric. */
  metric: string | null
  metricDefinition: string | null
  product: string | null
  locator: string | null
}

export interface PickerRequest {
  mode: PickerMode
  /** The figure's text ("375,000"); empty for a citation. */
  subject: string
  initial: { [K in keyof Evidence]?: string | null } | null
  /** Evidence is already there: the picker offers to remove it. */
  editing: boolean
  /** The figure's sentence and table headers, where its product may be named. */
  context?: FigureContext[]
}

const AS_OF = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/
const SEARCH_DELAY_MS = 250

/**
 * The source picker: find a known source (debounced search of the registry) or add a new one,
 * then give the evidence — for a figure the quoted passage and the as-of date (both required
 * for it to count as cited) and what it measures; for a footnote an optional quote and locator.
 */
export function SourcePicker({
  request,
  contentLang,
  sources,
  onSourceKnown,
  onApply,
  onRemove,
  onClose,
}: {
  request: PickerRequest | null
  contentLang: Lang
  sources: Record<string, SourceView>
  onSourceKnown: (source: SourceView) => void
  onApply: (evidence: Evidence) => void
  onRemove: () => void
  onClose: () => void
}) {
  const id = useId()
  const search = useRef<HTMLInputElement>(null)
  return (
    <Modal open={request !== null} onClose={onClose} titleId={`${id}-title`} describedBy={`${id}-intro`} initialFocus={search} className="modal--picker">
      {request ? (
        <PickerForm id={id} search={search} request={request} contentLang={contentLang} sources={sources} onSourceKnown={onSourceKnown} onApply={onApply} onRemove={onRemove} onClose={onClose} />
      ) : null}
    </Modal>
  )
}

interface NewSource {
  url: string
  title: string
  publisher: string
  publishedAt: string
  kind: SourceKind | ''
}
const emptySource: NewSource = { url: '', title: '', publisher: '', publishedAt: '', kind: '' }
type Errors = Partial<Record<string, string>>

function PickerForm({
  id,
  search,
  request,
  contentLang,
  sources,
  onSourceKnown,
  onApply,
  onRemove,
  onClose,
}: {
  id: string
  search: React.RefObject<HTMLInputElement>
  request: PickerRequest
  contentLang: Lang
  sources: Record<string, SourceView>
  onSourceKnown: (source: SourceView) => void
  onApply: (evidence: Evidence) => void
  onRemove: () => void
  onClose: () => void
}) {
  const t = useEditorT()
  const uiLang = useUiLang()
  const { mode, subject, initial, editing } = request
  // The same rules the server applies (app/core/as-of.ts), said before the save.
  const asOfProblem = (value: string, publishedAt: string | null): string | null => {
    switch (checkAsOf(value, { today: todayIso(), sourcePublishedAt: publishedAt })) {
      case 'format':
        return t('editor.evidence.dateFormat')
      case 'calendar':
        return t('editor.evidence.dateCalendar')
      case 'future':
        return t('editor.evidence.dateFuture')
      case 'after-source':
        return t('editor.evidence.dateAfterSource', { date: formatAsOf(uiLang, (publishedAt ?? '').slice(0, 10)) })
      default:
        return null
    }
  }
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<SourceView[] | null>(null)
  const [searchFailed, setSearchFailed] = useState(false)
  const [selected, setSelected] = useState<string | null>(initial?.sourceId ?? null)
  const [adding, setAdding] = useState(false)
  const [draft, setDraft] = useState<NewSource>(emptySource)
  const [draftErrors, setDraftErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  const [notice, setNotice] = useState('')
  const [quote, setQuote] = useState(initial?.quote ?? '')
  const [asOf, setAsOf] = useState(initial?.asOf === UNDATED ? '' : (initial?.asOf ?? ''))
  const [undated, setUndated] = useState(initial?.asOf === UNDATED)
  const [metric, setMetric] = useState<MetricChoice>({ metric: initial?.metric ?? '', custom: false, definition: initial?.metricDefinition ?? '' })
  const [product, setProduct] = useState(initial?.product ?? '')
  const [locator, setLocator] = useState(initial?.locator ?? '')
  const [errors, setErrors] = useState<Errors>({})
  const fields = useRef(new Map<string, HTMLElement>())
  const register = (name: string) => (el: HTMLElement | null) => {
    if (el) fields.current.set(name, el)
    else fields.current.delete(name)
  }

  // Debounced search; an empty query lists the newest sources.
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/v1/sources?${new URLSearchParams({ q: query.trim(), limit: '8' })}`, { signal: controller.signal, headers: { accept: 'application/json' } })
        if (!response.ok) throw new Error(String(response.status))
        const body = (await response.json()) as { sources: SourceView[] }
        setResults(body.sources)
        setSearchFailed(false)
      } catch (error) {
        if (!(error instanceof DOMException && error.name === 'AbortError')) setSearchFailed(true)
      }
    }, query === '' ? 0 : SEARCH_DELAY_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query])

  // The evidence being edited may cite a source this page has not loaded yet.
  useEffect(() => {
    const sourceId = initial?.sourceId
    if (!sourceId || sources[sourceId]) return
    const controller = new AbortController()
    fetch(`/api/v1/sources/${encodeURIComponent(sourceId)}`, { signal: controller.signal, headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<{ source: SourceView }>) : null))
      .then((body) => body && onSourceKnown(body.source))
      .catch(() => undefined)
    return () => controller.abort()
  }, [initial?.sourceId, sources, onSourceKnown])

  const chosen = selected ? sources[selected] ?? results?.find((s) => s.id === selected) : undefined
  const listed = results ?? []
  const shown = chosen && !listed.some((s) => s.id === chosen.id) ? [chosen, ...listed] : listed

  const focusField = (name: string) => fields.current.get(name)?.focus()

  const addSource = async () => {
    const problems: Errors = {}
    if (!isWebUrl(draft.url.trim())) problems.url = t('editor.source.urlInvalid')
    if (!draft.title.trim()) problems.title = t('editor.source.titleMissing')
    if (!draft.publisher.trim()) problems.publisher = t('editor.source.publisherMissing')
    if (draft.publishedAt.trim() && !AS_OF.test(draft.publishedAt.trim())) problems.publishedAt = t('editor.evidence.dateFormat')
    if (!draft.kind) problems.kind = t('editor.source.kindMissing')
    setDraftErrors(problems)
    const first = ['url', 'title', 'publisher', 'publishedAt', 'kind'].find((name) => problems[name])
    if (first) return focusField(`new-${first}`)
    setSaving(true)
    try {
      const response = await fetch('/api/v1/sources', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ url: draft.url.trim(), title: draft.title.trim(), publisher: draft.publisher.trim(), publishedAt: draft.publishedAt.trim() || null, kind: draft.kind }),
      })
      const body = (await response.json().catch(() => null)) as { source?: SourceView; error?: { message?: string } } | null
      if (!response.ok || !body?.source) {
        setDraftErrors({ form: body?.error?.message ?? t('editor.source.addFailed') })
        return focusField('new-url')
      }
      onSourceKnown(body.source)
      setSelected(body.source.id)
      setAdding(false)
      setDraft(emptySource)
      setNotice(response.status === 201 ? t('editor.source.added', { title: body.source.title }) : t('editor.source.alreadyKnown', { title: body.source.title }))
      setErrors((e) => ({ ...e, source: undefined }))
      // The next step is the evidence itself.
      setTimeout(() => focusField('quote'), 0)
    } catch {
      setDraftErrors({ form: t('editor.source.addFailed') })
    } finally {
      setSaving(false)
    }
  }

  const apply = (event: FormEvent) => {
    event.preventDefault()
    const problems: Errors = {}
    if (!selected) problems.source = t('editor.evidence.sourceMissing')
    if (mode === 'figure') {
      if (!quote.trim()) problems.quote = t('editor.evidence.quoteMissing')
      if (!undated) {
        const problem = asOf.trim() ? asOfProblem(asOf.trim(), chosen?.publishedAt ?? null) : t('editor.evidence.asOfMissing')
        if (problem) problems.asOf = problem
      }
      if (metric.custom && !metric.metric.trim()) problems['metric-words'] = t('editor.metric.wordsMissing')
      else if (metric.custom && !metric.definition.trim()) problems['metric-definition'] = t('editor.metric.definitionMissing')
    }
    setErrors(problems)
    const first = ['source', 'quote', 'asOf', 'metric-words', 'metric-definition'].find((name) => problems[name])
    if (first) return focusField(first === 'source' ? (adding ? 'new-url' : 'search') : first)
    const clean = (v: string) => (v.trim() === '' ? null : v.trim())
    onApply({
      sourceId: selected!,
      quote: clean(quote),
      asOf: mode === 'figure' ? (undated ? UNDATED : clean(asOf)) : null,
      metric: mode === 'figure' ? clean(metric.metric) : null,
      metricDefinition: mode === 'figure' && metric.custom ? clean(metric.definition) : null,
      product: mode === 'figure' ? clean(product) : null,
      locator: mode === 'citation' ? clean(locator) : null,
    })
  }

  // Enter in the search box searches; it must not apply the dialog.
  const noSubmit = (event: KeyboardEvent) => {
    if (event.key === 'Enter') event.preventDefault()
  }
  const submitDraft = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') {
      event.preventDefault()
      void addSource()
    }
  }

  const quoteMismatch = mode === 'figure' && quote.trim() !== '' && subject !== '' && !quoteShowsFigure(quote, subject, contentLang)
  const title = mode === 'figure' ? (editing ? t('editor.picker.editFigureTitle', { text: subject }) : t('editor.picker.figureTitle', { text: subject })) : editing ? t('editor.picker.editFootnoteTitle') : t('editor.picker.footnoteTitle')

  return (
    <form onSubmit={apply} className="modal__form picker" noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-intro`} className="muted">
        {mode === 'figure' ? t('editor.picker.figureIntro') : t('editor.picker.footnoteIntro')}
      </p>

      <fieldset className="picker__source" aria-describedby={errors.source ? `${id}-source-error` : undefined}>
        <legend>{t('editor.picker.source')}</legend>
        <label htmlFor={`${id}-search`}>{t('editor.picker.search')}</label>
        <input
          ref={(el) => {
            ;(search as React.MutableRefObject<HTMLInputElement | null>).current = el
            register('search')(el)
          }}
          id={`${id}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={noSubmit}
          aria-describedby={`${id}-search-status`}
          autoComplete="off"
        />
        <p id={`${id}-search-status`} role="status" className="picker__status muted">
          {searchFailed ? t('editor.picker.searchFailed') : results === null ? t('editor.picker.searching') : results.length === 0 ? t('editor.picker.noResults') : t('editor.picker.results', { count: results.length })}
        </p>
        {shown.length > 0 ? (
          <ul className="picker__results">
            {shown.map((source) => (
              <li key={source.id}>
                <input
                  type="radio"
                  name={`${id}-source`}
                  id={`${id}-source-${source.id}`}
                  value={source.id}
                  checked={selected === source.id}
                  onChange={() => {
                    setSelected(source.id)
                    // The editor shows the title of a cited source: it must know the ones chosen here.
                    onSourceKnown(source)
                    setErrors((e) => ({ ...e, source: undefined }))
                  }}
                  aria-describedby={`${id}-source-${source.id}-meta`}
                />
                <label htmlFor={`${id}-source-${source.id}`}>
                  <span className="picker__source-title">{source.title}</span>
                  <span id={`${id}-source-${source.id}-meta`} className="picker__source-meta">
                    {source.publisher} · {t(`editor.kind.${source.kind}`)}
                    {source.publishedAt ? ` · ${source.publishedAt}` : ''} · {hostOf(source.url)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : null}
        {errors.source ? (
          <p id={`${id}-source-error`} className="field-error" role="alert">
            {errors.source}
          </p>
        ) : null}

        <button
          type="button"
          className="button-link picker__toggle"
          aria-expanded={adding}
          aria-controls={`${id}-new`}
          onClick={() => {
            setAdding(!adding)
            if (!adding) setTimeout(() => focusField('new-url'), 0)
          }}
        >
          {t('editor.source.addNew')}
        </button>
        <div id={`${id}-new`} hidden={!adding} className="picker__new" onKeyDown={submitDraft} role="group" aria-label={t('editor.source.newLabel')}>
          {draftErrors.form ? (
            <p className="form-error" role="alert">
              {draftErrors.form}
            </p>
          ) : null}
          <Field id={`${id}-new-url`} label={t('editor.source.url')} error={draftErrors.url}>
            {(props) => <input {...props} ref={register('new-url')} type="text" inputMode="url" spellCheck={false} value={draft.url} onChange={(e) => setDraft({ ...draft, url: e.target.value })} />}
          </Field>
          <Field id={`${id}-new-title`} label={t('editor.source.title')} error={draftErrors.title}>
            {(props) => <input {...props} ref={register('new-title')} type="text" value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />}
          </Field>
          <Field id={`${id}-new-publisher`} label={t('editor.source.publisher')} hint={t('editor.source.publisherHint')} error={draftErrors.publisher}>
            {(props) => <input {...props} ref={register('new-publisher')} type="text" value={draft.publisher} onChange={(e) => setDraft({ ...draft, publisher: e.target.value })} />}
          </Field>
          <Field id={`${id}-new-published`} label={t('editor.source.publishedAt')} hint={t('editor.evidence.dateHint')} error={draftErrors.publishedAt}>
            {(props) => <input {...props} ref={register('new-publishedAt')} type="text" inputMode="numeric" value={draft.publishedAt} onChange={(e) => setDraft({ ...draft, publishedAt: e.target.value })} />}
          </Field>
          <Field id={`${id}-new-kind`} label={t('editor.source.kind')} hint={t('editor.source.kindHint')} error={draftErrors.kind}>
            {(props) => (
              <select {...props} ref={register('new-kind')} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as SourceKind })}>
                <option value="">{t('editor.source.kindChoose')}</option>
                {SOURCE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`editor.kind.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" onClick={() => void addSource()} disabled={saving}>
            {saving ? t('editor.source.adding') : t('editor.source.add')}
          </button>
        </div>
        <p role="status" className="picker__notice">
          {notice}
        </p>
      </fieldset>

      <fieldset className="picker__evidence">
        <legend>{mode === 'figure' ? t('editor.picker.evidence') : t('editor.picker.details')}</legend>
        <Field id={`${id}-quote`} label={mode === 'figure' ? t('editor.evidence.quote') : t('editor.evidence.quoteOptional')} hint={mode === 'figure' ? t('editor.evidence.quoteHint', { text: subject }) : undefined} error={errors.quote} warning={quoteMismatch ? t('editor.evidence.quoteMismatch', { text: subject }) : undefined}>
          {(props) => <textarea {...props} ref={register('quote')} rows={3} value={quote} required={mode === 'figure'} onChange={(e) => setQuote(e.target.value)} />}
        </Field>
        {mode === 'figure' ? (
          <>
            <Field id={`${id}-asof`} label={t('editor.evidence.asOf')} hint={t('editor.evidence.asOfHint')} error={errors.asOf}>
              {(props) => <input {...props} ref={register('asOf')} type="text" inputMode="numeric" value={asOf} required={!undated} disabled={undated} onChange={(e) => setAsOf(e.target.value)} />}
            </Field>
            <div className="field field--check">
              <input
                id={`${id}-undated`}
                type="checkbox"
                checked={undated}
                onChange={(e) => {
                  setUndated(e.target.checked)
                  setErrors((x) => ({ ...x, asOf: undefined }))
                }}
                aria-describedby={`${id}-undated-hint`}
              />
              <label htmlFor={`${id}-undated`}>{t('editor.evidence.undated')}</label>
              <p id={`${id}-undated-hint`} className="hint">
                {t('editor.evidence.undatedHint')}
              </p>
            </div>
            <MetricChooser id={id} value={metric} onChange={setMetric} errors={{ words: errors['metric-words'], definition: errors['metric-definition'] }} register={register} />
            <ProductChooser id={id} value={product} onChange={setProduct} context={request.context ?? []} />
          </>
        ) : (
          <Field id={`${id}-locator`} label={t('editor.evidence.locator')} hint={t('editor.evidence.locatorHint')}>
            {(props) => <input {...props} type="text" value={locator} onChange={(e) => setLocator(e.target.value)} />}
          </Field>
        )}
      </fieldset>

      <div className="modal__actions">
        <button type="submit" className="primary">
          {mode === 'figure' ? t('editor.picker.applyFigure') : editing ? t('editor.picker.applyFootnoteEdit') : t('editor.picker.applyFootnote')}
        </button>
        {editing ? (
          <button type="button" onClick={onRemove}>
            {mode === 'figure' ? t('editor.picker.removeFigure') : t('editor.picker.removeFootnote')}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  )
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return url
  }
}

/** A labelled control with its hint, error and warning wired to aria-describedby. */
function Field({
  id,
  label,
  hint,
  error,
  warning,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  warning?: string
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode
}) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, warning ? `${id}-warning` : null].filter(Boolean).join(' ')
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
      {warning ? (
        <p id={`${id}-warning`} className="field-warning">
          {warning}
        </p>
      ) : null}
    </div>
  )
}
