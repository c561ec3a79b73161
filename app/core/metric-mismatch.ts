import { areComparable, couldBeConfused, type MetricRegistry } from './metrics'
import type { FlatDoc, TextBlock } from './plain-text'

/**
 * Finds figures of different, non-comparable metrics set side by side (DESIGN.md, "Mismatch"):
 * in one sentence, one table row or one table column. Decision 026 explains the table rule: a
 * table whose every column holds one metric uses its columns as the metrics (rows are sources or
 * products, and a row then rightly mixes metrics), and the other way round; a table with no such
 * axis, or a column mixing metrics while rows are not an axis, is a mismatch.
 */

export interface MetricFigure {
  start: number
  end: number
  text: string
  metric: string
}

type MismatchScope = 'sentence' | 'row' | 'column'

export interface MetricMismatch {
  start: number
  end: number
  text: string
  metric: string
  /** The metrics of the figures beside it that it cannot be compared with. */
  against: string[]
  scope: MismatchScope
}

// A sentence ends at . ! ? followed by a space; a decimal point ("2.5") is followed by a digit.
const SENTENCE_END = /[.!?…](?=\s)/g

function sentenceBounds(flat: FlatDoc, block: TextBlock): Array<[number, number]> {
  const text = flat.text.slice(block.start, block.end)
  const bounds: Array<[number, number]> = []
  let from = 0
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + 1
    bounds.push([block.start + from, block.start + end])
    from = end
  }
  bounds.push([block.start + from, block.end])
  return bounds
}

/** Two metrics that a reader would wrongly compare: not comparable, yet of the same kind. */
function clash(registry: MetricRegistry, a: string, b: string): boolean {
  return !areComparable(registry, a, b) && couldBeConfused(registry, a, b)
}

/** All of one metric (or of metrics declared comparable): what a table's axis of metrics holds. */
function homogeneous(registry: MetricRegistry, group: readonly MetricFigure[]): boolean {
  return group.every((f, i) => group.slice(i + 1).every((g) => areComparable(registry, f.metric, g.metric)))
}

/** A table's rows (or columns) are its metric axis when some hold two figures and each holds one metric. */
function isAxis(registry: MetricRegistry, groups: ReadonlyMap<number, MetricFigure[]>): boolean {
  const multi = [...groups.values()].filter((g) => g.length > 1)
  return multi.length > 0 && multi.every((g) => homogeneous(registry, g))
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function findMetricMismatches(flat: FlatDoc, figures: readonly MetricFigure[], registry: MetricRegistry): MetricMismatch[] {
  const groups: Array<{ scope: MismatchScope; figures: MetricFigure[] }> = []
  const tables = new Map<number, { rows: Map<number, MetricFigure[]>; columns: Map<number, MetricFigure[]> }>()
  const sorted = [...figures].sort((a, b) => a.start - b.start)
  for (const block of flat.blocks) {
    const inBlock = sorted.filter((f) => f.start >= block.start && f.end <= block.end)
    if (inBlock.length === 0) continue
    for (const [start, end] of sentenceBounds(flat, block)) {
      const sentence = inBlock.filter((f) => f.start >= start && f.start < end)
      if (sentence.length > 1) groups.push({ scope: 'sentence', figures: sentence })
    }
    if (block.cell) {
      let table = tables.get(block.cell.table)
      if (!table) tables.set(block.cell.table, (table = { rows: new Map(), columns: new Map() }))
      for (const f of inBlock) {
        push(table.rows, block.cell.row, f)
        push(table.columns, block.cell.column, f)
      }
    }
  }
  for (const { rows, columns } of tables.values()) {
    const columnsAreAxis = isAxis(registry, columns)
    const rowsAreAxis = isAxis(registry, rows)
    if (!columnsAreAxis) for (const row of rows.values()) if (row.length > 1) groups.push({ scope: 'row', figures: row })
    if (!rowsAreAxis) for (const column of columns.values()) if (column.length > 1) groups.push({ scope: 'column', figures: column })
  }

  const found = new Map<number, MetricMismatch>()
  for (const group of groups) {
    for (const f of group.figures) {
      const against = [...new Set(group.figures.filter((g) => g !== f && clash(registry, f.metric, g.metric)).map((g) => g.metric))]
      if (against.length === 0) continue
      const known = found.get(f.start)
      if (known) known.against = [...new Set([...known.against, ...against])]
      else found.set(f.start, { start: f.start, end: f.end, text: f.text, metric: f.metric, against, scope: group.scope })
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start)
}
