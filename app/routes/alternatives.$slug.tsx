import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { NO_HYDRATION } from '#app/components/hydration'
import { useT, useUiLang } from '#app/components/i18n'
import { CategoryLinks, KeyFigures, Licence } from '#app/components/product'
import { CATEGORIES } from '#app/core/categories'
import { translator } from '#app/core/i18n/index'
import { HOSTINGS } from '#app/core/product'
import { parseProductFilters } from '#app/core/product-filters'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { loadAlternatives } from '#app/views/product-view.server'
import { getOrigins } from '#app/http/origin.server'

export const handle = NO_HYDRATION

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const url = new URL(request.url)
  const parsed = parseProductFilters(url.searchParams)
  const view = await loadAlternatives(getDb(), slug, parsed.filters)
  const t = translator(getUiLang(request))
  if (!view) throw notFound(t('product.notFound', { slug: slug.slice(0, 80) }))
  return {
    title: t('alternatives.title', { name: view.product.name }),
    canonical: `${getOrigins().origin}/alternatives/${view.product.slug}`,
    product: { slug: view.product.slug, name: view.product.name },
    total: view.total,
    values: parsed.values,
    filtered: Object.values(parsed.values).some((v) => v !== ''),
    badLicence: parsed.invalid.find((i) => i.name === 'license')?.value ?? null,
    alternatives: view.alternatives,
  }
}

export default function Alternatives() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  const { product, values } = data
  return (
    <div className="alternatives">
      <h1>{t('alternatives.title', { name: product.name })}</h1>
      <p>
        {t('alternatives.intro', { name: product.name })} <Link to={`/products/${product.slug}`}>{product.name}</Link>
      </p>
      <Form method="get" className="filters" aria-label={t('products.filter.apply')}>
        <div className="field">
          <label htmlFor="alt-license">{t('products.filter.licence')}</label>
          <input id="alt-license" name="license" defaultValue={values.license} list="licence-families" spellCheck={false} />
          <datalist id="licence-families">
            <option value="copyleft" />
            <option value="weak-copyleft" />
            <option value="permissive" />
          </datalist>
        </div>
        <div className="field">
          <label htmlFor="alt-category">{t('products.filter.category')}</label>
          <select id="alt-category" name="category" defaultValue={values.category}>
            <option value="">{t('products.filter.any')}</option>
            {CATEGORIES.map((c) => (
              <option key={c.slug} value={c.slug}>{c.name[lang]}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="alt-hosting">{t('products.filter.hosting')}</label>
          <select id="alt-hosting" name="hosting" defaultValue={values.hosting}>
            <option value="">{t('products.filter.any')}</option>
            {HOSTINGS.map((h) => (
              <option key={h} value={h}>{t(`product.hosting.${h}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t('products.filter.apply')}</button>
        {data.filtered ? <Link to={`/alternatives/${product.slug}`}>{t('products.filter.clear')}</Link> : null}
      </Form>
      {data.badLicence ? <p role="alert" className="field-error">{t('alternatives.badLicence', { value: data.badLicence })}</p> : null}
      <p role="status">{t('alternatives.count', { count: data.alternatives.length })}</p>
      {data.alternatives.length === 0 ? (
        <div className="empty-result">
          <p>{data.total > 0 ? t('alternatives.empty') : t('alternatives.emptyNone')}</p>
          {data.filtered ? <Link to={`/alternatives/${product.slug}`} className="button">{t('products.filter.clear')}</Link> : null}
        </div>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="alternatives-caption" tabIndex={0}>
          <table className="data alternatives-table">
            <caption id="alternatives-caption">{t('alternatives.title', { name: product.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alternatives.product')}</th>
                <th scope="col">{t('product.licence')}</th>
                <th scope="col">{t('product.vendor')}</th>
                <th scope="col">{t('product.hosting')}</th>
                <th scope="col">{t('alternatives.figures')}</th>
                <th scope="col">{t('alternatives.comparisons')}</th>
              </tr>
            </thead>
            <tbody>
              {data.alternatives.map(({ product: a, keyFigures, comparisons }) => (
                <tr key={a.slug}>
                  <th scope="row">
                    <Link to={`/products/${a.slug}`}>{a.name}</Link>
                    <div className="muted" lang={undefined}>
                      <CategoryLinks categories={a.categories} />
                    </div>
                  </th>
                  <td><Licence license={a.license} families={a.families} /></td>
                  <td>{a.vendor}</td>
                  <td>{t(`product.hosting.${a.hosting}`)}</td>
                  <td><KeyFigures figures={keyFigures} /></td>
                  <td>
                    {comparisons.length === 0 ? <span className="muted">{t('alternatives.none')}</span> : (
                      <ul className="plain-list">
                        {comparisons.map((c) => (
                          <li key={c.slug}><Link to={`/pages/${c.slug}`} lang={c.lang}>{c.title}</Link></li>
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
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.title} · Sourced` },
        { tagName: 'link', rel: 'canonical', href: data.canonical },
      ]
    : [{ title: 'Sourced' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
