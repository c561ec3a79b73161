import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { AsOf } from '#app/components/as-of'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { NO_HYDRATION } from '#app/components/hydration'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { comparableSlugs } from '#app/core/metrics'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { figuresUsingMetric, listMetrics } from '#app/models/metrics.server'
import { getProductsBySlugs } from '#app/models/products.server'

export const handle = NO_HYDRATION

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = getUiLang(request)
  const slug = params.slug ?? ''
  const db = getDb()
  const metrics = await listMetrics(db)
  const metric = metrics.find((m) => m.slug === slug)
  if (!metric) throw notFound(translator(lang)('metrics.notFound', { slug: slug.slice(0, 80) }))
  const figures = await figuresUsingMetric(db, slug)
  const products = await getProductsBySlugs(db, figures.flatMap((f) => (f.product ? [f.product] : [])))
  return {
    slug,
    name: metric.name[lang],
    definition: metric.definition[lang],
    unit: metric.unit[lang],
    quantity: metric.quantity,
    comparable: comparableSlugs(metrics, slug).flatMap((s) => {
      const other = metrics.find((m) => m.slug === s)
      return other ? [{ slug: s, name: other.name[lang] }] : []
    }),
    figures: figures.map((f) => ({ ...f, productName: f.product ? (products.get(f.product)?.name ?? f.product) : null })),
  }
}

export default function MetricPage() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="narrow">
      <p>
        <Link to="/metrics">{t('metrics.all')}</Link>
      </p>
      <h1>{data.name}</h1>
      <p>{data.definition}</p>
      <dl className="evidence">
        <dt>{t('metrics.unit')}</dt>
        <dd>{data.unit}</dd>
        <dt>{t('metrics.quantity')}</dt>
        <dd>{t(`metrics.quantity.${data.quantity}`)}</dd>
        <dt>{t('metrics.comparableWith')}</dt>
        <dd>
          {data.comparable.length === 0 ? (
            t('metrics.comparableOnlyItself')
          ) : (
            <ul className="page-list">
              {data.comparable.map((c) => (
                <li key={c.slug}>
                  <Link to={`/metrics/${c.slug}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h2>{t('metrics.usedBy')}</h2>
      {data.figures.length === 0 ? (
        <p className="muted">{t('metrics.usedByNone')}</p>
      ) : (
        <ul className="page-list">
          {data.figures.map((f, i) => (
            <li key={`${f.pageSlug}-${i}`}>
              <strong>{f.text}</strong>
              {f.productName ? <> {t('metrics.product', { product: f.productName })}</> : null}
              {f.asOf ? <span className="muted"> · <AsOf asOf={f.asOf} /></span> : null}
              {' · '}
              <Link to={`/${f.pageKind === 'product' ? 'products' : 'pages'}/${f.pageSlug}`}>{f.pageTitle}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? ''} · Sourced` }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
