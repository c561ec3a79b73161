import type { Lang } from '#app/core/lang'
import { presentPageSources, type PageSourcesExport } from '#app/presenters/page-sources'
import type { DB } from '../models/db.server'
import { loadPageView } from './page-view.server'

/**
 * Every figure and citation of the page's stable revision (what readers see) with its source,
 * age, link status, quote check and disputed state; null when the page has no approved revision.
 */
export async function loadPageSources(db: DB, slug: string, uiLang: Lang, origin: string, now = new Date()): Promise<PageSourcesExport | null> {
  const view = await loadPageView(db, slug, { kind: 'stable' }, uiLang, now)
  return view ? presentPageSources(view, origin) : null
}
