import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { loadPageSources } from '#app/views/page-sources-view.server'
import { getOrigins } from '#app/http/origin.server'
import { downloadHeaders } from '#app/presenters/page-sources'

/** GET /pages/:slug/sources.json — the page's figures and citations with their sources, as JSON. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const data = await loadPageSources(getDb(), params.slug ?? '', getUiLang(request), getOrigins().origin)
  if (!data) return apiError(404, 'not_found', 'There is no comparison with an approved revision at this address.')
  return new Response(JSON.stringify(data, null, 2), { headers: downloadHeaders(data.page.slug, 'json') })
}
