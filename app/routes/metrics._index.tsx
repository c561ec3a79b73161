import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { NO_HYDRATION } from '#app/components/hydration'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { listMetrics } from '#app/models/metrics.server'

export const handle = NO_HYDRATION

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getUiLang(request)
  const metrics = await listMetrics(getDb())
  return {
    title: translator(lang)('metrics.title'),
    metrics: metrics
      .map((m) => ({ slug: m.slug, name: m.name[lang], definition: m.definition[lang], unit: m.unit[lang] }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
  }
}

export default function Metrics() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="narrow">
      <h1>{t('metrics.title')}</h1>
      <p>{t('metrics.intro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="metrics-caption" tabIndex={0}>
        <table className="data">
          <caption id="metrics-caption" className="visually-hidden">{t('metrics.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('metrics.col.metric')}</th>
              <th scope="col">{t('metrics.col.definition')}</th>
              <th scope="col">{t('metrics.col.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {data.metrics.map((m) => (
              <tr key={m.slug}>
                <th scope="row">
                  <Link to={`/metrics/${m.slug}`}>{m.name}</Link>
                </th>
                <td>{m.definition}</td>
                <td>{m.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Metrics'} · Sourced` }]
