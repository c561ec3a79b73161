import type { DocNode, PageContent } from './content'
import { findFigures, parseFigure, quoteShowsFigure, type FigureUnit } from './figures'
import type { Lang } from './lang'
import { findMarketing, type MarketingCategory, type MarketingFinding } from './marketing'
import { figureSpans, flattenDoc, type FlatDoc } from './plain-text'

export type FindingKind = 'uncited-figure' | 'quote-mismatch' | 'unknown-source' | 'marketing' | 'citation-removed'
export type FindingField = 'body' | 'title' | 'summary'

/** A flag for the editor and the moderator; never a silent rewrite. Offsets are into `field`. */
export interface Finding {
  kind: FindingKind
  field: FindingField
  text: string
  start: number | null
  end: number | null
  category: MarketingCategory | null
  message: string
}

export interface AnalysedFigure {
  ordinal: number
  text: string
  start: number
  end: number
  value: number | null
  unit: FigureUnit | null
  /** Inside a figure mark, i.e. the editor attached evidence to it. */
  marked: boolean
  sourceId: string | null
  /** The source id names a source that exists. */
  sourceKnown: boolean
  quote: string | null
  asOf: string | null
  metric: string | null
  /** DESIGN.md: inside a figure mark whose source exists and whose quote and asOf are set. */
  cited: boolean
  quoteShowsFigure: boolean
}

export interface AnalysedCitation {
  ordinal: number
  offset: number
  sourceId: string | null
  quote: string | null
  locator: string | null
  known: boolean
}

export interface Analysis {
  text: string
  figures: AnalysedFigure[]
  citations: AnalysedCitation[]
  marketing: MarketingFinding[]
  findings: Finding[]
}

export interface SourceLookup {
  has(id: string): boolean
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)

/** Every figure of the body: the marked ones, and each detected number outside any mark. */
export function collectFigures(flat: FlatDoc, lang: Lang, sources: SourceLookup): AnalysedFigure[] {
  const spans = figureSpans(flat)
  const figures: Omit<AnalysedFigure, 'ordinal'>[] = spans.map((span) => {
    const text = flat.text.slice(span.start, span.end)
    const attrs = span.mark.attrs ?? {}
    const sourceId = str(attrs.sourceId)
    const quote = str(attrs.quote)
    const asOf = str(attrs.asOf)
    const parsed = parseFigure(text.trim(), lang) ?? findFigures(text, lang)[0] ?? null
    const sourceKnown = sourceId !== null && sources.has(sourceId)
    return {
      text,
      start: span.start,
      end: span.end,
      value: parsed?.value ?? null,
      unit: parsed?.unit ?? null,
      marked: true,
      sourceId,
      sourceKnown,
      quote,
      asOf,
      metric: str(attrs.metric),
      cited: sourceKnown && quote !== null && asOf !== null,
      quoteShowsFigure: quote !== null && quoteShowsFigure(quote, text, lang, parsed),
    }
  })
  for (const block of flat.blocks) {
    const blockText = flat.text.slice(block.start, block.end)
    for (const found of findFigures(blockText, lang)) {
      const start = block.start + found.start
      const end = block.start + found.end
      if (spans.some((s) => s.start <= start && end <= s.end)) continue
      figures.push({
        text: found.text, start, end, value: found.value, unit: found.unit, marked: false,
        sourceId: null, sourceKnown: false, quote: null, asOf: null, metric: null, cited: false, quoteShowsFigure: false,
      })
    }
  }
  figures.sort((a, b) => a.start - b.start)
  return figures.map((f, ordinal) => ({ ...f, ordinal }))
}

export function collectCitations(flat: FlatDoc, sources: SourceLookup): AnalysedCitation[] {
  const citations: AnalysedCitation[] = []
  for (const block of flat.blocks) {
    for (const piece of block.inlines) {
      if (piece.node.type !== 'citation') continue
      const attrs = piece.node.attrs ?? {}
      const sourceId = str(attrs.sourceId)
      citations.push({
        ordinal: citations.length,
        offset: piece.start,
        sourceId,
        quote: str(attrs.quote),
        locator: str(attrs.locator),
        known: sourceId !== null && sources.has(sourceId),
      })
    }
  }
  return citations
}

// Opening and closing quotation marks of English, German and French typography.
const QUOTED = /["“„«‹‚]([^"“”„«»‹›‚‘]{1,600})["”“»›‘]/g
const SENTENCE_END = /[.!?](\s|$)/

/**
 * Quotations followed by a citation before the sentence ends are attributed to a source, and
 * promotional words inside them are the source's words, not the page's (LEXICON.md).
 */
export function attributedQuotations(flat: FlatDoc): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const block of flat.blocks) {
    const citationOffsets = block.inlines.filter((p) => p.node.type === 'citation').map((p) => p.start)
    if (citationOffsets.length === 0) continue
    const text = flat.text.slice(block.start, block.end)
    for (const match of text.matchAll(QUOTED)) {
      const start = block.start + match.index
      const end = start + match[0].length
      const rest = flat.text.slice(end, block.end)
      const sentenceEnd = end + (SENTENCE_END.exec(rest)?.index ?? rest.length) + 1
      if (citationOffsets.some((c) => c >= end && c <= sentenceEnd)) ranges.push([start, end])
    }
  }
  return ranges
}

export function analyseBody(body: DocNode, lang: Lang, sources: SourceLookup): Analysis {
  const flat = flattenDoc(body)
  const figures = collectFigures(flat, lang, sources)
  const citations = collectCitations(flat, sources)
  const marketing = findMarketing(flat.text, lang, { exemptRanges: attributedQuotations(flat) })
  const findings: Finding[] = []
  for (const f of figures) {
    if (!f.cited) {
      findings.push({ kind: 'uncited-figure', field: 'body', text: f.text, start: f.start, end: f.end, category: null, message: uncitedReason(f, sources) })
    } else if (!f.quoteShowsFigure) {
      findings.push({ kind: 'quote-mismatch', field: 'body', text: f.text, start: f.start, end: f.end, category: null, message: 'The quote does not show this figure.' })
    }
  }
  for (const c of citations) {
    if (!c.known) {
      findings.push({ kind: 'unknown-source', field: 'body', text: '', start: c.offset, end: c.offset, category: null, message: 'This citation names no known source.' })
    }
  }
  for (const m of marketing) {
    findings.push({ kind: 'marketing', field: 'body', text: m.text, start: m.start, end: m.end, category: m.category, message: m.suggestion })
  }
  return { text: flat.text, figures, citations, marketing, findings }
}

function uncitedReason(f: AnalysedFigure, sources: SourceLookup): string {
  if (!f.marked) return 'This figure has no source.'
  if (f.sourceId === null || !sources.has(f.sourceId)) return 'This figure names no known source.'
  if (f.quote === null) return 'This figure needs the quoted passage of its source.'
  return 'This figure needs the date it is "as of".'
}

/** Promotional language in the title and summary, which readers see too. */
export function analyseMetadata(content: Pick<PageContent, 'title' | 'summary' | 'lang'>): Finding[] {
  const findings: Finding[] = []
  for (const field of ['title', 'summary'] as const) {
    for (const m of findMarketing(content[field], content.lang)) {
      findings.push({ kind: 'marketing', field, text: m.text, start: m.start, end: m.end, category: m.category, message: m.suggestion })
    }
  }
  return findings
}

export interface ContentAnalysis extends Analysis {
  uncitedFigures: AnalysedFigure[]
}

export function analyseContent(content: PageContent, sources: SourceLookup): ContentAnalysis {
  const body = analyseBody(content.body, content.lang, sources)
  return {
    ...body,
    findings: [...analyseMetadata(content), ...body.findings],
    uncitedFigures: body.figures.filter((f) => !f.cited),
  }
}
