import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { NO_HYDRATION } from '#app/components/hydration'
import { useT, useUiLang } from '#app/components/i18n'
import { CATEGORIES } from '#app/core/categories'
import { translator } from '#app/core/i18n/index'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { countByCategory } from '#app/models/products.server'

export const handle = NO_HYDRATION

export async function loader({ request }: LoaderFunctionArgs) {
  const counts = await countByCategory(getDb())
  return { title: translator(getUiLang(request))('categories.title'), categories: CATEGORIES.map((c) => ({ slug: c.slug, name: c.name, count: counts.get(c.slug) ?? 0 })) }
}

export default function Categories() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  const lang = useUiLang()
  return (
    <div className="narrow">
      <h1>{t('categories.title')}</h1>
      <p>{t('categories.intro')}</p>
      <ul className="page-list">
        {data.categories.map((c) => (
          <li key={c.slug}>
            <Link to={`/categories/${c.slug}`}>{c.name[lang]}</Link> <span className="muted">· {t('categories.count', { count: c.count })}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Categories'} · Sourced` }]
