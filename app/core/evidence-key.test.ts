import { describe, expect, it } from 'vitest'
import { citationKeys, disputedOrdinals, figureKey, targetKindOf } from './evidence-key'

describe('figureKey', () => {
  it.each([
    ['a parsed value with its source', { sourceId: 's1', value: 5000, unit: null, text: '5,000' }, 'figure:s1:5000'],
    ['the same value written differently is the same claim', { sourceId: 's1', value: 5000, unit: null, text: '5\u202F000' }, 'figure:s1:5000'],
    ['a unit is part of the claim', { sourceId: 's1', value: 40, unit: 'percent', text: '40%' }, 'figure:s1:40 percent'],
    ['another source is another claim', { sourceId: 's2', value: 5000, unit: null, text: '5,000' }, 'figure:s2:5000'],
    ['an unparsed figure falls back to its normalised text', { sourceId: 's1', value: null, unit: null, text: ' Zwei\u00A0Millionen ' }, 'figure:s1:zwei millionen'],
    ['an uncited figure has no source', { sourceId: null, value: 5000, unit: null, text: '5,000' }, 'figure:none:5000'],
  ])('%s', (_name, figure, key) => {
    expect(figureKey(figure)).toBe(key)
  })

  it('stays the same when prose around the figure changes (the ordinal does not matter)', () => {
    const before = [{ sourceId: 's1', value: 5000, unit: null, text: '5,000' }]
    const after = [{ sourceId: 's9', value: 12, unit: null, text: '12' }, ...before]
    expect(figureKey(after[1]!)).toBe(figureKey(before[0]!))
  })
})

describe('citationKeys', () => {
  it('numbers citations per source, in document order', () => {
    expect(citationKeys([{ sourceId: 'a' }, { sourceId: 'b' }, { sourceId: 'a' }, { sourceId: null }])).toEqual([
      'citation:a:1', 'citation:b:1', 'citation:a:2', 'citation:none:1',
    ])
  })

  it('is not moved by citations of other sources added before it', () => {
    const before = citationKeys([{ sourceId: 'a' }, { sourceId: 'a' }])
    const after = citationKeys([{ sourceId: 'b' }, { sourceId: 'c' }, { sourceId: 'a' }, { sourceId: 'a' }])
    expect(after.slice(2)).toEqual(before)
  })
})

describe('disputedOrdinals and targetKindOf', () => {
  it('maps open keys back to ordinals', () => {
    const items = [{ ordinal: 0 }, { ordinal: 1 }, { ordinal: 2 }]
    expect([...disputedOrdinals(items, ['k0', 'k1', 'k0'], new Set(['k0']))]).toEqual([0, 2])
    expect(disputedOrdinals(items, ['k0'], new Set())).toEqual(new Set())
  })

  it.each([
    ['figure:s:1', 'figure'],
    ['citation:s:1', 'citation'],
    ['other', null],
  ])('%s is a %s key', (key, kind) => {
    expect(targetKindOf(key)).toBe(kind)
  })
})
