import type { LoaderFunctionArgs } from '@remix-run/node'
import { translator } from '#app/core/i18n/index'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { pageHistoryFeed } from '#app/views/feed-view.server'
import { getOrigins } from '#app/http/origin.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = getUiLang(request)
  const slug = params.slug ?? ''
  // Absolute URLs come from the configured ORIGIN, never from the request's Host header.
  const xml = await pageHistoryFeed(getDb(), slug, { origin: getOrigins().origin, lang })
  if (xml === null) {
    return new Response(translator(lang)('error.notFound.comparison', { slug: slug.slice(0, 80) }), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
