import type { DocMark, DocNode } from './content'
import { escapeHtml } from './html'
import { flattenDoc, type TextBlock } from './plain-text'
import { isSafeUrl } from './safe-url'

/**
 * Renders a validated Tiptap body to HTML without a DOM. Written by hand rather than with
 * @tiptap/static-renderer because this is the security boundary for user content (every text
 * escaped, every URL checked again here, no attribute passed through) and because figures and
 * citations render as interactive evidence that no generic mapping produces; see
 * docs/decisions/003-html-renderer.md.
 */

interface FigureRange {
  start: number
  end: number
  ordinal: number
  marked: boolean
}
export interface HighlightRange {
  start: number
  end: number
  /** A CSS class from a fixed set chosen by the caller, never from content. */
  className: 'hl-uncited' | 'hl-marketing' | 'hl-mismatch' | 'hl-conflict' | 'hl-metric'
  title: string
  /** Read by screen readers after the span (a title attribute is not reliably announced). */
  label?: string
}
export interface RenderOptions {
  /** Figures of the body from the analysis; marked ones render as buttons that open their evidence. */
  figures?: readonly FigureRange[]
  highlights?: readonly HighlightRange[]
  /** Accessible name of each table's scroll container, e.g. "Table 2". */
  tableLabel?: (n: number) => string
}

interface Context {
  blocks: TextBlock[]
  nextBlock: number
  figures: readonly FigureRange[]
  highlights: readonly HighlightRange[]
  tables: number
  citations: number
  headingIds: Map<string, number>
  tableLabel: (n: number) => string
}

export function renderBody(body: DocNode, options: RenderOptions = {}): string {
  const flat = flattenDoc(body)
  const ctx: Context = {
    blocks: flat.blocks,
    nextBlock: 0,
    figures: options.figures ?? [],
    highlights: nonOverlapping(options.highlights ?? []),
    tables: 0,
    citations: 0,
    headingIds: new Map(),
    tableLabel: options.tableLabel ?? ((n) => `Table ${n}`),
  }
  const out: string[] = []
  renderChildren(body, ctx, out)
  return out.join('')
}

function renderChildren(node: DocNode, ctx: Context, out: string[]): void {
  for (const child of node.content ?? []) renderBlock(child, ctx, out)
}

function renderBlock(node: DocNode, ctx: Context, out: string[]): void {
  switch (node.type) {
    case 'paragraph':
      out.push('<p>')
      renderInline(ctx, out)
      out.push('</p>')
      return
    case 'heading': {
      const level = Math.min(4, Math.max(2, Number(node.attrs?.level) || 2))
      const block = ctx.blocks[ctx.nextBlock]
      const id = headingId(block ? (block.node.content ?? []).map((n) => n.text ?? '').join('') : '', ctx)
      out.push(`<h${level} id="${id}">`)
      renderInline(ctx, out)
      out.push(`</h${level}>`)
      return
    }
    case 'bulletList':
      return wrap('<ul>', '</ul>', node, ctx, out)
    case 'orderedList': {
      const start = Number(node.attrs?.start)
      return wrap(Number.isInteger(start) && start !== 1 ? `<ol start="${start}">` : '<ol>', '</ol>', node, ctx, out)
    }
    case 'listItem':
      return wrap('<li>', '</li>', node, ctx, out)
    case 'blockquote':
      return wrap('<blockquote>', '</blockquote>', node, ctx, out)
    case 'horizontalRule':
      out.push('<hr>')
      return
    case 'table': {
      ctx.tables++
      // Wide feature matrices scroll sideways on small screens; the container is focusable so
      // keyboard users can scroll it too.
      out.push(`<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(ctx.tableLabel(ctx.tables))}"><table>`)
      renderChildren(node, ctx, out)
      out.push('</table></div>')
      return
    }
    case 'tableRow':
      return wrap('<tr>', '</tr>', node, ctx, out)
    case 'tableHeader':
    case 'tableCell': {
      // An empty header cell (the corner of a matrix) heads nothing: a plain cell reads better.
      const tag = node.type === 'tableHeader' && hasText(node) ? 'th' : 'td'
      const colspan = Number(node.attrs?.colspan) || 1
      const rowspan = Number(node.attrs?.rowspan) || 1
      const attrs = `${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}`
      return wrap(`<${tag}${attrs}>`, `</${tag}>`, node, ctx, out)
    }
    default:
      // The validator admits no other block; anything else renders as its children only.
      renderChildren(node, ctx, out)
  }
}

function hasText(node: DocNode): boolean {
  return node.type === 'text' ? (node.text ?? '').trim() !== '' : (node.content ?? []).some(hasText)
}

function wrap(open: string, close: string, node: DocNode, ctx: Context, out: string[]): void {
  out.push(open)
  renderChildren(node, ctx, out)
  out.push(close)
}

function headingId(text: string, ctx: Context): string {
  const base =
    'h-' +
    (text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'section')
  const seen = ctx.headingIds.get(base) ?? 0
  ctx.headingIds.set(base, seen + 1)
  return seen === 0 ? base : `${base}-${seen + 1}`
}

function nonOverlapping(ranges: readonly HighlightRange[]): HighlightRange[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: HighlightRange[] = []
  for (const r of sorted) if (kept.length === 0 || r.start >= kept[kept.length - 1]!.end) kept.push(r)
  return kept
}

function containing<T extends { start: number; end: number }>(ranges: readonly T[], start: number, end: number): T | undefined {
  return ranges.find((r) => r.start <= start && end <= r.end)
}

/** Renders the next text block's inline content, splitting text where figures and highlights begin and end. */
function renderInline(ctx: Context, out: string[]): void {
  const block = ctx.blocks[ctx.nextBlock++]
  if (!block) return
  const cuts = new Set<number>()
  for (const r of [...ctx.figures, ...ctx.highlights]) {
    if (r.end > block.start && r.start < block.end) cuts.add(r.start).add(r.end)
  }
  let figure: FigureRange | undefined
  let highlight: HighlightRange | undefined
  const closeHighlight = () => {
    if (highlight) out.push(highlight.label ? `<span class="visually-hidden"> (${escapeHtml(highlight.label)})</span></mark>` : '</mark>')
    highlight = undefined
  }
  const closeFigure = () => {
    closeHighlight()
    if (figure) out.push(figure.marked ? '</button>' : '</span>')
    figure = undefined
  }
  for (const piece of block.inlines) {
    const node = piece.node
    if (node.type !== 'text') {
      closeFigure()
      if (node.type === 'hardBreak') out.push('<br>')
      else if (node.type === 'citation') out.push(renderCitation(ctx))
      continue
    }
    const text = node.text ?? ''
    const points = [piece.start, ...[...cuts].filter((c) => c > piece.start && c < piece.end).sort((a, b) => a - b), piece.end]
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i]!
      const end = points[i + 1]!
      const segmentFigure = containing(ctx.figures, start, end)
      if (segmentFigure !== figure) {
        closeFigure()
        figure = segmentFigure
        if (figure) out.push(openFigure(figure))
      }
      const segmentHighlight = containing(ctx.highlights, start, end)
      if (segmentHighlight !== highlight) {
        closeHighlight()
        highlight = segmentHighlight
        if (highlight) out.push(`<mark class="${highlight.className}" title="${escapeHtml(highlight.title)}">`)
      }
      out.push(renderMarked(text.slice(start - piece.start, end - piece.start), node.marks ?? [], figure?.marked === true))
    }
  }
  closeFigure()
}

function openFigure(figure: FigureRange): string {
  const n = figure.ordinal
  return figure.marked
    ? `<button type="button" class="fig" id="fig-${n}" data-fig="${n}" popovertarget="fig-${n}-panel" aria-haspopup="dialog">`
    : `<span class="fig fig-uncited" id="fig-${n}" data-fig="${n}">`
}

function renderCitation(ctx: Context): string {
  const n = ++ctx.citations
  return `<sup class="cite" id="cite-ref-${n}"><a href="#cite-${n}">[${n}]</a></sup>`
}

const SIMPLE_MARKS: Record<string, [string, string]> = {
  bold: ['<strong>', '</strong>'],
  italic: ['<em>', '</em>'],
  strike: ['<s>', '</s>'],
  code: ['<code>', '</code>'],
}

function renderMarked(text: string, marks: readonly DocMark[], insideButton: boolean): string {
  let html = escapeHtml(text)
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i]!
    const simple = SIMPLE_MARKS[mark.type]
    if (simple) html = simple[0] + html + simple[1]
    else if (mark.type === 'link' && !insideButton && isSafeUrl(mark.attrs?.href)) {
      // Interactive content cannot nest inside the figure's button, so a link there shows as text.
      html = `<a href="${escapeHtml(mark.attrs.href)}" rel="nofollow ugc">${html}</a>`
    }
  }
  return html
}
