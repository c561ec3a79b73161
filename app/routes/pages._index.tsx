import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDate } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { getDb } from '#app/models/db.server'
import { listPublishedPages } from '#app/models/pages.server'
import { getUiLang } from '#app/http/lang.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const pages = await listPublishedPages(getDb(), { limit: 500 })
  return {
    title: translator(getUiLang(request))('pages.title'),
    pages: pages.map((p) => ({ slug: p.slug, title: p.title, summary: p.summary, lang: p.lang, updatedAt: p.updatedAt })),
  }
}

export default function PagesIndex() {
  const { pages } = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="narrow">
      <h1>{t('pages.title')}</h1>
      <p>
        <Link to="/pages/new" className="button">{t('pages.new')}</Link>
      </p>
      <ul className="page-list">
        {pages.map((p) => (
          <li key={p.slug}>
            <Link to={`/pages/${p.slug}`} lang={p.lang}>{p.title}</Link>
            <span className="muted"> · {formatDate(lang, p.updatedAt)}</span>
            <p lang={p.lang}>{p.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Comparisons'} · Sourced` }]
