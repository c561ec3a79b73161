import { Form } from '@remix-run/react'
import { CATEGORIES } from '#app/core/categories'
import { LANG_NAMES, LANGS } from '#app/core/i18n/index'
import { HOSTINGS, PRODUCT_KINDS } from '#app/core/product'
import type { ProductFormValues } from '#app/http/product-editor.server'
import { useT, useUiLang } from './i18n'

type Option = { slug: string; name: string }

/** The product editor: a plain form (works without JavaScript), saved as a revision. */
export function ProductForm({ values, errors, message, proprietary }: { values: ProductFormValues; errors: Record<string, string>; message: string | null; proprietary: Option[] }) {
  const t = useT()
  const lang = useUiLang()
  const error = (name: string) =>
    errors[name] ? (
      <p id={`product-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null
  const described = (name: string, hint?: string) => [hint, errors[name] ? `product-${name}-error` : null].filter(Boolean).join(' ') || undefined
  const text = (name: keyof ProductFormValues & string, label: string, options: { hint?: string; required?: boolean; url?: boolean } = {}) => (
    <div className="field">
      <label htmlFor={`product-${name}`}>{label}</label>
      <input
        id={`product-${name}`}
        name={name}
        type="text"
        inputMode={options.url ? 'url' : undefined}
        defaultValue={values[name] as string}
        required={options.required}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={described(name, options.hint)}
        spellCheck={options.url || name === 'license' ? false : undefined}
      />
      {error(name)}
    </div>
  )
  return (
    <Form method="post" className="product-form">
      {message ? <p role="alert" className="banner banner--error">{message}</p> : null}
      <input type="hidden" name="baseRevisionId" value={values.baseRevisionId} />
      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
      {text('name', t('productEdit.name'), { required: true })}
      {error('title')}
      <div className="field">
        <label htmlFor="product-summary">{t('productEdit.summary')}</label>
        <textarea id="product-summary" name="summary" rows={2} maxLength={500} defaultValue={values.summary} aria-describedby={described('summary')} />
        {error('summary')}
      </div>
      <div className="field">
        <label htmlFor="product-lang">{t('productEdit.lang')}</label>
        <select id="product-lang" name="lang" defaultValue={values.lang}>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('productEdit.kind')}</legend>
        {PRODUCT_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} defaultChecked={values.kind === k} /> {t(`product.kind.${k}`)}
          </label>
        ))}
        {error('kind')}
      </fieldset>
      <p id="product-license-hint" className="hint">{t('productEdit.licenceHint')}</p>
      {text('license', t('productEdit.licence'), { hint: 'product-license-hint' })}
      {text('vendor', t('product.vendor'))}
      {text('homepage', t('product.homepage'), { url: true })}
      {text('repository', t('product.repository'), { url: true })}
      <fieldset className="field">
        <legend>{t('product.hosting')}</legend>
        {HOSTINGS.map((h) => (
          <label key={h} className="choice">
            <input type="radio" name="hosting" value={h} defaultChecked={values.hosting === h} /> {t(`product.hosting.${h}`)}
          </label>
        ))}
        {error('hosting')}
      </fieldset>
      {text('aliases', t('productEdit.aliases'))}
      <fieldset className="field">
        <legend>{t('product.categories')}</legend>
        {CATEGORIES.map((c) => (
          <label key={c.slug} className="choice">
            <input type="checkbox" name="categories" value={c.slug} defaultChecked={values.categories.includes(c.slug)} /> {c.name[lang]}
          </label>
        ))}
        {error('categories')}
      </fieldset>
      <fieldset className="field">
        <legend>{t('productEdit.alternativeTo')}</legend>
        {proprietary.map((p) => (
          <label key={p.slug} className="choice">
            <input type="checkbox" name="alternativeTo" value={p.slug} defaultChecked={values.alternativeTo.includes(p.slug)} /> {p.name}
          </label>
        ))}
        {error('alternativeTo')}
      </fieldset>
      <div className="field">
        <label htmlFor="product-editSummary">{t('productEdit.editSummary')}</label>
        <input id="product-editSummary" name="editSummary" type="text" maxLength={500} defaultValue={values.editSummary} />
      </div>
      <button type="submit" className="primary">{t('productEdit.save')}</button>
    </Form>
  )
}
