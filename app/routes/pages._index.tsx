import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Link } from '#app/components/link'
import { useT, useUiLang } from '#app/components/i18n'
import { formatDate } from '#app/core/format'
import { translator } from '#app/core/i18n/index'
import { getDb } from '#app/models/db.server'
import { listPublishedPages } from '#app/models/pages.server'
import { keysetPage } from '#app/core/cursor'
import { nextUrl, webCursor } from '#app/http/list-query.server'
import { getUiLang } from '#app/http/lang.server'
import { NO_HYDRATION } from '#app/components/hydration'

const PAGE = 100

export async function loader({ request }: LoaderFunctionArgs) {
  const after = webCursor(request, ['string', 'string'])
  const rows = await listPublishedPages(getDb(), { limit: PAGE + 1, after: after ? { updatedAt: String(after[0]), id: String(after[1]) } : null })
  const { items, next } = keysetPage(rows, PAGE, (p) => [p.updatedAt, p.id])
  return {
    title: translator(getUiLang(request))('pages.title'),
    pages: items.map((p) => ({ slug: p.slug, title: p.title, summary: p.summary, lang: p.lang, updatedAt: p.updatedAt })),
    next: nextUrl(new URL(request.url), next),
    paged: after !== null,
  }
}

// Plain HTML reads fully; see decision 024.
export const handle = NO_HYDRATION

export default function PagesIndex() {
  const { pages, next, paged } = useLoaderData<typeof loader>()
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
      {next || paged ? (
        <nav aria-label={t('pages.title')} className="pager">
          {paged ? <Link to="/pages">{t('list.first')}</Link> : null}
          {next ? <Link to={next} rel="next">{t('list.next')}</Link> : null}
        </nav>
      ) : null}
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Comparisons'} · Sourced` }]
