import type { LoaderFunctionArgs } from '@remix-run/node'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { recentChangesFeed } from '#app/views/feed-view.server'
import { getOrigins } from '#app/http/origin.server'

const ATOM_TYPE = 'application/atom+xml; charset=utf-8'

export async function loader({ request }: LoaderFunctionArgs) {
  // Absolute URLs come from the configured ORIGIN, never from the request's Host header.
  const xml = await recentChangesFeed(getDb(), { origin: getOrigins().origin, lang: getUiLang(request) })
  return new Response(xml, { headers: { 'Content-Type': ATOM_TYPE } })
}
