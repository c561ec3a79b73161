import { escapeHtml } from './html'

/**
 * What the reading layout derives from a rendered body (issue 15): the contents, the marks a
 * figure carries inline, and one reference per source. The body HTML is cached per revision,
 * while a figure's age and reports change, so states are added per response by rewriting the
 * exact tags `renderBody` emits (as `markDisputed` does).
 */

export interface ContentsEntry {
  level: 2 | 3
  id: string
  text: string
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" }

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim()
}

/** The body's second- and third-level headings, in order, with the ids the renderer gave them. */
export function tableOfContents(html: string): ContentsEntry[] {
  const entries: ContentsEntry[] = []
  for (const match of html.matchAll(/<h([23]) id="([^"]+)">([\s\S]*?)<\/h\1>/g)) {
    const text = textOf(match[3] ?? '')
    if (text) entries.push({ level: match[1] === '2' ? 2 : 3, id: match[2]!, text })
  }
  return entries
}

export const FIGURE_STATES = ['outdated', 'selfReported', 'disputed', 'notComparable'] as const
export type FigureState = (typeof FIGURE_STATES)[number]

/** A mark for each state: a shape as well as a colour, so no state relies on colour alone. */
export const STATE_SYMBOL: Record<FigureState, string> = { outdated: '◷', selfReported: '✎', disputed: '!', notComparable: '≠' }

function figureStates(figure: { outdated: boolean; notComparable: boolean; disputed?: boolean }, selfReported: boolean): FigureState[] {
  return FIGURE_STATES.filter((state) => (state === 'selfReported' ? selfReported : state === 'disputed' ? figure.disputed === true : figure[state]))
}

/**
 * Adds each figure's states to its button: a `data-states` attribute for the styles and, inside
 * the button, a symbol per state with its words for screen readers (part of the button's name).
 */
export function markFigureStates(html: string, states: ReadonlyMap<number, readonly FigureState[]>, label: (state: FigureState) => string): string {
  let out = html
  for (const [n, list] of states) {
    if (!Number.isInteger(n) || list.length === 0) continue
    const at = out.indexOf(`<button type="button" class="fig" id="fig-${n}" `)
    if (at < 0) continue
    const tagEnd = out.indexOf('>', at)
    const close = out.indexOf('</button>', at)
    if (tagEnd < 0 || close < 0) continue
    const marks = list.map((state) => `<span class="fig-mark fig-mark--${state}" aria-hidden="true">${STATE_SYMBOL[state]}</span><span class="visually-hidden"> (${escapeHtml(label(state))})</span>`).join('')
    // The attribute goes last in the tag, so the tag's start stays what markDisputed rewrites.
    out = out.slice(0, tagEnd) + ` data-states="${list.join(' ')}"` + out.slice(tagEnd, close) + marks + out.slice(close)
  }
  return out
}

export interface CitationLike {
  n: number
  sourceId: string | null
}

export interface ReferenceGroup<C extends CitationLike> {
  /** The reference's number, shown in the text wherever its source is cited. */
  n: number
  sourceId: string | null
  /** Each citation of the source in text order, with its back-link letter (a, b, c …). */
  uses: Array<{ citation: C; letter: string }>
}

/** The letters Wikipedia uses for back-links: a … z, then aa, ab … */
export function backLinkLetter(index: number): string {
  let letter = ''
  let i = index
  do {
    letter = String.fromCharCode(97 + (i % 26)) + letter
    i = Math.floor(i / 26) - 1
  } while (i >= 0)
  return letter
}

/** One reference per source, numbered by first use; a citation without a source stands alone. */
export function groupReferences<C extends CitationLike>(citations: readonly C[]): ReferenceGroup<C>[] {
  const groups: ReferenceGroup<C>[] = []
  const bySource = new Map<string, ReferenceGroup<C>>()
  for (const citation of [...citations].sort((a, b) => a.n - b.n)) {
    let group = citation.sourceId ? bySource.get(citation.sourceId) : undefined
    if (!group) {
      group = { n: groups.length + 1, sourceId: citation.sourceId, uses: [] }
      groups.push(group)
      if (citation.sourceId) bySource.set(citation.sourceId, group)
    }
    group.uses.push({ citation, letter: backLinkLetter(group.uses.length) })
  }
  return groups
}

/** Shows each in-text citation with its reference's number ([2] wherever source 2 is cited). */
export function renumberCitations(html: string, groups: readonly ReferenceGroup<CitationLike>[]): string {
  const numberOf = new Map<number, number>()
  for (const group of groups) for (const use of group.uses) numberOf.set(use.citation.n, group.n)
  return html.replace(/<a href="#cite-(\d+)">\[(\d+)\]<\/a>/g, (whole, n: string) => {
    const group = numberOf.get(Number(n))
    return group === undefined ? whole : `<a href="#cite-${n}">[${group}]</a>`
  })
}

export interface PageFacts {
  figures: number
  outdated: number
  selfReported: number
  disputed: number
  notComparable: number
}

interface ReadingFigure {
  ordinal: number
  cited: boolean
  sourceId: string | null
  outdated: boolean
  notComparable: boolean
  disputed?: boolean
}

/**
 * The reading view of a rendered body: figure states marked inline, citations numbered per
 * source, the contents, and the counts the side column shows.
 */
export function prepareReading(input: {
  bodyHtml: string
  figures: readonly ReadingFigure[]
  citations: readonly CitationLike[]
  isSelfReported: (sourceId: string) => boolean
  label: (state: FigureState) => string
}): { bodyHtml: string; contents: ContentsEntry[]; facts: PageFacts; states: Record<number, FigureState[]> } {
  const states = new Map<number, FigureState[]>()
  const facts: PageFacts = { figures: 0, outdated: 0, selfReported: 0, disputed: 0, notComparable: 0 }
  for (const figure of input.figures) {
    if (!figure.cited) continue
    const list = figureStates(figure, figure.sourceId !== null && input.isSelfReported(figure.sourceId))
    states.set(figure.ordinal, list)
    facts.figures++
    for (const state of list) facts[state]++
  }
  const marked = markFigureStates(input.bodyHtml, states, input.label)
  return {
    bodyHtml: renumberCitations(marked, groupReferences(input.citations)),
    contents: tableOfContents(input.bodyHtml),
    facts,
    states: Object.fromEntries(states),
  }
}
