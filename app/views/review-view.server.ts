import { analyseContent, type FindingField, type FindingKind } from '#app/core/analyse'
import { elapsed } from '#app/core/elapsed'
import { diffEvidence } from '#app/core/evidence-diff'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { quoteCheckOf, BROKEN_STATUSES, type LinkStatus as CheckStatus } from '#app/core/link-check'
import type { MarketingCategory } from '#app/core/marketing'
import { productFactsDiff } from '#app/core/product'
import { renderBody } from '#app/core/render-html'
import { highlightsByBlock, referencedSourceIds, reviewHighlights, splitByRanges } from '#app/core/review-highlights'
import { diffRevisions, renderBodyDiff } from '#app/core/revision-diff'
import type { DB } from '#app/models/db.server'
import { listCitations, listFigures, listFindings, type FigureRecord } from '#app/models/evidence.server'
import { latestLinkChecks } from '#app/models/link-checks.server'
import { loadMetricRegistry } from '#app/models/metrics.server'
import { getAuthorRecords, getDecision } from '#app/models/moderation-queue.server'
import { getPageById } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { existingSourceIds, getSourcesByIds } from '#app/models/sources.server'
import { getUserById } from '#app/models/users.server'
import { presentFigure } from '#app/presenters/figure'
import { presentSource } from '#app/presenters/source'
import { pendingUndoneBy } from '#app/services/review-revision.server'
import { loadPendingConflicts } from './claims-view.server'
import { diffLabels } from './diff-view.server'

const figureView = (f: FigureRecord) => ({ ...presentFigure(f), ageMonths: null, outdated: false, notComparable: false })

/** A finding's field as the moderator reads it: "Title", "Category 2", "Product 1 (name)". */
const METRIC_KINDS: readonly FindingKind[] = ['metric-mismatch', 'unregistered-metric', 'undated-figure']

function fieldLabel(t: ReturnType<typeof translator>, field: FindingField): string {
  if (field === 'body' || field === 'title' || field === 'summary' || field === 'editSummary') return t(`mod.review.field.${field}`)
  const category = /^categories\.(\d+)$/.exec(field)
  if (category) return t('mod.review.field.category', { n: Number(category[1]) + 1 })
  const subject = /^subjects\.\w+\.(\d+)\.(.+)$/.exec(field)
  if (subject) return t('mod.review.field.subject', { n: Number(subject[1]) + 1, part: subject[2]! })
  return t('mod.review.field.other', { name: field.replace(/^fields\./, '') })
}

/**
 * The review page of one revision: its text with the findings marked, the diff against the stable
 * revision, evidence changes, the sources and their link checks, the author's record. Null when
 * the revision does not exist.
 */
export async function loadReviewView(db: DB, revisionId: string, options: { uiLang: Lang; canProtect: boolean }) {
  const { uiLang, canProtect } = options
  const t = translator(uiLang)
  const revision = await getRevision(db, revisionId)
  if (!revision) return null
  const page = (await getPageById(db, revision.pageId))!
  const stableId = page.stableRevisionId !== revision.id ? page.stableRevisionId : null
  // Rows derived from a hidden snapshot quote its text: hidden with it (decision 028).
  const hidden = revision.contentHidden
  const [figures, citations, storedFindings, author, records, decision, known, stableFigures, stableCitations, stable, undone, metrics] = await Promise.all([
    hidden ? [] : listFigures(db, revision.id),
    hidden ? [] : listCitations(db, revision.id),
    hidden ? [] : listFindings(db, revision.id),
    getUserById(db, revision.authorId),
    getAuthorRecords(db, [revision.authorId]),
    revision.status === 'pending' ? null : getDecision(db, revision.id),
    existingSourceIds(db, referencedSourceIds(revision.content.body)),
    stableId ? listFigures(db, stableId) : [],
    stableId ? listCitations(db, stableId) : [],
    stableId ? getRevision(db, stableId) : null,
    pendingUndoneBy(db, revision.id),
    loadMetricRegistry(db),
  ])
  // The findings are those of the one analysis the save, the lint API and the editor use, found
  // again from the snapshot: it is pure and cheap, and it names the field of every offset.
  const analysis = analyseContent(revision.content, known, { editSummary: revision.summary, metrics })
  const sourceIdsNow = new Set([...figures.map((f) => f.sourceId), ...citations.map((c) => c.sourceId)].filter((s): s is string => s !== null))
  const sourceIdsBefore = new Set([...stableFigures.map((f) => f.sourceId), ...stableCitations.map((c) => c.sourceId)].filter((s): s is string => s !== null))
  const removedSources = storedFindings.filter((f) => f.kind === 'citation-removed').map((f) => f.text)
  const [sources, checks] = await Promise.all([getSourcesByIds(db, [...sourceIdsNow, ...sourceIdsBefore, ...removedSources]), latestLinkChecks(db, [...sourceIdsNow])])
  // What the link checker last found about each quote of this revision (DESIGN.md: shown as findings).
  const quoteCheck = (sourceId: string | null, quote: string | null) => quoteCheckOf(sourceId ? checks.get(sourceId) : undefined, quote)
  const sourceViews = Object.fromEntries([...sources].map(([id, s]) => [id, presentSource(s)]))
  const sourceName = (id: string | null) => (id ? (sources.get(id)?.title ?? id) : null)

  const labels = {
    uncited: t('mod.hl.uncited'),
    mismatch: t('mod.hl.mismatch'),
    metricMismatch: t('mod.hl.metricMismatch'),
    marketing: (category: MarketingCategory, suggestion: string) => t('mod.hl.marketing', { category: t(`mod.category.${category}`), suggestion }),
  }
  const highlights = reviewHighlights(analysis.findings, labels)
  const bodyHtml = renderBody(revision.content.body, {
    figures: figures.map((f) => ({ start: f.start, end: f.end, ordinal: f.ordinal, marked: f.marked })),
    highlights,
    tableLabel: (n) => t('page.tableLabel', { n }),
  })
  // The text diff against the stable revision, with the same highlights on the newer side.
  const textDiff = stable ? diffRevisions(stable.content, revision.content) : null
  const diffHtml =
    textDiff && !textDiff.bodyUnchanged
      ? renderBodyDiff(textDiff.body, diffLabels(t, (id) => sources.get(id)?.title), { highlights: highlightsByBlock(revision.content.body, highlights) })
      : null
  const evidence = page.stableRevisionId === revision.id ? null : diffEvidence({ figures: stableFigures, citationSources: stableCitations.map((c) => c.sourceId) }, { figures, citationSources: citations.map((c) => c.sourceId) })
  const now = new Date()
  const marketing = analysis.findings.filter((f) => f.kind === 'marketing')
  const fieldMarks = (field: 'title' | 'summary') =>
    splitByRanges(
      revision.content[field],
      marketing.filter((f) => f.field === field).map((f) => ({ start: f.start, end: f.end, label: labels.marketing(f.category!, f.message) })),
    ).map((s) => ({ text: s.text, label: s.mark?.label ?? null }))

  const claimConflicts = revision.id === page.stableRevisionId ? [] : await loadPendingConflicts(db, { id: page.id, slug: page.slug, title: page.title }, revision.id, figures, uiLang, t)

  return {
    title: t('mod.review.title', { title: revision.content.title }),
    claimConflicts,
    canProtect,
    revision: {
      id: revision.id,
      status: revision.status,
      summary: revision.summary,
      createdAt: revision.createdAt,
      waiting: elapsed(revision.createdAt, now),
      riskScore: revision.riskScore,
      lang: revision.content.lang,
      title: fieldMarks('title'),
      summaryText: fieldMarks('summary'),
    },
    page: { slug: page.slug, title: page.title, stableRevisionId: page.stableRevisionId, isStable: page.stableRevisionId === revision.id },
    diffHref: stableId ? `/pages/${page.slug}/diff?from=${stableId}&to=${revision.id}` : null,
    // Pending revisions under this one whose change its text undoes: approving supersedes them.
    supersedes: undone.map((r) => ({ id: r.id, author: r.authorName, createdAt: r.createdAt })),
    bodyHtml,
    textDiff: textDiff ? { html: diffHtml } : null,
    productChanges: revision.content.product ? productFactsDiff(stable?.content.product ?? null, revision.content.product) : [],
    panels: figures.filter((f) => f.marked).map((f) => ({ ...figureView(f), ...quoteCheck(f.sourceId, f.quote) })),
    sources: sourceViews,
    findings: {
      uncited: analysis.findings.filter((f) => f.kind === 'uncited-figure').map((f) => ({ field: fieldLabel(t, f.field), body: f.field === 'body', text: f.text })),
      mismatched: analysis.findings.filter((f) => f.kind === 'quote-mismatch').map((f) => ({ text: f.text, quote: analysis.figures.find((g) => g.start === f.start)?.quote ?? null })),
      marketing: marketing.map((f) => ({ field: fieldLabel(t, f.field), text: f.text, category: f.category!, suggestion: f.message })),
      citationsRemoved: removedSources.map((id) => sourceName(id) ?? id),
      unknownSources: analysis.findings.filter((f) => f.kind === 'unknown-source').length,
      // What figures count and when (decision 026), with the analysis' message in the page's language.
      metrics: analysis.findings.filter((f) => METRIC_KINDS.includes(f.kind)).map((f) => ({ kind: f.kind as 'metric-mismatch' | 'unregistered-metric' | 'undated-figure', text: f.text, message: f.message })),
      // Sources readers cannot reach, and quotes the last check did not find on their source page.
      brokenLinks: [...sourceIdsNow].filter((id) => BROKEN_STATUSES.includes(sources.get(id)?.linkStatus as CheckStatus) && sourceViews[id]).map((id) => sourceViews[id]!),
      quotesMissing: [
        ...figures.map((f) => ({ text: f.text, sourceId: f.sourceId, quote: f.quote })),
        ...citations.map((c) => ({ text: null, sourceId: c.sourceId, quote: c.quote })),
      ].flatMap(({ text, sourceId, quote }) => {
        const check = quoteCheck(sourceId, quote)
        if (check.quoteFound !== false || !quote || !check.quoteCheckedAt) return []
        return [{ text, source: sourceName(sourceId), quote, lang: (sourceId && sourceViews[sourceId]?.lang) || null, checkedAt: check.quoteCheckedAt }]
      }),
    },
    evidence: evidence && {
      added: evidence.added.map((f) => ({ text: f.text, source: sourceName(f.sourceId), cited: f.cited })),
      removed: evidence.removed.map((f) => ({ text: f.text, source: sourceName(f.sourceId), cited: f.cited })),
      changed: evidence.changed.map((c) => ({ before: c.before.text, after: c.after.text, fields: c.fields })),
    },
    addedSources: [...sourceIdsNow].filter((id) => !sourceIdsBefore.has(id) && sourceViews[id]).map((id) => sourceViews[id]!),
    author: author && {
      username: author.username,
      role: author.role,
      accountAge: elapsed(author.createdAt, now),
      blockedUntil: author.blockedUntil,
      record: records.get(author.id) ?? { approved: 0, rejected: 0, pending: 0 },
    },
    decision,
  }
}
