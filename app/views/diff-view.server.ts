import type { RevisionStatus } from '#app/core/content'
import { diffEvidence, type FigureChange } from '#app/core/evidence-diff'
import { translator, type Translate } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { diffCitations, diffRevisions, metaUnchanged, renderBodyDiff, type DiffLabels, type MetaDiff } from '#app/core/revision-diff'
import { presentFigure, type FigureView } from '#app/presenters/figure'
import { presentSource, type SourceView } from '#app/presenters/source'
import type { DB } from '../models/db.server'
import { listCitations, listFigures, type CitationRecord } from '../models/evidence.server'
import { getPageBySlug } from '../models/pages.server'
import { cachedRender } from './render-cache.server'
import { getRevision, type RevisionWithContent } from '../models/revisions.server'
import { getSourcesByIds } from '../models/sources.server'

export interface RevisionSide {
  id: string
  createdAt: string
  author: string
  status: RevisionStatus
  summary: string
  size: number
  contentHidden: boolean
  summaryHidden: boolean
}

export interface CitationView {
  sourceId: string | null
  quote: string | null
  locator: string | null
}

export interface EvidenceChanges {
  figuresAdded: FigureView[]
  figuresRemoved: FigureView[]
  figuresChanged: Array<FigureChange<FigureView>>
  citationsAdded: CitationView[]
  citationsRemoved: CitationView[]
  citationsChanged: Array<{ before: CitationView; after: CitationView; fields: Array<'quote' | 'locator'> }>
}

export interface DiffView {
  page: { slug: string; title: string; lang: string; stableRevisionId: string | null; latestRevisionId: string }
  /** The older side; null when `to` is the page's first revision. */
  from: RevisionSide | null
  to: RevisionSide
  same: boolean
  meta: MetaDiff
  metaUnchanged: boolean
  bodyHtml: string
  bodyUnchanged: boolean
  evidence: EvidenceChanges
  sources: Record<string, SourceView>
}

/** The labels of a rendered diff in the UI language; citations are named by their source's title. */
export function diffLabels(t: Translate, sourceTitle: (id: string) => string | undefined): DiffLabels {
  return {
    added: t('diff.block.added'),
    removed: t('diff.block.removed'),
    changed: t('diff.block.changed'),
    addedStart: t('diff.addedStart'),
    addedEnd: t('diff.addedEnd'),
    removedStart: t('diff.removedStart'),
    removedEnd: t('diff.removedEnd'),
    formattingOnly: t('diff.formattingOnly'),
    skipped: (count) => t('diff.skipped', { count }),
    table: (n) => t('page.tableLabel', { n }),
    citation: (id) => t('diff.citation', { source: (id && sourceTitle(id)) || t('diff.unknownSource') }),
  }
}

function side(r: RevisionWithContent): RevisionSide {
  return { id: r.id, createdAt: r.createdAt, author: r.authorName, status: r.status, summary: r.summary, size: r.size, contentHidden: r.contentHidden, summaryHidden: r.summaryHidden }
}

const citationView = (c: CitationRecord): CitationView => ({ sourceId: c.sourceId, quote: c.quote, locator: c.locator })

/**
 * Everything the diff of two revisions of a page shows. `fromId` null compares `toId` with the
 * revision it followed. Either order is accepted; the older revision is always the "from" side.
 * Null when the page or either revision does not exist or belongs to another page.
 */
export async function loadDiffView(db: DB, slug: string, ids: { fromId: string | null; toId: string }, uiLang: Lang, access: { reveal?: boolean } = {}): Promise<DiffView | null> {
  const page = await getPageBySlug(db, slug)
  if (!page) return null
  const requestedTo = await getRevision(db, ids.toId, access)
  if (!requestedTo || requestedTo.pageId !== page.id) return null
  const fromId = ids.fromId ?? requestedTo.parentId
  const requestedFrom = fromId ? await getRevision(db, fromId, access) : null
  if (fromId && (!requestedFrom || requestedFrom.pageId !== page.id)) return null
  const [from, to] = requestedFrom && requestedFrom.id > requestedTo.id ? [requestedTo, requestedFrom] : [requestedFrom, requestedTo]

  // A hidden side shows nothing, its evidence rows (derived from its text) included.
  const visible = (r: RevisionWithContent | null): r is RevisionWithContent => r !== null && (!r.contentHidden || access.reveal === true)
  const [figuresBefore, citationsBefore, figuresAfter, citationsAfter] = await Promise.all([
    visible(from) ? listFigures(db, from.id) : [],
    visible(from) ? listCitations(db, from.id) : [],
    visible(to) ? listFigures(db, to.id) : [],
    visible(to) ? listCitations(db, to.id) : [],
  ])
  const figures = diffEvidence(
    { figures: figuresBefore.map(presentFigure), citationSources: citationsBefore.map((c) => c.sourceId) },
    { figures: figuresAfter.map(presentFigure), citationSources: citationsAfter.map((c) => c.sourceId) },
  )
  const citations = diffCitations(citationsBefore.map(citationView), citationsAfter.map(citationView))
  const sourceIds = [...figuresBefore, ...figuresAfter, ...citationsBefore, ...citationsAfter].map((x) => x.sourceId).filter((id): id is string => id !== null)
  const sources = await getSourcesByIds(db, sourceIds)

  const diff = diffRevisions(from?.content ?? null, to.content)
  const t = translator(uiLang)
  // Revisions never change, so neither does their diff (source titles are fixed once created).
  // The key names which sides were hidden: a diff rendered for an admin is never served to a reader.
  const hiddenTag = `${from && !visible(from) ? 'h' : ''}${visible(to) ? '' : 'H'}`
  const bodyHtml = cachedRender(`diff:${from?.id ?? 'none'}:${to.id}:${uiLang}:${hiddenTag}`, () => renderBodyDiff(diff.body, diffLabels(t, (id) => sources.get(id)?.title)))
  return {
    page: { slug: page.slug, title: page.title, lang: page.lang, stableRevisionId: page.stableRevisionId, latestRevisionId: page.latestRevisionId },
    from: from ? side(from) : null,
    to: side(to),
    same: from?.id === to.id,
    meta: diff.meta,
    metaUnchanged: metaUnchanged(diff.meta),
    bodyHtml,
    bodyUnchanged: diff.bodyUnchanged,
    evidence: {
      figuresAdded: figures.added,
      figuresRemoved: figures.removed,
      figuresChanged: figures.changed,
      citationsAdded: citations.added,
      citationsRemoved: citations.removed,
      citationsChanged: citations.changed,
    },
    sources: Object.fromEntries([...sources].map(([id, s]) => [id, presentSource(s)])),
  }
}
