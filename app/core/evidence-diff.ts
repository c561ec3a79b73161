/** The evidence-relevant parts of a figure, as stored per revision. */
export interface EvidenceFigure {
  text: string
  value: number | null
  sourceId: string | null
  asOf: string | null
  metric: string | null
  quote: string | null
  cited: boolean
}

export interface FigureChange<F extends EvidenceFigure = EvidenceFigure> {
  before: F
  after: F
  /** Which parts changed: "value", "source", "asOf", "metric", "quote". */
  fields: Array<'value' | 'source' | 'asOf' | 'metric' | 'quote'>
}

export interface EvidenceDiff<F extends EvidenceFigure = EvidenceFigure> {
  added: F[]
  removed: F[]
  changed: FigureChange<F>[]
  citationsAdded: string[]
  citationsRemoved: string[]
}

const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()

function fieldsChanged(a: EvidenceFigure, b: EvidenceFigure): FigureChange['fields'] {
  const fields: FigureChange['fields'] = []
  if (norm(a.text) !== norm(b.text) || a.value !== b.value) fields.push('value')
  if (a.sourceId !== b.sourceId) fields.push('source')
  if (a.asOf !== b.asOf) fields.push('asOf')
  if (norm(a.metric) !== norm(b.metric)) fields.push('metric')
  if (norm(a.quote) !== norm(b.quote)) fields.push('quote')
  return fields
}

/**
 * Figures and citations added, removed or changed between two revisions. Figures are paired
 * first when identical, then by what they measure (same source and metric: a new value or date),
 * then by their text (same number, new evidence); what is left was added or removed.
 */
export function diffEvidence<F extends EvidenceFigure>(
  before: { figures: readonly F[]; citationSources: readonly (string | null)[] },
  after: { figures: readonly F[]; citationSources: readonly (string | null)[] },
): EvidenceDiff<F> {
  let left = [...before.figures]
  let right = [...after.figures]
  const changed: FigureChange<F>[] = []
  // Each pass pairs every remaining figure on the left with the first remaining one on the right
  // that has the same key. Keys (not pairwise comparisons) keep a page of hundreds of figures
  // linear: comparing every pair made a save that changed all of 300 figures take most of a second.
  const normalised = new Map<F, { text: string; metric: string; quote: string }>()
  const n = (f: F) => {
    let v = normalised.get(f)
    if (!v) normalised.set(f, (v = { text: norm(f.text), metric: norm(f.metric), quote: norm(f.quote) }))
    return v
  }
  const pair = (key: (f: F) => string | null, record: boolean) => {
    const waiting = new Map<string, number[]>()
    right.forEach((b, j) => {
      const k = key(b)
      if (k === null) return
      const queue = waiting.get(k)
      if (queue) queue.push(j)
      else waiting.set(k, [j])
    })
    const taken = new Set<number>()
    left = left.filter((a) => {
      const k = key(a)
      const j = k === null ? undefined : waiting.get(k)?.shift()
      if (j === undefined) return true
      taken.add(j)
      if (record) changed.push({ before: a, after: right[j]!, fields: fieldsChanged(a, right[j]!) })
      return false
    })
    right = right.filter((_, j) => !taken.has(j))
  }
  // Identical (what fieldsChanged compares), then what they measure, then the same number.
  pair((f) => (Number.isNaN(f.value) ? null : JSON.stringify([n(f).text, f.value, f.sourceId, f.asOf, n(f).metric, n(f).quote])), false)
  pair((f) => (f.sourceId === null ? null : JSON.stringify([f.sourceId, n(f).metric])), true)
  pair((f) => n(f).text, true)
  const count = (list: readonly (string | null)[]) => {
    const m = new Map<string, number>()
    for (const s of list) if (s) m.set(s, (m.get(s) ?? 0) + 1)
    return m
  }
  const was = count(before.citationSources)
  const now = count(after.citationSources)
  return {
    added: right,
    removed: left,
    changed,
    citationsAdded: [...now].filter(([s, n]) => n > (was.get(s) ?? 0)).map(([s]) => s),
    citationsRemoved: [...was].filter(([s, n]) => n > (now.get(s) ?? 0)).map(([s]) => s),
  }
}

/**
 * Sources no longer cited anywhere in the new revision (neither by a figure nor a citation):
 * removing evidence is something a moderator must see.
 */
export function sourcesDropped(before: { figures: readonly EvidenceFigure[]; citationSources: readonly (string | null)[] }, after: { figures: readonly EvidenceFigure[]; citationSources: readonly (string | null)[] }): string[] {
  const used = (side: typeof before) => new Set([...side.figures.map((f) => f.sourceId), ...side.citationSources].filter((s): s is string => s !== null))
  const now = used(after)
  return [...used(before)].filter((s) => !now.has(s))
}
