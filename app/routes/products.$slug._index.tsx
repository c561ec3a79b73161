import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData, useSearchParams } from '@remix-run/react'
import { Link } from '#app/components/link'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { NO_HYDRATION } from '#app/components/hydration'
import { useT, useUiLang } from '#app/components/i18n'
import { Timelines, UnverifiedClaim } from '#app/components/claims'
import { CategoryLinks, KeyFigures, Licence } from '#app/components/product'
import { formatDate } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { loadProductView } from '#app/views/product-view.server'
import { getOrigins } from '#app/http/origin.server'
import { getActor } from '#app/auth/actor.server'
import { can } from '#app/core/permissions'
import css from '#app/styles/claims.css?url'
import { loadProductTimelines, loadUnverifiedItems } from '#app/views/claims-view.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: css }]

// Plain HTML reads fully (decision 024): the timelines are server-rendered SVG with links.
export const handle = NO_HYDRATION

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const lang = getUiLang(request)
  const t = translator(lang)
  // Readers see the approved product; a pending change is announced with a link to its diff.
  const view = await loadProductView(getDb(), slug)
  if (!view) throw notFound(t('product.notFound', { slug: slug.slice(0, 80) }))
  const { page, product } = view
  const actor = await getActor(request)
  const [timelines, unverified] = await Promise.all([
    loadProductTimelines(getDb(), product, lang, t),
    loadUnverifiedItems(getDb(), { product: product.slug }, 20, lang),
  ])
  return {
    abilities: { move: can(actor, 'page.move'), delete: can(actor, 'page.delete') },
    timelines,
    unverified: unverified.items,
    canonical: `${getOrigins().origin}/products/${product.slug}`,
    product,
    pendingDiff: page.stableRevisionId && page.latestRevisionId !== page.stableRevisionId ? `/pages/${page.slug}/diff?from=${page.stableRevisionId}&to=${page.latestRevisionId}` : null,
    keyFigures: view.keyFigures,
    alternatives: view.alternatives.map((a) => ({ slug: a.slug, name: a.name, license: a.license, families: a.families, vendor: a.vendor })),
    alternativeTo: view.alternativeTo.map((a) => ({ slug: a.slug, name: a.name })),
    comparisons: view.comparisons,
  }
}

export default function ProductPage() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  const [params] = useSearchParams()
  const saved = params.get('saved')
  const { product } = data
  return (
    <article className="product" aria-labelledby="product-name">
      {saved ? <p role="status" className="banner">{saved === 'published' ? t('productEdit.published') : t('productEdit.queued')}</p> : null}
      {data.pendingDiff ? (
        <div className="banner banner--pending" role="status">
          <p>{t('product.pending')}</p>
          <Link to={data.pendingDiff}>{t('product.pendingDiff')}</Link>
        </div>
      ) : null}
      <header>
        <h1 id="product-name">{product.name}</h1>
        <p lang={undefined}>
          <strong>{t(`product.kind.${product.kind}`)}</strong>
          {product.summary ? <> · {product.summary}</> : null}
        </p>
      </header>
      <dl className="product-facts">
        <dt>{t('product.vendor')}</dt>
        <dd>{product.vendor || t('alternatives.none')}</dd>
        <dt>{t('product.licence')}</dt>
        <dd><Licence license={product.license} families={product.families} /></dd>
        <dt>{t('product.hosting')}</dt>
        <dd>{t(`product.hosting.${product.hosting}`)}</dd>
        {product.homepage ? (
          <>
            <dt>{t('product.homepage')}</dt>
            <dd><a href={product.homepage} rel="nofollow noopener noreferrer">{product.homepage}</a></dd>
          </>
        ) : null}
        {product.repository ? (
          <>
            <dt>{t('product.repository')}</dt>
            <dd><a href={product.repository} rel="nofollow noopener noreferrer">{product.repository}</a></dd>
          </>
        ) : null}
        {product.aliases.length > 0 ? (
          <>
            <dt>{t('product.aliases')}</dt>
            <dd>{product.aliases.join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('product.categories')}</dt>
        <dd>{product.categories.length > 0 ? <CategoryLinks categories={product.categories} /> : t('alternatives.none')}</dd>
      </dl>
      <section aria-labelledby="key-figures">
        <h2 id="key-figures">{t('product.keyFigures')}</h2>
        {data.keyFigures.length > 0 ? <KeyFigures figures={data.keyFigures} /> : <p className="muted">{t('product.noKeyFigures')}</p>}
      </section>
      <section aria-labelledby="product-timelines" className="timelines">
        <h2 id="product-timelines">{t('claims.timelines')}</h2>
        {data.timelines.length > 0 ? (
          <>
            <p className="muted">{t('claims.timelinesIntro')}</p>
            <Timelines timelines={data.timelines} productSlug={product.slug} />
          </>
        ) : <p className="muted">{t('claims.noTimelines')}</p>}
      </section>
      <section aria-labelledby="product-unverified" className="unverified-list">
        <h2 id="product-unverified">{t('unverified.onProduct')}</h2>
        <p className="muted">{t('unverified.onProductIntro')}</p>
        {data.unverified.length === 0 ? <p className="muted">{t('unverified.noneOnProduct')}</p> : data.unverified.map((item) => <UnverifiedClaim key={item.id} item={item} />)}
        <p>
          <Link to={`/claims/unverified?product=${product.slug}#new-claim`}>{t('unverified.recordLink')}</Link>
          {' · '}
          <Link to="/claims/unverified">{t('unverified.allLink')}</Link>
        </p>
      </section>
      {product.kind === 'proprietary' ? (
        <section aria-labelledby="product-alternatives">
          <h2 id="product-alternatives">{t('product.alternatives')}</h2>
          {data.alternatives.length === 0 ? <p className="muted">{t('product.noAlternatives')}</p> : (
            <ul>
              {data.alternatives.map((a) => (
                <li key={a.slug}>
                  <Link to={`/products/${a.slug}`}>{a.name}</Link> · <Licence license={a.license} families={a.families} />
                  {a.vendor ? <> · {a.vendor}</> : null}
                </li>
              ))}
            </ul>
          )}
          <p><Link to={`/alternatives/${product.slug}`}>{t('product.seeAlternatives', { name: product.name })}</Link></p>
        </section>
      ) : (
        <section aria-labelledby="product-alternative-to">
          <h2 id="product-alternative-to">{t('product.alternativeTo')}</h2>
          {data.alternativeTo.length === 0 ? <p className="muted">{t('alternatives.none')}</p> : (
            <ul>
              {data.alternativeTo.map((a) => (
                <li key={a.slug}>
                  <Link to={`/products/${a.slug}`}>{a.name}</Link> · <Link to={`/alternatives/${a.slug}`}>{t('product.seeAlternatives', { name: a.name })}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="product-comparisons">
        <h2 id="product-comparisons">{t('product.comparisons')}</h2>
        {data.comparisons.length === 0 ? <p className="muted">{t('product.noComparisons')}</p> : (
          <ul>
            {data.comparisons.map((c) => (
              <li key={c.slug}><Link to={`/pages/${c.slug}`} lang={c.lang}>{c.title}</Link></li>
            ))}
          </ul>
        )}
      </section>
      <p className="comparison__meta">
        <span>{formatDate(lang, product.updatedAt)}</span>
        {' · '}
        <Link to={`/products/${product.slug}/history`}>{t('product.history')}</Link>
        {' · '}
        <Link to={`/talk/product/${product.slug}`}>{t('talk.link')}</Link>
        {' · '}
        <Link to={`/products/${product.slug}/edit`}>{t('product.edit')}</Link>
        {data.abilities.move ? (
          <>
            {' · '}
            <Link to={`/products/${product.slug}/move`}>{t('move.link')}</Link>
          </>
        ) : null}
        {data.abilities.delete ? (
          <>
            {' · '}
            <Link to={`/products/${product.slug}/delete`}>{t('delete.link')}</Link>
          </>
        ) : null}
      </p>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.product.name} · Sourced` },
        { name: 'description', content: data.product.summary },
        { tagName: 'link', rel: 'canonical', href: data.canonical },
        { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: `${getOriginless(data.canonical)}/history.atom` },
      ]
    : [{ title: 'Sourced' }]

function getOriginless(canonical: string): string {
  return canonical.replace('/products/', '/pages/')
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
