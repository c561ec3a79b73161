import { getMarkRange } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import type { FigureAttrs } from '#app/core/content'
import { findFigures } from '#app/core/figures'
import type { Lang } from '#app/core/lang'
import type { FigureContext } from '#app/core/product-suggest'
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

const SENTENCE_END = /[.!?…](?=\s)/g

/**
 * Where a figure stands, as text to find its product in (app/core/product-suggest.ts): its
 * sentence, and in a table the header of its row (the row's first cell) and of its column (the
 * table's first row).
 */
export function figureContext(state: EditorState, pos: number): FigureContext[] {
  const $pos = state.doc.resolve(pos)
  const block = $pos.parent.textContent
  const at = Math.min($pos.parentOffset, block.length)
  let start = 0
  let end = block.length
  for (const m of block.matchAll(SENTENCE_END)) {
    const boundary = m.index + 1
    if (boundary <= at) start = boundary
    else {
      end = boundary
      break
    }
  }
  const contexts: FigureContext[] = [{ place: 'sentence', text: block.slice(start, end) }]
  for (let d = $pos.depth; d > 1; d--) {
    const cell = $pos.node(d)
    if (cell.type.name !== 'tableCell' && cell.type.name !== 'tableHeader') continue
    const column = $pos.index(d - 1)
    const row = $pos.node(d - 1)
    const table = $pos.node(d - 2)
    const rowIndex = $pos.index(d - 2)
    if (column > 0) contexts.push({ place: 'row', text: row.child(0).textContent })
    const header = table.firstChild
    if (rowIndex > 0 && header && column < header.childCount) contexts.push({ place: 'column', text: header.child(column).textContent })
    break
  }
  return contexts
}
