import { describe, expect, it } from 'vitest'
import { diffEvidence, sourcesDropped, type EvidenceFigure } from './evidence-diff'

const f = (text: string, o: Partial<EvidenceFigure> = {}): EvidenceFigure => ({ text, value: Number(text.replace(/\D/g, '')), sourceId: 's1', asOf: '2021', metric: 'users', quote: `q ${text}`, cited: true, ...o })

describe('diffEvidence', () => {
  it('finds figures added, removed and changed', () => {
    const before = { figures: [f('100'), f('200', { sourceId: 's2', metric: 'mailboxes' }), f('7', { sourceId: 's3', metric: 'tools' })], citationSources: ['s1', 's2'] }
    const after = { figures: [f('100'), f('250', { sourceId: 's2', metric: 'mailboxes', asOf: '2025' }), f('9', { sourceId: 's4', metric: 'agencies' })], citationSources: ['s1', 's5'] }
    const diff = diffEvidence(before, after)
    expect(diff.changed).toHaveLength(1)
    expect(diff.changed[0]!.fields).toEqual(['value', 'asOf', 'quote'])
    expect(diff.added.map((x) => x.text)).toEqual(['9'])
    expect(diff.removed.map((x) => x.text)).toEqual(['7'])
    expect(diff.citationsAdded).toEqual(['s5'])
    expect(diff.citationsRemoved).toEqual(['s2'])
  })
  it('pairs a number whose source changed', () => {
    const diff = diffEvidence({ figures: [f('100')], citationSources: [] }, { figures: [f('100', { sourceId: 's9', metric: 'x' })], citationSources: [] })
    expect(diff.changed[0]!.fields).toEqual(['source', 'metric'])
  })
  it('names sources no longer cited anywhere', () => {
    expect(sourcesDropped({ figures: [f('1')], citationSources: ['s2'] }, { figures: [], citationSources: ['s1'] })).toEqual(['s2'])
  })
})
