import type { DocNode, PageContent } from './content'
import { findFigures, parseFigure, quoteShowsFigure, type FigureUnit } from './figures'
import type { Lang } from './lang'
import { findMarketing, type MarketingCategory, type MarketingFinding } from './marketing'
import { figureSpans, flattenDoc, type FlatDoc } from './plain-text'
import { isUndated } from './as-of'
import { findMetricMismatches, type MetricMismatch } from './metric-mismatch'
import type { MetricRegistry } from './metrics'

export type FindingKind =
  | 'uncited-figure'
  | 'quote-mismatch'
  | 'unknown-source'
  | 'marketing'
  | 'citation-removed'
  | 'metric-mismatch'
  | 'unregistered-metric'
  | 'undated-figure'
/**
 * Where a finding's offsets point: the body's plain text, the title, the summary, the edit summary,
 * or any other text field of the snapshot by its path ("categories.1", "subjects.proprietary.0.name").
 */
export type FindingField = 'body' | 'title' | 'summary' | 'editSummary' | `categories.${number}` | `subjects.${string}` | `fields.${string}`

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
  /** 'body' for the body; a text field (title, summary, a category, a product field…) otherwise. */
  field: FindingField
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
  /** YYYY, YYYY-MM, YYYY-MM-DD or 'undated' (app/core/as-of.ts). */
  asOf: string | null
  /** A registry slug, or the words of an unregistered metric. */
  metric: string | null
  /** The written definition of an unregistered metric. */
  metricDefinition: string | null
  /** The slug of the product the figure is about. */
  product: string | null
  /** Inside a figure mark whose source exists, whose quote shows the number and whose asOf is set. */
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
  /** Figures set beside others of a metric they cannot be compared with; readers see them marked. */
  mismatches: MetricMismatch[]
  findings: Finding[]
}

export interface SourceLookup {
  has(id: string): boolean
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)

/** Every figure of the body: the marked ones, and each detected number outside any mark. */
function collectFigures(flat: FlatDoc, lang: Lang, sources: SourceLookup): AnalysedFigure[] {
  const spans = figureSpans(flat)
  const figures: Omit<AnalysedFigure, 'ordinal'>[] = spans.map((span) => {
    const text = flat.text.slice(span.start, span.end)
    const attrs = span.mark.attrs ?? {}
    const sourceId = str(attrs.sourceId)
    const quote = str(attrs.quote)
    const asOf = str(attrs.asOf)
    const parsed = parseFigure(text.trim(), lang) ?? findFigures(text, lang)[0] ?? null
    const sourceKnown = sourceId !== null && sources.has(sourceId)
    const shows = quote !== null && quoteShowsFigure(quote, text, lang, parsed)
    return {
      field: 'body',
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
      metricDefinition: str(attrs.metricDefinition),
      product: str(attrs.product),
      cited: sourceKnown && shows && asOf !== null,
      quoteShowsFigure: shows,
    }
  })
  for (const block of flat.blocks) {
    const blockText = flat.text.slice(block.start, block.end)
    for (const found of findFigures(blockText, lang)) {
      const start = block.start + found.start
      const end = block.start + found.end
      if (spans.some((s) => s.start <= start && end <= s.end)) continue
      figures.push({
        field: 'body', text: found.text, start, end, value: found.value, unit: found.unit, marked: false,
        sourceId: null, sourceKnown: false, quote: null, asOf: null, metric: null, metricDefinition: null, product: null, cited: false, quoteShowsFigure: false,
      })
    }
  }
  figures.sort((a, b) => a.start - b.start)
  return figures.map((f, ordinal) => ({ ...f, ordinal }))
}

function collectCitations(flat: FlatDoc, sources: SourceLookup): AnalysedCitation[] {
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

/**
 * `metrics` is the registry (app/models/metrics.server.ts); without one, what figures count is not
 * checked (a caller that has no database), only whether they are dated.
 */
export function analyseBody(body: DocNode, lang: Lang, sources: SourceLookup, metrics?: MetricRegistry): Analysis {
  const flat = flattenDoc(body)
  const figures = collectFigures(flat, lang, sources)
  const citations = collectCitations(flat, sources)
  const marketing = findMarketing(flat.text, lang, { exemptRanges: attributedQuotations(flat) })
  const findings: Finding[] = []
  for (const f of figures) {
    if (f.cited) continue
    const mismatch = f.marked && f.sourceKnown && f.quote !== null && !f.quoteShowsFigure
    findings.push({
      kind: mismatch ? 'quote-mismatch' : 'uncited-figure', field: 'body', text: f.text, start: f.start, end: f.end, category: null,
      message: MESSAGES[lang][mismatch ? 'mismatch' : uncitedReason(f)],
    })
  }
  for (const c of citations) {
    if (!c.known) {
      findings.push({ kind: 'unknown-source', field: 'body', text: '', start: c.offset, end: c.offset, category: null, message: MESSAGES[lang].citationUnknown })
    }
  }
  for (const m of marketing) {
    findings.push({ kind: 'marketing', field: 'body', text: m.text, start: m.start, end: m.end, category: m.category, message: m.suggestion })
  }
  const mismatches = metrics ? findMetricMismatches(flat, figures.flatMap((f) => (f.marked && f.metric !== null ? [{ start: f.start, end: f.end, text: f.text, metric: f.metric }] : [])), metrics) : []
  findings.push(...metricFindings(figures, mismatches, metrics, lang))
  // In reading order, as the editor lists them and the review page marks them.
  findings.sort((a, b) => (a.start ?? 0) - (b.start ?? 0))
  return { text: flat.text, figures, citations, marketing, mismatches, findings }
}

/**
 * The moderator's findings about what figures count and when (decision 026): metrics that cannot
 * be compared set side by side, metrics outside the registry, and numbers the source does not date.
 */
function metricFindings(figures: readonly AnalysedFigure[], mismatches: readonly MetricMismatch[], metrics: MetricRegistry | undefined, lang: Lang): Finding[] {
  const name = (slug: string) => metrics?.get(slug)?.name[lang] ?? `“${slug}”`
  const findings: Finding[] = mismatches.map((m) => ({
    kind: 'metric-mismatch', field: 'body', text: m.text, start: m.start, end: m.end, category: null,
    message: METRIC_MESSAGES[lang].mismatch(name(m.metric), m.against.map(name).join(', '), m.scope),
  }))
  for (const f of figures) {
    if (!f.marked) continue
    if (metrics && f.metric !== null && !metrics.get(f.metric)) {
      const message = f.metricDefinition === null ? METRIC_MESSAGES[lang].unregisteredUndefined(f.metric) : METRIC_MESSAGES[lang].unregistered(f.metric)
      findings.push({ kind: 'unregistered-metric', field: 'body', text: f.text, start: f.start, end: f.end, category: null, message })
    }
    if (isUndated(f.asOf)) {
      findings.push({ kind: 'undated-figure', field: 'body', text: f.text, start: f.start, end: f.end, category: null, message: METRIC_MESSAGES[lang].undated })
    }
  }
  return findings
}

type Scope = MetricMismatch['scope']
const METRIC_MESSAGES: Readonly<Record<Lang, { mismatch: (metric: string, against: string, scope: Scope) => string; unregistered: (metric: string) => string; unregisteredUndefined: (metric: string) => string; undated: string }>> = {
  en: {
    mismatch: (metric, against, scope) => `Not comparable: this figure counts ${metric}, set beside ${against} in the same ${scope}. Say what each counts, or separate them.`,
    unregistered: (metric) => `“${metric}” is not a registered metric; its written definition will be checked by a moderator, or choose one from /metrics.`,
    unregisteredUndefined: (metric) => `“${metric}” is not a registered metric and has no definition: choose a metric from /metrics, or write down what the number counts.`,
    undated: 'The source gives no date for this number: readers see it as not dated, with the source’s publication date.',
  },
  de: {
    mismatch: (metric, against, scope) => `Nicht vergleichbar: Diese Zahl zählt ${metric} und steht ${{ sentence: 'im selben Satz', row: 'in derselben Zeile', column: 'in derselben Spalte' }[scope]} neben ${against}. Sagen Sie, was jede zählt, oder trennen Sie sie.`,
    unregistered: (metric) => `„${metric}“ ist keine registrierte Kennzahl; die Moderation prüft die angegebene Definition, oder wählen Sie eine aus /metrics.`,
    unregisteredUndefined: (metric) => `„${metric}“ ist keine registrierte Kennzahl und hat keine Definition: Wählen Sie eine Kennzahl aus /metrics oder schreiben Sie, was die Zahl zählt.`,
    undated: 'Die Quelle nennt für diese Zahl kein Datum: Lesende sehen sie als undatiert, mit dem Veröffentlichungsdatum der Quelle.',
  },
  fr: {
    mismatch: (metric, against, scope) => `Non comparable : ce chiffre compte ${metric}, placé à côté de ${against} dans ${{ sentence: 'la même phrase', row: 'la même ligne', column: 'la même colonne' }[scope]}. Dites ce que chacun compte, ou séparez-les.`,
    unregistered: (metric) => `« ${metric} » n’est pas une mesure enregistrée ; un modérateur vérifiera sa définition écrite, ou choisissez-en une dans /metrics.`,
    unregisteredUndefined: (metric) => `« ${metric} » n’est pas une mesure enregistrée et n’a pas de définition : choisissez une mesure dans /metrics, ou écrivez ce que le nombre compte.`,
    undated: 'La source ne date pas ce nombre : les lecteurs le voient comme non daté, avec la date de publication de la source.',
  },
}

type MessageKey = 'noSource' | 'unknownSource' | 'noQuote' | 'noAsOf' | 'mismatch' | 'citationUnknown' | 'inField'

/** What a figure finding tells the editor, in the page's language (as promotional findings do). */
const MESSAGES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  en: {
    noSource: 'This figure has no source.',
    unknownSource: 'This figure names no known source.',
    noQuote: 'This figure needs the quoted passage of its source.',
    noAsOf: 'This figure needs the date it is "as of".',
    mismatch: 'The quote does not show this figure.',
    citationUnknown: 'This citation names no known source.',
    inField: 'This field states a figure, which it cannot cite: move the figure into the text with its source, or leave it out.',
  },
  de: {
    noSource: 'Diese Zahl hat keine Quelle.',
    unknownSource: 'Diese Zahl nennt keine bekannte Quelle.',
    noQuote: 'Diese Zahl braucht die zitierte Stelle ihrer Quelle.',
    noAsOf: 'Diese Zahl braucht das Datum, zu dem sie gilt („Stand“).',
    mismatch: 'Das Zitat zeigt diese Zahl nicht.',
    citationUnknown: 'Dieser Beleg nennt keine bekannte Quelle.',
    inField: 'Dieses Feld nennt eine Zahl, die es nicht belegen kann: Zahl mit ihrer Quelle in den Text verschieben oder weglassen.',
  },
  fr: {
    noSource: 'Ce chiffre n’a pas de source.',
    unknownSource: 'Ce chiffre ne nomme aucune source connue.',
    noQuote: 'Ce chiffre a besoin du passage cité de sa source.',
    noAsOf: 'Ce chiffre a besoin de la date à laquelle il vaut (« au … »).',
    mismatch: 'La citation ne montre pas ce chiffre.',
    citationUnknown: 'Cette référence ne nomme aucune source connue.',
    inField: 'Ce champ donne un chiffre qu’il ne peut pas sourcer : déplacez-le dans le texte avec sa source, ou retirez-le.',
  },
}

function uncitedReason(f: AnalysedFigure): MessageKey {
  if (!f.marked) return 'noSource'
  if (!f.sourceKnown) return 'unknownSource'
  if (f.quote === null) return 'noQuote'
  return 'noAsOf'
}

/** Keys of the snapshot that are not free text: the body has its own analysis, `lang` is a code. */
const NOT_TEXT_FIELDS = new Set(['body', 'lang'])

/**
 * Every text field of a snapshot except the body, with its path: title, summary, each category,
 * each product field, and any field added later (walked, not listed, so a new field cannot slip
 * past the figure rule). The edit summary is not part of the snapshot and comes as an extra field.
 */
function textFields(content: PageContent, extra: Readonly<Record<string, string>> = {}): Array<{ field: FindingField; text: string }> {
  const fields: Array<{ field: FindingField; text: string }> = []
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.trim() !== '') fields.push({ field: path as FindingField, text: value })
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}.${i}`))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`)
    }
  }
  for (const [key, value] of Object.entries(content)) {
    if (NOT_TEXT_FIELDS.has(key)) continue
    if (key === 'title' || key === 'summary' || key === 'categories' || key === 'subjects') walk(value, key)
    else walk(value, `fields.${key}`)
  }
  for (const [key, value] of Object.entries(extra)) walk(value, key)
  return fields
}

/**
 * Figures and promotional language in every text field but the body. A field cannot carry
 * evidence, so each figure in it is uncited and keeps the revision from publishing, like an
 * uncited figure of the body. Promotional language is flagged in the fields readers see.
 */
function analyseFields(content: PageContent, extra: Readonly<Record<string, string>> = {}): { figures: AnalysedFigure[]; findings: Finding[] } {
  const lang = content.lang
  const figures: AnalysedFigure[] = []
  const findings: Finding[] = []
  for (const { field, text } of textFields(content, extra)) {
    for (const f of findFigures(text, lang)) {
      figures.push({
        ordinal: figures.length, field, text: f.text, start: f.start, end: f.end, value: f.value, unit: f.unit, marked: false,
        sourceId: null, sourceKnown: false, quote: null, asOf: null, metric: null, metricDefinition: null, product: null, cited: false, quoteShowsFigure: false,
      })
      findings.push({ kind: 'uncited-figure', field, text: f.text, start: f.start, end: f.end, category: null, message: MESSAGES[lang].inField })
    }
    if (!MARKETING_FIELDS.has(field)) continue
    for (const m of findMarketing(text, lang)) {
      findings.push({ kind: 'marketing', field, text: m.text, start: m.start, end: m.end, category: m.category, message: m.suggestion })
    }
  }
  return { figures, findings }
}

/** Prose fields, where wording matters; names, addresses and licence ids are not flagged as promotional. */
const MARKETING_FIELDS: ReadonlySet<string> = new Set(['title', 'summary', 'editSummary'])

export interface ContentAnalysis extends Analysis {
  /** Figures of the fields other than the body (never cited: a field cannot carry evidence). */
  fieldFigures: AnalysedFigure[]
  /** Every figure that keeps the revision from publishing, body and fields. */
  uncitedFigures: AnalysedFigure[]
}

export interface AnalyseOptions {
  /** The edit summary, which the history shows to readers: it follows the same figure rule. */
  editSummary?: string
  /** The metric registry (app/models/metrics.server.ts); without it every metric is unregistered. */
  metrics?: MetricRegistry
}

/**
 * The one analysis of a revision: the save, the review page, the rollback and (through the lint
 * API) the editor's live checks all call this, so they report the same findings.
 */
export function analyseContent(content: PageContent, sources: SourceLookup, options: AnalyseOptions = {}): ContentAnalysis {
  const body = analyseBody(content.body, content.lang, sources, options.metrics)
  const fields = analyseFields(content, options.editSummary ? { editSummary: options.editSummary } : {})
  return {
    ...body,
    findings: [...fields.findings, ...body.findings],
    fieldFigures: fields.figures,
    uncitedFigures: [...fields.figures, ...body.figures.filter((f) => !f.cited)],
  }
}

/** A stored finding's field: the findings table keeps a field other than the body in `category`. */
export function isFieldName(value: string | null): value is Exclude<FindingField, 'body'> {
  return value !== null && /^(?:title|summary|editSummary|categories\.\d+|subjects\..+|fields\..+)$/.test(value)
}
