import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDate } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { getDb } from '#app/models/db.server'
import { countCitedFiguresByRevision, listPublishedPages, type PageSummary } from '#app/models/pages.server'
import { getUiLang } from '#app/http/lang.server'
import { NO_HYDRATION } from '#app/components/hydration'

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb()
  const pages = await listPublishedPages(db, { limit: 50 })
  const counts = await countCitedFiguresByRevision(db, pages.map((p) => p.stableRevisionId!))
  const card = (p: PageSummary) => ({ slug: p.slug, title: p.title, summary: p.summary, lang: p.lang, updatedAt: p.updatedAt, figures: counts.get(p.stableRevisionId!) ?? 0 })
  return {
    title: translator(getUiLang(request))('site.name'),
    featured: pages.filter((p) => p.featured).map(card),
    recent: pages.filter((p) => !p.featured).slice(0, 20).map(card),
  }
}

type Card = ReturnType<typeof useLoaderData<typeof loader>>['recent'][number]

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function Home() {
  const { featured, recent } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="home">
      <section className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </section>
      {featured.length === 0 && recent.length === 0 ? <p>{t('home.empty')}</p> : null}
      {featured.length > 0 ? (
        <section aria-labelledby="featured-heading">
          <h2 id="featured-heading">{t('home.featured')}</h2>
          <ul className="cards">{featured.map((p) => <PageCard key={p.slug} page={p} />)}</ul>
        </section>
      ) : null}
      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('home.recent')}</h2>
          <ul className="cards">{recent.map((p) => <PageCard key={p.slug} page={p} />)}</ul>
        </section>
      ) : null}
    </div>
  )
}

export function PageCard({ page }: { page: Card }) {
  const t = useT()
  const lang = useUiLang()
  return (
    <li className="card">
      <h3 lang={page.lang}>
        <Link to={`/pages/${page.slug}`}>{page.title}</Link>
      </h3>
      <p lang={page.lang}>{page.summary}</p>
      <p className="card__meta">
        <span>{t('home.figures', { count: page.figures })}</span> · <span>{t('home.updated', { date: formatDate(lang, page.updatedAt) })}</span>
      </p>
    </li>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.title ?? 'Sourced' },
  { name: 'description', content: 'Proprietary software and its open-source alternatives, compared — every figure with its source.' },
]
