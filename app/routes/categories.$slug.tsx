import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { NO_HYDRATION } from '#app/components/hydration'
import { useT } from '#app/components/i18n'
import { Licence } from '#app/components/product'
import { getCategory } from '#app/core/categories'
import { encodeCursor } from '#app/core/cursor'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { nextUrl, webCursor } from '#app/http/list-query.server'
import { listPagesInCategory, type CategoryCursor } from '#app/models/products.server'

export const handle = NO_HYDRATION

// A page of a category costs what its rows cost to render, however many pages are filed there:
// 100 comparisons a page (MediaWiki shows 200). Past fifty, the products link on to the product
// list filtered by the category.
const COMPARISONS_PER_PAGE = 100
const PRODUCTS_SHOWN = 50

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = getUiLang(request)
  const slug = params.slug ?? ''
  const category = getCategory(slug)
  if (!category) throw notFound(translator(lang)('categories.notFound', { slug: slug.slice(0, 80) }))
  const after = webCursor(request, ['string', 'string']) as CategoryCursor | null
  const { comparisons, products, moreProducts, next } = await listPagesInCategory(getDb(), slug, { limit: COMPARISONS_PER_PAGE, products: PRODUCTS_SHOWN, after })
  return {
    name: category.name[lang],
    slug,
    // Later pages list comparisons only: the products are on the first.
    firstPage: after === null,
    comparisons,
    products: products.map((p) => ({ slug: p.slug, name: p.name, kind: p.kind, license: p.license, families: p.families })),
    moreProducts,
    next: nextUrl(new URL(request.url), next ? encodeCursor(next) : null),
  }
}

export default function CategoryPage() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="narrow">
      <h1>{data.name}</h1>
      {data.firstPage ? (
        <>
          <h2>{t('categories.products')}</h2>
          {data.products.length === 0 ? <p className="muted">{t('categories.none')}</p> : (
            <ul className="page-list">
              {data.products.map((p) => (
                <li key={p.slug}>
                  <Link to={`/products/${p.slug}`}>{p.name}</Link> <span className="muted">· {t(`product.kind.${p.kind}`)} · </span>
                  <Licence license={p.license} families={p.families} />
                </li>
              ))}
            </ul>
          )}
          {data.moreProducts ? <p><Link to={`/products?category=${data.slug}`}>{t('categories.allProducts', { name: data.name })}</Link></p> : null}
        </>
      ) : null}
      <h2>{t('categories.comparisons')}</h2>
      {data.comparisons.length === 0 ? <p className="muted">{t('categories.none')}</p> : (
        <ul className="page-list">
          {data.comparisons.map((c) => (
            <li key={c.slug}><Link to={`/pages/${c.slug}`} lang={c.lang}>{c.title}</Link></li>
          ))}
        </ul>
      )}
      {data.next ? <p><Link to={data.next} rel="next">{t('list.next')}</Link></p> : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? ''} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
