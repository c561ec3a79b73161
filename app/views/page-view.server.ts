import { config } from '#app/infra/config.server'
import type { PageContent } from '#app/core/content'
import { markDisputed } from '#app/core/disputed-html'
import { disputedTargets, type DisputeReason } from '#app/core/disputes'
import { isOutdated, notComparableFigures } from '#app/core/evidence'
import { quoteCheckOf } from '#app/core/link-check'
import { citationKeys, disputedOrdinals, figureKey } from '#app/core/evidence-key'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import type { MetricRegistry } from '#app/core/metrics'
import { monthsSince } from '#app/core/format'
import { renderBody } from '#app/core/render-html'
import { presentFigure, type FigureView } from '#app/presenters/figure'
import { presentSource, type SourceView } from '#app/presenters/source'
import type { DB } from '../models/db.server'
import { listCitations, listFigures, type FigureRecord } from '../models/evidence.server'
import { latestLinkChecks } from '../models/link-checks.server'
import { getPageBySlug, type PageRecord } from '../models/pages.server'
import { cachedRender } from './render-cache.server'
import { getRevision, type RevisionWithContent } from '../models/revisions.server'
import { loadMetricRegistry } from '../models/metrics.server'
import { listTargetSupport } from '../models/reports.server'
import { getSourcesByIds } from '../models/sources.server'


export interface ReaderFigure extends FigureView {
  ageMonths: number | null
  outdated: boolean
  notComparable: boolean
  /** The figure's metric in the reader's language: registered (linking /metrics/:slug) or as written. */
  metricInfo?: { slug: string; name: string; definition: string | null; registered: boolean } | null
  /** Readers see this figure as disputed (app/core/disputes.ts; optional: views built elsewhere may not compute it). */
  disputed?: boolean
  /** Why: a moderator upheld a report, a trusted person reported it, or enough readers did. */
  disputedBy?: DisputeReason | null
  /** The cited source's link status from the last check (null: not checked, or no source). */
  linkStatus?: string | null
  /** Whether the last check found the quote on the source page (null: unknown), and when. */
  quoteFound?: boolean | null
  quoteCheckedAt?: string | null
}

/** What the link checker last found for a figure's or citation's quote (app/core/link-check.ts). */
interface QuoteCheck {
  linkStatus?: string | null
  quoteFound?: boolean | null
  quoteCheckedAt?: string | null
}

export interface PageView {
  page: PageRecord
  revision: RevisionWithContent
  isStable: boolean
  hasPendingChanges: boolean
  bodyHtml: string
  figures: ReaderFigure[]
  citations: Array<{ n: number; sourceId: string | null; quote: string | null; locator: string | null; disputed?: boolean; disputedBy?: DisputeReason | null } & QuoteCheck>
  sources: Record<string, SourceView>
}

export type Which = { kind: 'stable' } | { kind: 'latest' } | { kind: 'revision'; id: string }

/** Renders the body once per revision and UI language: revisions never change. */
function renderRevisionBody(revisionId: string, content: PageContent, figures: readonly FigureRecord[], uiLang: Lang): string {
  return cachedRender(`${revisionId}:${uiLang}`, () => {
    const t = translator(uiLang)
    return renderBody(content.body, {
      figures: figures.map((f) => ({ start: f.start, end: f.end, ordinal: f.ordinal, marked: f.marked })),
      tableLabel: (n) => t('page.tableLabel', { n }),
    })
  })
}

function metricInfoOf(metrics: MetricRegistry, f: FigureRecord, lang: Lang): ReaderFigure['metricInfo'] {
  if (!f.metric) return null
  const metric = metrics.get(f.metric)
  return metric
    ? { slug: metric.slug, name: metric.name[lang], definition: metric.definition[lang], registered: true }
    : { slug: f.metric, name: f.metric, definition: f.metricDefinition, registered: false }
}

/** Everything a reader's view of one revision needs: the page, its HTML and its evidence. */
export async function loadPageView(db: DB, slug: string, which: Which, uiLang: Lang, now = new Date(), access: { reveal?: boolean; includeDeleted?: boolean } = {}): Promise<PageView | null> {
  const page = await getPageBySlug(db, slug, { includeDeleted: access.includeDeleted })
  if (!page) return null
  const revisionId = which.kind === 'stable' ? page.stableRevisionId : which.kind === 'latest' ? page.latestRevisionId : which.id
  if (!revisionId) return null
  const [revision, figures, citations, support, metrics] = await Promise.all([getRevision(db, revisionId, { reveal: access.reveal }), listFigures(db, revisionId), listCitations(db, revisionId), listTargetSupport(db, page.id), loadMetricRegistry(db)])
  if (!revision || revision.pageId !== page.id) return null
  // The evidence rows are derived from the snapshot: hidden with it (decision 028).
  const [figureRows, citationRows] = revision.contentHidden && !access.reveal ? [[], []] : [figures, citations]
  const sourceIds = [...figureRows.map((f) => f.sourceId), ...citationRows.map((c) => c.sourceId)].filter((id): id is string => id !== null)
  const [sources, checks] = await Promise.all([getSourcesByIds(db, sourceIds), latestLinkChecks(db, sourceIds)])
  const quoteCheck = (sourceId: string | null, quote: string | null): QuoteCheck => ({
    linkStatus: sourceId ? (sources.get(sourceId)?.linkStatus ?? null) : null,
    ...quoteCheckOf(sourceId ? checks.get(sourceId) : undefined, quote),
  })
  const notComparable = notComparableFigures(revision.content.body, figureRows, metrics)
  // Reports that enough people stand behind, or that a moderator upheld, mark their figures and
  // citations as disputed for every reader (app/core/disputes.ts, app/core/evidence-key.ts).
  const disputedKeys = disputedTargets(support, config.reportsToDispute)
  const figureKeys = figureRows.map(figureKey)
  const keysOfCitations = citationKeys(citationRows)
  const disputed = {
    figures: disputedOrdinals(figureRows, figureKeys, new Set(disputedKeys.keys())),
    citations: disputedOrdinals(citationRows, keysOfCitations, new Set(disputedKeys.keys())),
  }
  return {
    page,
    revision,
    isStable: revision.id === page.stableRevisionId,
    hasPendingChanges: page.latestRevisionId !== page.stableRevisionId,
    bodyHtml: revision.contentHidden && !access.reveal ? '' : markDisputed(renderRevisionBody(revision.id, revision.content, figureRows, uiLang), disputed),
    figures: figureRows.map((f, i) => ({
      ...presentFigure(f),
      ageMonths: f.asOf ? monthsSince(f.asOf, now) : null,
      outdated: isOutdated(f.asOf, now, config.figureMaxAgeMonths),
      notComparable: notComparable.has(f.ordinal),
      metricInfo: metricInfoOf(metrics, f, uiLang),
      disputed: disputed.figures.has(f.ordinal),
      disputedBy: disputedKeys.get(figureKeys[i]!) ?? null,
      ...quoteCheck(f.sourceId, f.quote),
    })),
    citations: citationRows.map((c, i) => ({ n: c.ordinal + 1, sourceId: c.sourceId, quote: c.quote, locator: c.locator, disputed: disputed.citations.has(c.ordinal), disputedBy: disputedKeys.get(keysOfCitations[i]!) ?? null, ...quoteCheck(c.sourceId, c.quote) })),
    sources: Object.fromEntries([...sources].map(([id, s]) => [id, presentSource(s)])),
  }
}
