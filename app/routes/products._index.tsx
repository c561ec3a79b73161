import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { NO_HYDRATION } from '#app/components/hydration'
import { useT, useUiLang } from '#app/components/i18n'
import { CategoryLinks, Licence } from '#app/components/product'
import { CATEGORIES } from '#app/core/categories'
import { translator } from '#app/core/i18n/index'
import { PRODUCT_KINDS } from '#app/core/product'
import { parseProductFilters } from '#app/core/product-filters'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listProducts } from '#app/models/products.server'

// Fifty rows a page, as the other lists here and MediaWiki's: a page costs what its rows cost to render.
const PAGE = 50

export const handle = NO_HYDRATION

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const parsed = parseProductFilters(url.searchParams)
  const after = url.searchParams.get('cursor')
  const rows = await listProducts(getDb(), parsed.filters, { limit: PAGE + 1, after: after && /^[a-z0-9-]+$/.test(after) ? after : null })
  const products = rows.slice(0, PAGE)
  const next = rows.length > PAGE ? new URLSearchParams({ ...parsed.values, cursor: products.at(-1)!.slug }) : null
  return {
    title: translator(getUiLang(request))('products.title'),
    values: parsed.values,
    invalid: parsed.invalid.map((i) => i.value),
    filtered: Object.values(parsed.values).some((v) => v !== ''),
    products: products.map((p) => ({ slug: p.slug, name: p.name, kind: p.kind, license: p.license, families: p.families, vendor: p.vendor, categories: p.categories })),
    next: next ? `?${next.toString()}` : null,
  }
}

export default function ProductsIndex() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="products">
      <h1>{t('products.title')}</h1>
      <p>{t('products.intro')} <Link to="/products/new">{t('products.new')}</Link></p>
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="products-category">{t('products.filter.category')}</label>
          <select id="products-category" name="category" defaultValue={data.values.category}>
            <option value="">{t('products.filter.any')}</option>
            {CATEGORIES.map((c) => <option key={c.slug} value={c.slug}>{c.name[lang]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="products-kind">{t('products.filter.kind')}</label>
          <select id="products-kind" name="kind" defaultValue={data.values.kind}>
            <option value="">{t('products.filter.any')}</option>
            {PRODUCT_KINDS.map((k) => <option key={k} value={k}>{t(`product.kind.${k}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="products-license">{t('products.filter.licence')}</label>
          <input id="products-license" name="license" defaultValue={data.values.license} spellCheck={false} />
        </div>
        <button type="submit">{t('products.filter.apply')}</button>
        {data.filtered ? <Link to="/products">{t('products.filter.clear')}</Link> : null}
      </Form>
      {data.invalid.length > 0 ? <p role="alert" className="field-error">{t('alternatives.badLicence', { value: data.invalid.join(', ') })}</p> : null}
      {data.products.length === 0 ? (
        <div className="empty-result">
          <p>{t('products.empty')}</p>
          {data.filtered ? <Link to="/products" className="button">{t('products.filter.clear')}</Link> : null}
        </div>
      ) : (
        <ul className="page-list">
          {data.products.map((p) => (
            <li key={p.slug}>
              <Link to={`/products/${p.slug}`}>{p.name}</Link>
              <span className="muted"> · {t(`product.kind.${p.kind}`)}{p.vendor ? ` · ${p.vendor}` : ''}</span>
              <p>
                <Licence license={p.license} families={p.families} /> · <CategoryLinks categories={p.categories} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {data.next ? <p><Link to={data.next}>{t('products.more')}</Link></p> : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Products'} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
