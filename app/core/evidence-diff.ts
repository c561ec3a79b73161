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
  const left = [...before.figures]
  const right = [...after.figures]
  const changed: FigureChange<F>[] = []
  const pair = (match: (a: F, b: F) => boolean, record: boolean) => {
    for (let i = 0; i < left.length; i++) {
      const j = right.findIndex((b) => match(left[i]!, b))
      if (j < 0) continue
      const [a] = left.splice(i, 1)
      const [b] = right.splice(j, 1)
      i--
      if (record) changed.push({ before: a!, after: b!, fields: fieldsChanged(a!, b!) })
    }
  }
  pair((a, b) => fieldsChanged(a, b).length === 0, false)
  pair((a, b) => a.sourceId !== null && a.sourceId === b.sourceId && norm(a.metric) === norm(b.metric), true)
  pair((a, b) => norm(a.text) === norm(b.text), true)
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
