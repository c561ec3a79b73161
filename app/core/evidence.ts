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
 * Which figures a table sets side by side follows from its header cells. The figures of one row
 * are always side by side: a feature matrix with the products as columns ("Users" | Teams' daily
 * active users | Tchap's registered users) compares along the row. Under a header row each
 * column also holds one kind of value ("Users", "Cost"), so the figures of a column are compared
 * too (products as rows). With a header column only, the columns are not compared: each holds one
 * product's values of different kinds. Different kinds of value in one row or column (mailboxes
 * and e-mails) are not flagged: their metrics have no word in common (looksAlikeButDiffers).
 */
export function notComparableFigures(body: DocNode, figures: readonly Located[]): Set<number> {
  const flat = flattenDoc(body)
  const cells = new Map<DocNode, { groups: string[] }>()
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
        const cellGroups = byColumn ? [`${table}:r${r}`, `${table}:c${c}`] : [`${table}:r${r}`]
        for (const block of blocks) cells.set(block, { groups: cellGroups })
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
    for (const group of cell.groups) groups.set(group, [...(groups.get(group) ?? []), f])
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
