import { analyseContent } from '#app/core/analyse'
import { elapsed } from '#app/core/elapsed'
import { diffEvidence } from '#app/core/evidence-diff'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { BROKEN_STATUSES, quoteCheckOf, type LinkStatus as CheckStatus } from '#app/core/link-check'
import type { MarketingCategory } from '#app/core/marketing'
import { renderBody } from '#app/core/render-html'
import { highlightsByBlock, referencedSourceIds, reviewHighlights, splitByRanges } from '#app/core/review-highlights'
import { diffRevisions, renderBodyDiff } from '#app/core/revision-diff'
import type { DB } from '#app/models/db.server'
import { listCitations, listFigures, listFindings, type FigureRecord } from '#app/models/evidence.server'
import { latestLinkChecks } from '#app/models/link-checks.server'
import { getAuthorRecords, getDecision } from '#app/models/moderation-queue.server'
import { getPageById } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { existingSourceIds, getSourcesByIds } from '#app/models/sources.server'
import { getUserById } from '#app/models/users.server'
import { presentFigure } from '#app/presenters/figure'
import { presentSource } from '#app/presenters/source'
import { diffLabels } from './diff-view.server'

const figureView = (f: FigureRecord) => ({ ...presentFigure(f), ageMonths: null, outdated: false, notComparable: false })

/**
 * What a moderator reviews: the revision rendered with its findings highlighted, the diff against
 * the stable revision, the evidence it adds and drops, the link checker's word on its sources, and
 * the author's record. Null when there is no such revision.
 */
export async function loadReviewView(db: DB, revisionId: string, uiLang: Lang) {
  const t = translator(uiLang)
  const revision = await getRevision(db, revisionId)
  if (!revision) return null
  const page = (await getPageById(db, revision.pageId))!
  const stableId = page.stableRevisionId !== revision.id ? page.stableRevisionId : null
  const [figures, citations, storedFindings, author, records, decision, known, stableFigures, stableCitations, stable] = await Promise.all([
    listFigures(db, revision.id),
    listCitations(db, revision.id),
    listFindings(db, revision.id),
    getUserById(db, revision.authorId),
    getAuthorRecords(db, [revision.authorId]),
    revision.status === 'pending' ? null : getDecision(db, revision.id),
    existingSourceIds(db, referencedSourceIds(revision.content.body)),
    stableId ? listFigures(db, stableId) : [],
    stableId ? listCitations(db, stableId) : [],
    stableId ? getRevision(db, stableId) : null,
  ])
  // Promotional language is found again from the snapshot: findings rows do not keep which field
  // (title, summary, body) their offsets point into, and the analysis is pure and cheap.
  const analysis = analyseContent(revision.content, known)
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
    marketing: (category: MarketingCategory, suggestion: string) => t('mod.hl.marketing', { category: t(`mod.category.${category}`), suggestion }),
  }
  const highlights = reviewHighlights(figures, analysis.findings, labels)
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

  return {
    title: t('mod.review.title', { title: revision.content.title }),
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
    bodyHtml,
    textDiff: textDiff ? { html: diffHtml } : null,
    panels: figures.filter((f) => f.marked).map((f) => ({ ...figureView(f), ...quoteCheck(f.sourceId, f.quote) })),
    sources: sourceViews,
    findings: {
      uncited: figures.filter((f) => !f.cited).map((f) => ({ ordinal: f.ordinal, text: f.text })),
      mismatched: figures.filter((f) => f.cited && !f.quoteShowsFigure).map((f) => ({ ordinal: f.ordinal, text: f.text, quote: f.quote })),
      marketing: marketing.map((f) => ({ field: f.field, text: f.text, category: f.category!, suggestion: f.message })),
      citationsRemoved: removedSources.map((id) => sourceName(id) ?? id),
      unknownSources: analysis.findings.filter((f) => f.kind === 'unknown-source').length,
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
