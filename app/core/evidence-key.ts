/**
 * Target keys: how a reader report names the figure or citation it is about, so that the report
 * still finds its target in the next revision of the page.
 *
 * Why not the ordinal (the n-th figure of the revision)? Every edit that adds a number earlier on
 * the page shifts every later ordinal, so a report would jump to another figure. Why not the
 * revision? A report must outlive edits that do not touch the reported claim: a disputed figure
 * stays disputed in the next revision until a moderator resolves the report.
 *
 * - A figure is keyed by its source and what it states: `figure:<sourceId>:<value>[ <unit>]`
 *   (the parsed value, so "5,000" and "5 000" are one claim; the normalised text when the number
 *   does not parse). Editing prose around it keeps the key; changing the number or its source
 *   makes it a different claim, which the old report is no longer about. Two figures citing the
 *   same number from the same source share a key: they are the same claim and are disputed together.
 * - A citation (a footnote) has no text of its own, so it is keyed by its source and its place
 *   among that source's citations: `citation:<sourceId>:<n>` (n from 1). Citations of other
 *   sources added or removed elsewhere do not move it.
 *
 * Keys are scoped to a page (reports carry the page id too).
 */

export interface KeyedFigure {
  sourceId: string | null
  value: number | null
  unit: string | null
  text: string
}

export interface KeyedCitation {
  sourceId: string | null
}

/** NFKC folds no-break and narrow no-break spaces into spaces; case and spacing do not make another claim. */
function normaliseFigureText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
}

export function figureKey(figure: KeyedFigure): string {
  const what = figure.value !== null && Number.isFinite(figure.value) ? `${figure.value}${figure.unit ? ` ${figure.unit}` : ''}` : normaliseFigureText(figure.text)
  return `figure:${figure.sourceId ?? 'none'}:${what}`
}

/** The key of each citation, in document order (the n-th citation of the same source). */
export function citationKeys(citations: readonly KeyedCitation[]): string[] {
  const seen = new Map<string, number>()
  return citations.map((c) => {
    const source = c.sourceId ?? 'none'
    const n = (seen.get(source) ?? 0) + 1
    seen.set(source, n)
    return `citation:${source}:${n}`
  })
}

export type TargetKind = 'figure' | 'citation'

export function targetKindOf(key: string): TargetKind | null {
  return key.startsWith('figure:') ? 'figure' : key.startsWith('citation:') ? 'citation' : null
}

/** Ordinals (in the given lists) whose key has an open report. */
export function disputedOrdinals<T extends { ordinal: number }>(items: readonly T[], keys: readonly string[], open: ReadonlySet<string>): Set<number> {
  const result = new Set<number>()
  items.forEach((item, i) => {
    const key = keys[i]
    if (key !== undefined && open.has(key)) result.add(item.ordinal)
  })
  return result
}
