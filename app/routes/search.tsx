import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { snippetHtml } from '#app/core/snippet'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listProductNames, listProducts } from '#app/models/products.server'
import { searchPages } from '#app/models/search.server'
import { NO_HYDRATION } from '#app/components/hydration'
import { alternativesIntent, closestProduct } from '#app/core/product-search'

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
  const t = translator(getUiLang(request))
  // "alternatives to Teams" (and its German and French phrasings) leads to the alternatives page.
  const wanted = alternativesIntent(q)
  const target = wanted ? closestProduct(wanted, await listProductNames(getDb())) : null
  if (target) throw redirect(`/alternatives/${target.slug}`)
  const [hits, products] = q.trim() ? await Promise.all([searchPages(getDb(), wanted ?? q), listProducts(getDb(), {}, { limit: 20, q: q.trim() })]) : [[], []]
  return {
    title: t('search.title'),
    q,
    unknownProduct: wanted,
    products: products.map((p) => ({ slug: p.slug, name: p.name, kind: p.kind, vendor: p.vendor })),
    hits: hits.map((h) => ({ slug: h.slug, title: h.title, summary: h.summary, lang: h.lang, kind: h.kind, snippetHtml: snippetHtml(h.snippet) })),
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function Search() {
  const { q, hits, products, unknownProduct } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="narrow">
      <h1>{t('search.title')}</h1>
      <Form method="get" role="search" className="search-form">
        <label htmlFor="search-q">{t('search.label')}</label>
        <input id="search-q" type="search" name="q" defaultValue={q} maxLength={200} />
        <button type="submit" className="primary">{t('search.submit')}</button>
      </Form>
      {q.trim() ? <p role="status">{t('search.results', { count: hits.length, q })}</p> : <p className="muted">{t('search.hint')}</p>}
      {unknownProduct ? <p className="muted">{t('search.alternativesUnknown', { name: unknownProduct })}</p> : null}
      {products.length > 0 ? (
        <section aria-labelledby="search-products">
          <h2 id="search-products">{t('search.products')}</h2>
          <ul className="page-list">
            {products.map((p) => (
              <li key={p.slug}>
                <Link to={`/products/${p.slug}`}>{p.name}</Link>
                <span className="muted"> · {t(`product.kind.${p.kind}`)}{p.vendor ? ` · ${p.vendor}` : ''}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className="page-list">
        {hits.map((h) => (
          <li key={h.slug}>
            <Link to={h.kind === 'product' ? `/products/${h.slug}` : `/pages/${h.slug}`} lang={h.lang}>{h.title}</Link>
            <p lang={h.lang} dangerouslySetInnerHTML={{ __html: h.snippetHtml }} />
          </li>
        ))}
      </ol>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Search'} · Sourced` }, { name: 'robots', content: 'noindex' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
