import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { useT } from '#app/components/i18n'
import { translator } from '#app/core/i18n/index'
import { snippetHtml } from '#app/core/snippet'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { searchPages } from '#app/models/search.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 200)
  const hits = q.trim() ? await searchPages(getDb(), q) : []
  return {
    title: translator(getUiLang(request))('search.title'),
    q,
    hits: hits.map((h) => ({ slug: h.slug, title: h.title, summary: h.summary, lang: h.lang, snippetHtml: snippetHtml(h.snippet) })),
  }
}

export default function Search() {
  const { q, hits } = useLoaderData<typeof loader>()
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
      <ol className="page-list">
        {hits.map((h) => (
          <li key={h.slug}>
            <Link to={`/pages/${h.slug}`} lang={h.lang}>{h.title}</Link>
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
