/**
 * Tiny builders for Tiptap/ProseMirror JSON (`DocNode`), so that seed pages read like prose.
 *
 * Node and mark names are those of Tiptap v3 StarterKit + the table extension, plus the project's
 * `figure` mark and `citation` node (DESIGN.md, "The content model").
 *
 * Guarantees: no empty text node is ever produced (ProseMirror rejects them), adjacent text nodes
 * with the same marks are merged (adjacent plain strings become one text node), and the marks of a
 * `fig(...)` stay on the figure's own text only.
 */
import type { DocMark, DocNode } from '#app/core/content'

/** An inline item: a plain string, or an inline node (text, citation, hardBreak). */
export type Inline = string | DocNode
/** A table cell: one inline item or a list of them. */
export type Cell = Inline | readonly Inline[]
/** Content of a list item, blockquote…: block nodes, or inline items (wrapped into paragraphs). */
export type Flow = Inline | DocNode

/** Body headings: the page title is the only h1 (`HEADING_LEVELS` in app/core/editor-schema.ts). */
export type HeadingLevel = 2 | 3 | 4

export interface FigureInput {
  /** `SeedSource.key`; the seeder swaps it for the generated source id. */
  source: string
  /** The passage of the source that shows the number. */
  quote: string
  /** YYYY, YYYY-MM or YYYY-MM-DD, or 'undated' when the source gives no date. */
  asOf: string
  /** What the number counts: a slug of the metric registry (migration 0050). */
  metric: string
  /** The slug of the product the number is about; null when it is about no one product. */
  product?: string | null
}

export interface CiteInput {
  quote?: string | null
  locator?: string | null
}

const INLINE_TYPES = new Set(['text', 'citation', 'hardBreak'])

function isInline(item: Flow): item is Inline {
  return typeof item === 'string' || INLINE_TYPES.has(item.type)
}

function sameMarks(a: readonly DocMark[] | undefined, b: readonly DocMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
}

function textNode(text: string, marks?: readonly DocMark[]): DocNode {
  if (text.length === 0) throw new Error('empty text node')
  return marks && marks.length > 0 ? { type: 'text', text, marks: [...marks] } : { type: 'text', text }
}

/** Strings → text nodes, empty strings dropped, adjacent text nodes with equal marks merged. */
function inline(items: readonly Inline[]): DocNode[] {
  const out: DocNode[] = []
  for (const item of items) {
    if (typeof item === 'string' && item.length === 0) continue
    const node = typeof item === 'string' ? textNode(item) : item
    if (node.type === 'text' && !node.text) throw new Error('empty text node')
    if (!INLINE_TYPES.has(node.type)) throw new Error(`"${node.type}" is not an inline node`)
    const last = out[out.length - 1]
    if (last && last.type === 'text' && node.type === 'text' && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = textNode(`${last.text ?? ''}${node.text ?? ''}`, last.marks)
    } else {
      out.push(node)
    }
  }
  return out
}

/** Groups runs of inline items into paragraphs; block nodes pass through. */
function flow(items: readonly Flow[]): DocNode[] {
  const out: DocNode[] = []
  let run: Inline[] = []
  const flush = () => {
    if (run.length > 0) out.push(p(...run))
    run = []
  }
  for (const item of items) {
    if (isInline(item)) run.push(item)
    else {
      flush()
      out.push(item)
    }
  }
  flush()
  return out
}

function withContent(type: string, content: DocNode[], attrs?: Record<string, unknown>): DocNode {
  const node: DocNode = { type }
  if (attrs) node.attrs = attrs
  if (content.length > 0) node.content = content
  return node
}

/** Adds a mark to every text node of `items` (citations and breaks are left as they are). */
function addMark(mark: DocMark, items: readonly Inline[]): DocNode[] {
  const nodes = inline(items)
  if (nodes.length === 0) throw new Error(`${mark.type}: no text`)
  return inline(nodes.map((n) => (n.type === 'text' ? textNode(n.text ?? '', [...(n.marks ?? []), mark]) : n)))
}

function single(nodes: DocNode[], what: string): DocNode {
  if (nodes.length !== 1 || !nodes[0]) throw new Error(`${what}: expected plain text`)
  return nodes[0]
}

// ── Blocks ─────────────────────────────────────────────────────────────────────────────────────

export function doc(...blocks: DocNode[]): DocNode {
  if (blocks.length === 0) throw new Error('doc: a document needs at least one block')
  return { type: 'doc', content: blocks }
}

export function h(level: HeadingLevel, ...items: Inline[]): DocNode {
  return withContent('heading', inline(items), { level })
}

export function p(...items: Inline[]): DocNode {
  return withContent('paragraph', inline(items))
}

function li(...items: Flow[]): DocNode {
  const content = flow(items)
  return { type: 'listItem', content: content.length > 0 ? content : [p()] }
}

/** A list item: a `listItem` node, a block, one inline item, or an array of inline items. */
export type Item = DocNode | string | readonly Inline[]

function toListItem(item: Item): DocNode {
  if (typeof item === 'string') return li(item)
  if (Array.isArray(item)) return li(...(item as readonly Inline[]))
  const node = item as DocNode
  return node.type === 'listItem' ? node : li(node)
}

export function ul(...items: Item[]): DocNode {
  if (items.length === 0) throw new Error('ul: empty list')
  return { type: 'bulletList', content: items.map(toListItem) }
}

export function ol(...items: Item[]): DocNode {
  if (items.length === 0) throw new Error('ol: empty list')
  return { type: 'orderedList', attrs: { start: 1 }, content: items.map(toListItem) }
}

export function quote(...items: Flow[]): DocNode {
  const content = flow(items)
  return { type: 'blockquote', content: content.length > 0 ? content : [p()] }
}

const CELL_ATTRS = { colspan: 1, rowspan: 1, colwidth: null }

function cell(type: 'tableHeader' | 'tableCell', value: Cell): DocNode {
  const items: readonly Inline[] = Array.isArray(value) ? (value as readonly Inline[]) : [value as Inline]
  return { type, attrs: { ...CELL_ATTRS }, content: [p(...items)] }
}

/** `table > tableRow > tableHeader|tableCell > paragraph`; every row has the header's width. */
export function table(headerRow: readonly Cell[], ...rows: (readonly Cell[])[]): DocNode {
  if (headerRow.length === 0) throw new Error('table: empty header row')
  rows.forEach((row, i) => {
    if (row.length !== headerRow.length) {
      throw new Error(`table: row ${i + 1} has ${row.length} cells, the header has ${headerRow.length}`)
    }
  })
  return {
    type: 'table',
    content: [
      { type: 'tableRow', content: headerRow.map((c) => cell('tableHeader', c)) },
      ...rows.map((row) => ({ type: 'tableRow', content: row.map((c) => cell('tableCell', c)) })),
    ],
  }
}

// ── Inline ─────────────────────────────────────────────────────────────────────────────────────

export function bold(...items: Inline[]): DocNode {
  return single(addMark({ type: 'bold' }, items), 'bold')
}

export function link(content: Inline, href: string): DocNode {
  if (!/^(https?:|mailto:)/.test(href)) throw new Error(`link: unsafe href ${href}`)
  return single(addMark({ type: 'link', attrs: { href, target: null, rel: null, class: null } }, [content]), 'link')
}

/** A number that states a fact, with its evidence (a text node with a `figure` mark). */
export function fig(value: string, { source, quote: q, asOf, metric, product = null }: FigureInput): DocNode {
  if (value.trim().length === 0) throw new Error('fig: empty figure text')
  return textNode(value, [{ type: 'figure', attrs: { sourceId: source, quote: q, asOf, metric, metricDefinition: null, product } }])
}

/** A footnote after a claim that is not a number. */
export function cite(source: string, { quote: q = null, locator = null }: CiteInput = {}): DocNode {
  return { type: 'citation', attrs: { sourceId: source, quote: q, locator } }
}
