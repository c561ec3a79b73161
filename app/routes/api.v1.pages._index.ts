import type { LoaderFunctionArgs } from '@remix-run/node'
import { getDb } from '#app/models/db.server'
import { listPublishedPages } from '#app/models/pages.server'

/** GET /api/v1/pages — the published pages (DESIGN.md, JSON API). */
export async function loader(_: LoaderFunctionArgs) {
  const pages = await listPublishedPages(getDb(), { limit: 1000 })
  return Response.json({
    pages: pages.map((p) => ({ slug: p.slug, title: p.title, summary: p.summary, lang: p.lang, stableRevisionId: p.stableRevisionId, updatedAt: p.updatedAt })),
  })
}
