import type { DocMark, DocNode } from './content'

/**
 * The plain text of a document, as the lint API and every finding count offsets: text blocks
 * (paragraphs and headings, wherever they sit: lists, quotes, table cells) joined by "\n"; a hard
 * break is "\n" inside its block; a citation takes no room. Offsets are UTF-16 indexes.
 */
interface InlinePiece {
  node: DocNode
  start: number
  end: number
}
/** Where a text block sits in a table: which table of the document, and its row and column. */
interface CellPosition {
  table: number
  row: number
  /** The cell's first column, counting the column spans of the cells before it. */
  column: number
  header: boolean
}
export interface TextBlock {
  node: DocNode
  start: number
  end: number
  inlines: InlinePiece[]
  /** Set for the text blocks of a table cell. */
  cell?: CellPosition
}
export interface FlatDoc {
  text: string
  blocks: TextBlock[]
}

const TEXTBLOCKS = new Set(['paragraph', 'heading'])

export function flattenDoc(body: DocNode): FlatDoc {
  const blocks: TextBlock[] = []
  const parts: string[] = []
  let offset = 0
  let tables = 0
  const stack: Array<{ node: DocNode; cell?: CellPosition }> = [{ node: body }]
  while (stack.length > 0) {
    const { node, cell } = stack.pop()!
    if (TEXTBLOCKS.has(node.type)) {
      if (blocks.length > 0) {
        parts.push('\n')
        offset += 1
      }
      const block: TextBlock = { node, start: offset, end: offset, inlines: [], ...(cell ? { cell } : {}) }
      for (const child of node.content ?? []) {
        const piece = child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? '\n' : ''
        block.inlines.push({ node: child, start: offset, end: offset + piece.length })
        parts.push(piece)
        offset += piece.length
      }
      block.end = offset
      blocks.push(block)
    } else if (node.type === 'table' && node.content) {
      const table = tables++
      const cells: Array<{ node: DocNode; cell: CellPosition }> = []
      node.content.forEach((row, r) => {
        let column = 0
        for (const c of row.content ?? []) {
          cells.push({ node: c, cell: { table, row: r, column, header: c.type === 'tableHeader' } })
          const span = Number(c.attrs?.colspan ?? 1)
          column += Number.isInteger(span) && span > 0 ? span : 1
        }
      })
      for (let i = cells.length - 1; i >= 0; i--) stack.push(cells[i]!)
    } else if (node.content) {
      for (let i = node.content.length - 1; i >= 0; i--) stack.push({ node: node.content[i]!, ...(cell ? { cell } : {}) })
    }
  }
  return { text: parts.join(''), blocks }
}

function figureMarkOf(node: DocNode): DocMark | undefined {
  return node.marks?.find((m) => m.type === 'figure')
}

/** Two figure marks are one figure when their evidence is the same. */
function sameMarkAttrs(a: DocMark | undefined, b: DocMark | undefined): boolean {
  if (a === undefined || b === undefined) return a === b
  const x = a.attrs ?? {}
  const y = b.attrs ?? {}
  return x.sourceId === y.sourceId && x.quote === y.quote && x.asOf === y.asOf && x.metric === y.metric && (x.metricDefinition ?? null) === (y.metricDefinition ?? null) && (x.product ?? null) === (y.product ?? null)
}

export interface MarkedSpan {
  start: number
  end: number
  mark: DocMark
}

/** Runs of text carrying the same figure mark: each run is one figure as the editor marked it. */
export function figureSpans(flat: FlatDoc): MarkedSpan[] {
  const spans: MarkedSpan[] = []
  for (const block of flat.blocks) {
    let current: MarkedSpan | undefined
    for (const piece of block.inlines) {
      const mark = piece.node.type === 'text' ? figureMarkOf(piece.node) : undefined
      if (mark && current && current.end === piece.start && sameMarkAttrs(current.mark, mark)) {
        current.end = piece.end
      } else {
        current = mark ? { start: piece.start, end: piece.end, mark } : undefined
        if (current) spans.push(current)
      }
    }
  }
  return spans
}
