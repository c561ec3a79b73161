import { redirect } from '@remix-run/node'
import { translator } from '#app/core/i18n/index'
import { movedPath, slugOfPagePath } from '#app/core/moves'
import { apiError } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { findRedirect } from '#app/models/page-redirects.server'
import { getPageBySlug } from '#app/models/pages.server'

/**
 * What a page path answers instead of 404 when the page moved or was deleted (decision 028):
 * 301 to the same path at the page's current address (history, diff, sources, feeds, talk and
 * API paths alike), or 410 Gone for a deleted page. Asked only once a loader found nothing, so
 * the lookup costs nothing on the paths that work.
 */
async function answerForMissingPage(request: Request): Promise<Response | null> {
  const url = new URL(request.url)
  const parts = slugOfPagePath(url.pathname)
  if (!parts) return null
  const db = getDb()
  const page = await getPageBySlug(db, parts.slug, { includeDeleted: true })
  // A live page at the address: the 404 was about something under it (a revision id…).
  if (page && !page.deletedAt) return null
  if (page) return gone(request, url)
  const moved = await findRedirect(db, parts.slug)
  if (!moved) return null
  if (moved.deleted) return gone(request, url)
  const target = movedPath(url.pathname, url.search, moved.slug)
  return target ? redirect(target, 301) : null
}

function gone(request: Request, url: URL): Response {
  const t = translator(getUiLang(request))
  if (url.pathname.startsWith('/api/')) return apiError(410, 'gone', 'This page was deleted; the reason is in the moderation log (/moderation/log).')
  return Response.json({ message: t('delete.gone') }, { status: 410, headers: { 'Cache-Control': 'no-store' } })
}

/** A loader whose 404 (returned or thrown) for a page path becomes the 301 or 410 above. */
export function followMoves<A extends { request: Request }>(loader: (args: A) => unknown): (args: A) => Promise<unknown> {
  return async (args: A) => {
    let result: unknown
    try {
      result = await loader(args)
    } catch (error) {
      if (error instanceof Response && error.status === 404) {
        const answer = await answerForMissingPage(args.request)
        if (answer) throw answer
      }
      throw error
    }
    if (result instanceof Response && result.status === 404) return (await answerForMissingPage(args.request)) ?? result
    return result
  }
}
