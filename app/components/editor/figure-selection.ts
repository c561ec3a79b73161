import { getMarkRange } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import type { FigureAttrs } from '#app/core/content'
import { findFigures } from '#app/core/figures'
import type { Lang } from '#app/core/lang'
import { blockTextAt, indexPlainText, offsetAt, rangeAt } from './text-positions'

export interface FigureTarget {
  from: number
  to: number
  text: string
  /** The evidence already on it, when the range is an existing figure mark. */
  existing: FigureAttrs | null
}

function attrsOf(value: Record<string, unknown>): FigureAttrs {
  const s = (v: unknown) => (typeof v === 'string' ? v : null)
  return { sourceId: s(value.sourceId), quote: s(value.quote), asOf: s(value.asOf), metric: s(value.metric), metricDefinition: s(value.metricDefinition), product: s(value.product) }
}

/**
 * What "Cite figure" applies to: the figure the cursor is in (to edit its evidence), else the
 * selected text without surrounding spaces, else the number the cursor stands in — so a keyboard
 * user need not select "375,000" character by character. Null when there is nothing to cite.
 */
export function figureTarget(state: EditorState, lang: Lang): FigureTarget | null {
  const { selection, doc, schema } = state
  const figure = schema.marks.figure!
  const { $from, from, to, empty } = selection
  // Next to or inside a figure, or a selection within one: edit that figure's evidence.
  const inMark = getMarkRange($from, figure)
  if (inMark && (empty || (inMark.from <= from && to <= inMark.to))) {
    const mark = doc.nodeAt(inMark.from)?.marks.find((m) => m.type === figure)
    return { ...inMark, text: doc.textBetween(inMark.from, inMark.to), existing: mark ? attrsOf(mark.attrs) : null }
  }
  if (!empty) {
    if (!$from.sameParent(selection.$to) || !$from.parent.isTextblock) return null
    const text = doc.textBetween(from, to)
    const lead = text.length - text.trimStart().length
    const trail = text.length - text.trimEnd().length
    if (text.trim() === '') return null
    return { from: from + lead, to: to - trail, text: text.trim(), existing: null }
  }
  const index = indexPlainText(doc)
  const offset = offsetAt(index, from)
  if (offset === null) return null
  const block = blockTextAt(index, offset)
  if (!block) return null
  const found = findFigures(block.text, lang).find((f) => block.start + f.start <= offset && offset <= block.start + f.end)
  if (!found) return null
  const range = rangeAt(index, block.start + found.start, block.start + found.end)
  return range ? { ...range, text: found.text, existing: null } : null
}
