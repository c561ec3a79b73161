import type { LoaderFunctionArgs } from '@remix-run/node'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { loadPageView } from '#app/views/page-view.server'
import { getRevision } from '#app/models/revisions.server'

/**
 * GET /api/v1/pages/:slug — the stable revision with its figures and sources, and the page's
 * latest revision (`latestRevision`), which is what an edit starts from: its id is the base to
 * save with, so that pending revisions newer than the stable one are neither dropped nor
 * reverted by a save built on the stable text (docs/api.md, "Edit conflicts").
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const db = getDb()
  const view = await loadPageView(db, params.slug ?? '', { kind: 'stable' }, 'en')
  if (!view) return apiError(404, 'not_found', `No published page "${(params.slug ?? '').slice(0, 80)}".`)
  const { page, revision } = view
  const latest = page.latestRevisionId === revision.id ? revision : await getRevision(db, page.latestRevisionId)
  const present = (r: NonNullable<typeof latest>) => ({ id: r.id, parentId: r.parentId, author: r.authorName, summary: r.summary, status: r.status, createdAt: r.createdAt, content: r.content })
  return Response.json({
    page: { slug: page.slug, title: page.title, summary: page.summary, lang: page.lang, stableRevisionId: page.stableRevisionId, latestRevisionId: page.latestRevisionId, updatedAt: page.updatedAt },
    revision: present(revision),
    latestRevision: present(latest ?? revision),
    figures: view.figures,
    citations: view.citations,
    sources: Object.values(view.sources),
  })
}
