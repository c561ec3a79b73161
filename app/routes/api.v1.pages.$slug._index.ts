import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { loadPageView } from '#app/views/page-view.server'

/** GET /api/v1/pages/:slug — the stable revision with its figures and sources. */
export async function loader({ params }: LoaderFunctionArgs) {
  const view = await loadPageView(getDb(), params.slug ?? '', { kind: 'stable' }, 'en')
  if (!view) return apiError(404, 'not_found', `No published page "${(params.slug ?? '').slice(0, 80)}".`)
  const { page, revision } = view
  return Response.json({
    page: { slug: page.slug, title: page.title, summary: page.summary, lang: page.lang, stableRevisionId: page.stableRevisionId, latestRevisionId: page.latestRevisionId, updatedAt: page.updatedAt },
    revision: { id: revision.id, parentId: revision.parentId, author: revision.authorName, summary: revision.summary, status: revision.status, createdAt: revision.createdAt, content: revision.content },
    figures: view.figures,
    citations: view.citations,
    sources: Object.values(view.sources),
  })
}
