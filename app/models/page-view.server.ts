import type { PageContent } from '#app/core/content'
import { isOutdated, notComparableFigures } from '#app/core/evidence'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { monthsSince } from '#app/core/format'
import { renderBody } from '#app/core/render-html'
import { presentFigure, type FigureView } from '#app/presenters/figure'
import { presentSource, type SourceView } from '#app/presenters/source'
import type { DB } from './db.server'
import { listCitations, listFigures, type FigureRecord } from './evidence.server'
import { getPageBySlug, type PageRecord } from './pages.server'
import { cachedRender } from './render-cache.server'
import { getRevision, type RevisionWithContent } from './revisions.server'
import { getSourcesByIds } from './sources.server'

export const MAX_FIGURE_AGE_MONTHS = Number(process.env.FIGURE_MAX_AGE_MONTHS ?? 18)

export interface ReaderFigure extends FigureView {
  ageMonths: number | null
  outdated: boolean
  notComparable: boolean
}

export interface PageView {
  page: PageRecord
  revision: RevisionWithContent
  isStable: boolean
  hasPendingChanges: boolean
  bodyHtml: string
  figures: ReaderFigure[]
  citations: Array<{ n: number; sourceId: string | null; quote: string | null; locator: string | null }>
  sources: Record<string, SourceView>
}

export type Which = { kind: 'stable' } | { kind: 'latest' } | { kind: 'revision'; id: string }

/** Renders the body once per revision and UI language: revisions never change. */
export function renderRevisionBody(revisionId: string, content: PageContent, figures: readonly FigureRecord[], uiLang: Lang): string {
  return cachedRender(`${revisionId}:${uiLang}`, () => {
    const t = translator(uiLang)
    return renderBody(content.body, {
      figures: figures.map((f) => ({ start: f.start, end: f.end, ordinal: f.ordinal, marked: f.marked })),
      tableLabel: (n) => t('page.tableLabel', { n }),
    })
  })
}

/** Everything a reader's view of one revision needs: the page, its HTML and its evidence. */
export async function loadPageView(db: DB, slug: string, which: Which, uiLang: Lang, now = new Date()): Promise<PageView | null> {
  const page = await getPageBySlug(db, slug)
  if (!page) return null
  const revisionId = which.kind === 'stable' ? page.stableRevisionId : which.kind === 'latest' ? page.latestRevisionId : which.id
  if (!revisionId) return null
  const [revision, figureRows, citationRows] = await Promise.all([getRevision(db, revisionId), listFigures(db, revisionId), listCitations(db, revisionId)])
  if (!revision || revision.pageId !== page.id) return null
  const sourceIds = [...figureRows.map((f) => f.sourceId), ...citationRows.map((c) => c.sourceId)].filter((id): id is string => id !== null)
  const sources = await getSourcesByIds(db, sourceIds)
  const notComparable = notComparableFigures(revision.content.body, figureRows)
  return {
    page,
    revision,
    isStable: revision.id === page.stableRevisionId,
    hasPendingChanges: page.latestRevisionId !== page.stableRevisionId,
    bodyHtml: renderRevisionBody(revision.id, revision.content, figureRows, uiLang),
    figures: figureRows.map((f) => ({
      ...presentFigure(f),
      ageMonths: f.asOf ? monthsSince(f.asOf, now) : null,
      outdated: isOutdated(f.asOf, now, MAX_FIGURE_AGE_MONTHS),
      notComparable: notComparable.has(f.ordinal),
    })),
    citations: citationRows.map((c) => ({ n: c.ordinal + 1, sourceId: c.sourceId, quote: c.quote, locator: c.locator })),
    sources: Object.fromEntries([...sources].map(([id, s]) => [id, presentSource(s)])),
  }
}
