import type { Node as PMNode } from '@tiptap/pm/model'

/**
 * Maps offsets into a document's plain text (as `app/core/plain-text.ts` counts them, and so as
 * the lint API answers) back to ProseMirror positions, so server findings can be drawn in the
 * editor. The walk mirrors `flattenDoc`: paragraphs and headings are the text blocks, joined by
 * "\n"; a hard break is "\n" (one position too); a citation takes no room in the text but one
 * position in the document.
 */

interface Segment {
  /** Offset of the segment in the plain text. */
  text: number
  /** ProseMirror position where the segment starts. */
  pos: number
  length: number
}

interface Block {
  start: number
  end: number
  /** Positions just inside the block, where its content starts and ends. */
  contentPos: number
  contentEnd: number
  segments: Segment[]
}

export interface PlainTextIndex {
  text: string
  blocks: Block[]
}

const TEXTBLOCKS = new Set(['paragraph', 'heading'])

export function indexPlainText(doc: PMNode): PlainTextIndex {
  const blocks: Block[] = []
  const parts: string[] = []
  let offset = 0
  doc.descendants((node, pos) => {
    if (!TEXTBLOCKS.has(node.type.name)) return true
    if (blocks.length > 0) {
      parts.push('\n')
      offset += 1
    }
    const block: Block = { start: offset, end: offset, contentPos: pos + 1, contentEnd: pos + 1 + node.content.size, segments: [] }
    node.forEach((child, childOffset) => {
      const piece = child.isText ? (child.text ?? '') : child.type.name === 'hardBreak' ? '\n' : ''
      if (piece.length > 0) block.segments.push({ text: offset, pos: pos + 1 + childOffset, length: piece.length })
      parts.push(piece)
      offset += piece.length
    })
    block.end = offset
    blocks.push(block)
    return false
  })
  return { text: parts.join(''), blocks }
}

function blockAt(index: PlainTextIndex, offset: number): Block | undefined {
  let low = 0
  let high = index.blocks.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const block = index.blocks[mid]!
    if (offset < block.start) high = mid - 1
    else if (offset > block.end) low = mid + 1
    else return block
  }
  return undefined
}

/**
 * The position of a plain-text offset. At the seam between a citation and text both positions
 * are right for the text; `side` picks the one inside the range: a range starts after the
 * citation and ends before it.
 */
export function positionAt(index: PlainTextIndex, offset: number, side: 'start' | 'end'): number | null {
  const block = blockAt(index, offset)
  if (!block) return null
  const segments = block.segments
  if (side === 'start') {
    const segment = segments.find((s) => offset >= s.text && offset < s.text + s.length)
    if (segment) return segment.pos + (offset - segment.text)
    const last = segments.at(-1)
    return last && offset === last.text + last.length ? last.pos + last.length : block.contentPos
  }
  const segment = segments.find((s) => offset > s.text && offset <= s.text + s.length)
  if (segment) return segment.pos + (offset - segment.text)
  return segments[0] && offset === segments[0].text ? segments[0].pos : block.contentPos
}

/** The document range of a plain-text range, or null when it lies outside the document. */
export function rangeAt(index: PlainTextIndex, start: number, end: number): { from: number; to: number } | null {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end <= start || end > index.text.length) return null
  const from = positionAt(index, start, 'start')
  const to = positionAt(index, end, 'end')
  return from !== null && to !== null && from < to ? { from, to } : null
}

/** The plain-text offset of a position inside a text block (null elsewhere); a citation counts as nothing. */
export function offsetAt(index: PlainTextIndex, pos: number): number | null {
  const block = index.blocks.find((b) => b.contentPos <= pos && pos <= b.contentEnd)
  if (!block) return null
  let offset = block.start
  for (const s of block.segments) {
    if (pos < s.pos) break
    offset = pos <= s.pos + s.length ? s.text + (pos - s.pos) : s.text + s.length
  }
  return offset
}

/** The text block around an offset: its plain text and where it starts. */
export function blockTextAt(index: PlainTextIndex, offset: number): { start: number; text: string } | null {
  const block = blockAt(index, offset)
  return block ? { start: block.start, text: index.text.slice(block.start, block.end) } : null
}
