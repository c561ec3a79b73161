import { useEffect, useRef, useState } from 'react'
import { LANG_NAMES, LANGS } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import type { EditorMessageKey } from '#app/core/i18n/editor-messages'
import { emptyAlternative, emptyProduct, type AlternativeRow, type FormErrors, type PageForm, type ProductRow } from '../../core/editor/page-form'
import { useEditorT } from './use-editor-t'
import { useUiLang } from '#app/components/i18n'
import { ProductPicker, type PickedProduct } from './product-picker'
import { CATEGORIES } from '#app/core/categories'
import { parseCategories } from '../../core/editor/page-form'

type Side = 'proprietary' | 'alternatives'

const PRODUCT_COLUMNS = ['name', 'vendor', 'homepage'] as const
const ALTERNATIVE_COLUMNS = ['name', 'vendor', 'homepage', 'license', 'repository'] as const

const COLUMN_LABEL: Record<(typeof ALTERNATIVE_COLUMNS)[number], EditorMessageKey> = {
  name: 'editor.meta.productName',
  vendor: 'editor.meta.vendor',
  homepage: 'editor.meta.homepage',
  license: 'editor.meta.license',
  repository: 'editor.meta.repository',
}

/** What a comparison is about: title, summary, content language, the products compared, categories. */
export function MetadataForm({ form, onChange, errors }: { form: PageForm; onChange: (form: PageForm) => void; errors: FormErrors }) {
  const t = useEditorT()
  const uiLang = useUiLang()
  // After adding or removing a row, focus goes somewhere sensible instead of to the page's top.
  const [focusTarget, setFocusTarget] = useState<string | null>(null)
  const root = useRef<HTMLFieldSetElement>(null)
  useEffect(() => {
    if (!focusTarget) return
    root.current?.querySelector<HTMLElement>(`#${CSS.escape(focusTarget)}`)?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const set = <K extends keyof PageForm>(key: K, value: PageForm[K]) => onChange({ ...form, [key]: value })

  const addRow = (side: Side) => {
    const row = side === 'proprietary' ? emptyProduct() : emptyAlternative()
    onChange({ ...form, [side]: [...form[side], row] })
    setFocusTarget(`${side}-${row.key}-name`)
  }
  const removeRow = (side: Side, key: string) => {
    const rows = form[side] as Array<ProductRow | AlternativeRow>
    const index = rows.findIndex((r) => r.key === key)
    const rest = rows.filter((r) => r.key !== key)
    onChange({ ...form, [side]: rest })
    const neighbour = rest[Math.min(index, rest.length - 1)]
    setFocusTarget(neighbour ? `${side}-${neighbour.key}-name` : `${side}-add`)
  }
  // A product chosen (or created) in the picker becomes a row that names it, filling a blank row first.
  const addProduct = (side: Side, p: PickedProduct) => {
    const rows = form[side] as Array<ProductRow | AlternativeRow>
    const base = side === 'proprietary' ? emptyProduct() : emptyAlternative()
    const row = { ...base, name: p.name, vendor: p.vendor, ...(side === 'alternatives' ? { license: p.license } : {}), product: p.slug }
    const blankIndex = rows.findIndex((r) => r.name.trim() === '' && r.vendor.trim() === '' && r.homepage.trim() === '')
    onChange({ ...form, [side]: blankIndex >= 0 ? rows.map((r, i) => (i === blankIndex ? { ...row, key: r.key } : r)) : [...rows, row] })
  }
  const toggleCategory = (slug: string, on: boolean) => {
    const current = parseCategories(form.categories)
    set('categories', (on ? [...current, slug] : current.filter((c) => c !== slug)).join(', '))
  }
  const setCell = (side: Side, key: string, column: string, value: string) =>
    onChange({ ...form, [side]: (form[side] as Array<ProductRow | AlternativeRow>).map((r) => (r.key === key ? { ...r, [column]: value } : r)) })

  const rowsOf = (side: Side) => {
    const rows = form[side] as Array<ProductRow | AlternativeRow>
    const columns = side === 'proprietary' ? PRODUCT_COLUMNS : ALTERNATIVE_COLUMNS
    const rowErrors = errors[side] ?? {}
    return (
      <fieldset className="subjects-editor__side">
        <legend>{side === 'proprietary' ? t('editor.meta.proprietary') : t('editor.meta.alternatives')}</legend>
        <ProductPicker side={side} lang={form.lang} label={side === 'proprietary' ? t('editor.meta.proprietary') : t('editor.meta.alternatives')} onPick={(p) => addProduct(side, p)} />
        {rows.length === 0 ? <p className="muted">{side === 'proprietary' ? t('editor.meta.noProprietary') : t('editor.meta.noAlternatives')}</p> : null}
        {rows.map((row, index) => {
          const label = side === 'proprietary' ? t('editor.meta.productN', { n: index + 1 }) : t('editor.meta.alternativeN', { n: index + 1 })
          const error = rowErrors[index]
          return (
            <fieldset key={row.key} className="subjects-editor__row" aria-describedby={error ? `${side}-${row.key}-error` : undefined}>
              <legend>{label}</legend>
              {row.product ? (
                <p>
                  <a href={`/products/${row.product}`} target="_blank" rel="noreferrer">{row.name || row.product}</a>
                </p>
              ) : null}
              {columns.map((column) => {
                const fieldId = `${side}-${row.key}-${column}`
                const value = (row as unknown as Record<string, string>)[column] ?? ''
                return (
                  <div className="field" key={column}>
                    <label htmlFor={fieldId}>{t(COLUMN_LABEL[column])}</label>
                    <input
                      id={fieldId}
                      type="text"
                      inputMode={column === 'homepage' || column === 'repository' ? 'url' : undefined}
                      spellCheck={column === 'homepage' || column === 'repository' || column === 'license' ? false : undefined}
                      value={value}
                      placeholder={column === 'license' ? 'AGPL-3.0-only' : column === 'homepage' || column === 'repository' ? 'https://' : undefined}
                      onChange={(event) => setCell(side, row.key, column, event.target.value)}
                      aria-describedby={column === 'license' ? 'license-hint' : undefined}
                    />
                  </div>
                )
              })}
              {error ? (
                <p id={`${side}-${row.key}-error`} className="field-error" role="alert">
                  {error}
                </p>
              ) : null}
              <button type="button" className="subjects-editor__remove" onClick={() => removeRow(side, row.key)}>
                {t('editor.meta.remove', { label })}
              </button>
            </fieldset>
          )
        })}
        <button type="button" id={`${side}-add`} onClick={() => addRow(side)}>
          {side === 'proprietary' ? t('editor.meta.addProprietary') : t('editor.meta.addAlternative')}
        </button>
      </fieldset>
    )
  }

  return (
    <fieldset className="metadata" ref={root}>
      <legend>{t('editor.meta.legend')}</legend>
      <div className="field">
        <label htmlFor="page-title">{t('editor.meta.title')}</label>
        <input
          id="page-title"
          type="text"
          value={form.title}
          required
          minLength={3}
          maxLength={160}
          onChange={(e) => set('title', e.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={`page-title-hint${errors.title ? ' page-title-error' : ''}`}
        />
        <p id="page-title-hint" className="hint">
          {t('editor.meta.titleHint')}
        </p>
        {errors.title ? (
          <p id="page-title-error" className="field-error">
            {errors.title}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="page-summary">{t('editor.meta.summary')}</label>
        <textarea
          id="page-summary"
          rows={2}
          maxLength={500}
          value={form.summary}
          onChange={(e) => set('summary', e.target.value)}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={`page-summary-hint${errors.summary ? ' page-summary-error' : ''}`}
        />
        <p id="page-summary-hint" className="hint">
          {t('editor.meta.summaryHint')}
        </p>
        {errors.summary ? (
          <p id="page-summary-error" className="field-error">
            {errors.summary}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="page-lang">{t('editor.meta.lang')}</label>
        <select id="page-lang" value={form.lang} onChange={(e) => set('lang', e.target.value as Lang)} aria-describedby="page-lang-hint">
          {LANGS.map((lang) => (
            <option key={lang} value={lang} lang={lang}>
              {LANG_NAMES[lang]}
            </option>
          ))}
        </select>
        <p id="page-lang-hint" className="hint">
          {t('editor.meta.langHint')}
        </p>
      </div>
      <div className="subjects-editor">
        {rowsOf('proprietary')}
        {rowsOf('alternatives')}
        <p id="license-hint" className="hint">
          {t('editor.meta.licenseHint')}
        </p>
      </div>
      <fieldset className="field" aria-invalid={errors.categories ? true : undefined} aria-describedby={`page-categories-hint${errors.categories ? ' page-categories-error' : ''}`}>
        <legend>{t('editor.meta.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c.slug} className="choice">
            <input type="checkbox" checked={parseCategories(form.categories).includes(c.slug)} onChange={(e) => toggleCategory(c.slug, e.target.checked)} /> {c.name[uiLang]}
          </label>
        ))}
        <p id="page-categories-hint" className="hint">
          {t('editor.meta.categoriesHint')}
        </p>
        {errors.categories ? (
          <p id="page-categories-error" className="field-error">
            {errors.categories}
          </p>
        ) : null}
      </fieldset>
    </fieldset>
  )
}
