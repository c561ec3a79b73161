import type { DocNode } from './content'
import { monthsSince } from './format'
import { flattenDoc } from './plain-text'

/** Default age after which a figure carries a "may be outdated" badge (configurable). */
export const DEFAULT_MAX_FIGURE_AGE_MONTHS = 18

export function isOutdated(asOf: string | null, now: Date, maxMonths = DEFAULT_MAX_FIGURE_AGE_MONTHS): boolean {
  if (!asOf) return false
  const months = monthsSince(asOf, now)
  return months !== null && months > maxMonths
}

interface Located {
  ordinal: number
  start: number
  end: number
  metric: string | null
}

/**
 * Figures a table sets side by side that count the same kind of thing in different ways
 * (registered users next to daily active users): the layout invites a comparison the numbers
 * cannot support.
 *
 * Which figures a table sets side by side follows from its header cells: under a header row
 * each column holds one kind of value ("Users", "Cost"), so the figures of a column are compared
 * and the figures of a row are not (a row's mailboxes and e-mails are different columns, not a
 * conflict); with a header column only, each row holds one kind of value and rows are compared.
 * A table with both or neither is read row by row.
 */
export function notComparableFigures(body: DocNode, figures: readonly Located[]): Set<number> {
  const flat = flattenDoc(body)
  const cells = new Map<DocNode, { group: string }>()
  let tableIndex = 0
  const collectBlocks = (node: DocNode, into: DocNode[]): void => {
    if (node.type === 'paragraph' || node.type === 'heading') into.push(node)
    else for (const child of node.content ?? []) collectBlocks(child, into)
  }
  const visit = (node: DocNode): void => {
    if (node.type !== 'table') {
      for (const child of node.content ?? []) visit(child)
      return
    }
    const table = tableIndex++
    const rows = (node.content ?? []).filter((r) => r.type === 'tableRow')
    const isHeader = (cell: DocNode | undefined) => cell?.type === 'tableHeader'
    const headerRow = rows.length > 1 && (rows[0]!.content ?? []).every(isHeader)
    const headerColumn = rows.length > 0 && rows.slice(headerRow ? 1 : 0).every((r) => isHeader(r.content?.[0])) && rows.some((r) => (r.content?.length ?? 0) > 1)
    const byColumn = headerRow && !headerColumn
    rows.forEach((row, r) => {
      ;(row.content ?? []).forEach((cell, c) => {
        const blocks: DocNode[] = []
        collectBlocks(cell, blocks)
        for (const block of blocks) cells.set(block, { group: `${table}:${byColumn ? `c${c}` : `r${r}`}` })
        // A table nested in a cell is its own table.
        for (const child of cell.content ?? []) if (child.type === 'table') visit(child)
      })
    })
  }
  visit(body)
  const groups = new Map<string, Located[]>()
  for (const f of figures) {
    if (!f.metric) continue
    const block = flat.blocks.find((b) => f.start >= b.start && f.end <= b.end)
    const cell = block ? cells.get(block.node) : undefined
    if (!cell) continue
    groups.set(cell.group, [...(groups.get(cell.group) ?? []), f])
  }
  const result = new Set<number>()
  for (const group of groups.values()) {
    for (const a of group) {
      if (group.some((b) => looksAlikeButDiffers(a.metric!, b.metric!))) result.add(a.ordinal)
    }
  }
  return result
}

/** Words too common to say two metrics count the same kind of thing. */
const FUNCTION_WORDS = new Set([
  'with', 'from', 'that', 'this', 'than', 'into', 'over', 'only', 'also', 'each', 'total', 'defined', 'further',
  'nicht', 'oder', 'eine', 'einer', 'einem', 'einen', 'sind', 'wird', 'über', 'insgesamt',
  'pour', 'dans', 'avec', 'sans', 'sont', 'plus', 'leur', 'leurs', 'être', 'total',
])

function significantWords(metric: string): Set<string> {
  return new Set((normaliseMetric(metric).match(/\p{L}+/gu) ?? []).filter((w) => w.length >= 4 && !FUNCTION_WORDS.has(w)))
}

/**
 * Two metrics that name the same kind of thing but count it differently: "registered users"
 * and "monthly active users", "utilisateurs mensuels" and "utilisateurs actifs quotidiens".
 * Metrics with nothing in common ("requests", "years") are different facts in a list of key
 * figures, which no reader takes for a comparison.
 */
function looksAlikeButDiffers(a: string, b: string): boolean {
  if (normaliseMetric(a) === normaliseMetric(b)) return false
  const words = significantWords(b)
  return [...significantWords(a)].some((w) => words.has(w))
}

function normaliseMetric(metric: string): string {
  return metric.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
}
