import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffEvidence, type EvidenceFigure } from './evidence-diff'

/**
 * The pairing as first written: for each figure on the left, the first matching one on the right,
 * by pairwise comparison (quadratic). diffEvidence pairs by keys instead; the answers must agree.
 */
const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
function fieldsChanged(a: EvidenceFigure, b: EvidenceFigure) {
  const fields: string[] = []
  if (norm(a.text) !== norm(b.text) || a.value !== b.value) fields.push('value')
  if (a.sourceId !== b.sourceId) fields.push('source')
  if (a.asOf !== b.asOf) fields.push('asOf')
  if (norm(a.metric) !== norm(b.metric)) fields.push('metric')
  if (norm(a.quote) !== norm(b.quote)) fields.push('quote')
  return fields
}
function reference(before: EvidenceFigure[], after: EvidenceFigure[]) {
  const left = [...before]
  const right = [...after]
  const changed: Array<{ before: EvidenceFigure; after: EvidenceFigure; fields: string[] }> = []
  const pair = (match: (a: EvidenceFigure, b: EvidenceFigure) => boolean, record: boolean) => {
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
  return { added: right, removed: left, changed }
}

// Small pools, so that figures collide on every key; spacing and case variants test `norm`.
const figure: fc.Arbitrary<EvidenceFigure> = fc.record({
  text: fc.constantFrom('100', ' 100', '200,000', '200 000', '40 %', '40%'),
  value: fc.constantFrom(100, 200000, 40, null),
  sourceId: fc.constantFrom('s1', 's2', null),
  asOf: fc.constantFrom('2021', '2024-05', null),
  metric: fc.constantFrom('users', 'Users ', 'agencies', null),
  quote: fc.constantFrom('q', ' Q', 'other', null),
  cited: fc.boolean(),
})

describe('diffEvidence pairing', () => {
  it('pairs figures exactly as the pairwise comparison did', () => {
    fc.assert(
      fc.property(fc.array(figure, { maxLength: 12 }), fc.array(figure, { maxLength: 12 }), (before, after) => {
        const diff = diffEvidence({ figures: before, citationSources: [] }, { figures: after, citationSources: [] })
        const expected = reference(before, after)
        expect(diff.added).toEqual(expected.added)
        expect(diff.removed).toEqual(expected.removed)
        expect(diff.changed).toEqual(expected.changed)
        // The same objects, not just equal ones: callers keep the records they passed in.
        diff.changed.forEach((c, i) => expect(c.before).toBe(expected.changed[i]!.before))
      }),
      { numRuns: 2000 },
    )
  })
})
