import type { LoaderFunctionArgs } from '@remix-run/node'
import { translator } from '#app/core/i18n/index'
import { notFound } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { loadPageSources } from '#app/views/page-sources-view.server'
import { getOrigins } from '#app/http/origin.server'
import { downloadHeaders, pageSourcesCsv } from '#app/presenters/page-sources'

/** GET /pages/:slug/sources.csv — the page's figures and citations with their sources, as CSV. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  const data = await loadPageSources(getDb(), slug, getUiLang(request), getOrigins().origin)
  if (!data) throw notFound(translator(getUiLang(request))('error.notFound.comparison', { slug: slug.slice(0, 80) }))
  return new Response(pageSourcesCsv(data), { headers: downloadHeaders(data.page.slug, 'csv') })
}
