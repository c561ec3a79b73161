import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CLAIM_TEXT_MAX, type DatedValue, findConflicts, parseFigureRef, parseSettlement, parseUnverifiedClaim, samePeriod } from './claims'

describe('samePeriod', () => {
  it.each([
    ['2020', '2020-10', true],
    ['2020-10', '2020', true],
    ['2020-03', '2020-10', false],
    ['2020-10-01', '2020-10-31', false],
    ['2020-10-01', '2020-10', true],
    ['2020', '2021', false],
    [null, '2020', false],
    ['2020', null, false],
    ['undated', 'undated', false],
  ] as const)('%s ~ %s → %s', (a, b, expected) => {
    expect(samePeriod(a, b)).toBe(expected)
  })
})

describe('findConflicts', () => {
  it('finds different values in the same period at the coarser precision', () => {
    const conflicts = findConflicts([
      { id: 'a', value: 200_000, asOf: '2020' },
      { id: 'b', value: 170_000, asOf: '2020-10' },
      { id: 'c', value: 220_000, asOf: '2021-03' },
      { id: 'd', value: 220_000, asOf: '2021' },
    ])
    expect(conflicts).toEqual([{ period: '2020', ids: ['a', 'b'] }])
  })

  it('does not compare undated claims or claims of different months', () => {
    expect(findConflicts([
      { id: 'a', value: 1, asOf: null },
      { id: 'b', value: 2, asOf: null },
      { id: 'c', value: 3, asOf: '2020-01' },
      { id: 'd', value: 4, asOf: '2020-02' },
    ])).toEqual([])
  })

  it('groups every claim of one period into one conflict', () => {
    const conflicts = findConflicts([
      { id: 'a', value: 1, asOf: '2020-03' },
      { id: 'b', value: 2, asOf: '2020-03-15' },
      { id: 'c', value: 3, asOf: '2020-03' },
    ])
    expect(conflicts).toEqual([{ period: '2020-03', ids: ['a', 'b', 'c'] }])
  })

  it('finds exactly what comparing every pair finds', () => {
    // The definition, pair by pair (quadratic): the oracle for the linear version.
    const pairwise = (claims: DatedValue[]) => {
      const byPeriod = new Map<string, Set<string>>()
      for (const [i, a] of claims.entries()) {
        for (const b of claims.slice(i + 1)) {
          if (a.value === b.value || !samePeriod(a.asOf, b.asOf)) continue
          const period = a.asOf!.length <= b.asOf!.length ? a.asOf! : b.asOf!
          byPeriod.set(period, (byPeriod.get(period) ?? new Set()).add(a.id).add(b.id))
        }
      }
      return [...byPeriod].map(([period, ids]) => ({ period, ids: claims.filter((c) => ids.has(c.id)).map((c) => c.id) })).sort((a, b) => a.period.localeCompare(b.period))
    }
    const date = fc.oneof(
      fc.constant(null),
      fc.constant('undated'),
      fc.constantFrom('2020', '2021', '2020-03', '2020-10', '2021-03', '2020-03-15', '2020-03-16', '2020-10-01', '2021-03-31'),
    )
    const claims = fc.array(fc.record({ value: fc.integer({ min: 1, max: 4 }), asOf: date }), { maxLength: 40 }).map((list) => list.map((c, i) => ({ id: `c${i}`, ...c })))
    let withConflicts = 0
    fc.assert(
      fc.property(claims, (list) => {
        const found = findConflicts(list)
        if (found.length > 0) withConflicts++
        expect(found).toEqual(pairwise(list))
      }),
      { numRuns: 500 },
    )
    // The inputs reached the interesting case, not only empty answers.
    expect(withConflicts).toBeGreaterThan(100)
  })

  it('handles thousands of claims of one metric', () => {
    const claims = Array.from({ length: 3000 }, (_, i) => ({ id: `c${i}`, value: i % 7 === 0 ? 1 : 2, asOf: `${2000 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}` }))
    const conflicts = findConflicts(claims)
    expect(conflicts.length).toBeGreaterThan(0)
    for (const c of conflicts) {
      const values = new Set(c.ids.map((id) => claims.find((x) => x.id === id)!.value))
      expect(values.size).toBeGreaterThan(1)
    }
  })
})

describe('parseUnverifiedClaim', () => {
  it('accepts words, where it was seen and optional slugs', () => {
    expect(parseUnverifiedClaim({ text: ' Tchap has 200,000 daily users ', seenAt: 'https://example.org/forum/1', product: 'tchap', metric: '' })).toEqual({
      ok: true,
      value: { text: 'Tchap has 200,000 daily users', seenAt: 'https://example.org/forum/1', product: 'tchap', metric: null },
    })
  })

  it('names each missing or bad field', () => {
    const result = parseUnverifiedClaim({ text: '', seenAt: '', product: 'Not A Slug' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => i.path).sort()).toEqual(['product', 'seenAt', 'text'])
    expect(result.issues.find((i) => i.path === 'text')!.message).toMatch(/Write the claim/)
  })

  it('refuses a claim over the limit', () => {
    const result = parseUnverifiedClaim({ text: 'x'.repeat(CLAIM_TEXT_MAX + 1), seenAt: 'a forum' })
    expect(result.ok ? null : result.issues[0]!.code).toBe('too_long')
  })
})

describe('parseSettlement', () => {
  it('links a figure by its address', () => {
    expect(parseSettlement({ status: 'verified', figure: 'https://sourced.example/pages/microsoft-teams-vs-tchap#fig-12' })).toEqual({
      ok: true,
      value: { status: 'verified', figure: { page: 'microsoft-teams-vs-tchap', ordinal: 12 }, note: null },
    })
    expect(parseFigureRef('microsoft-teams-vs-tchap#fig-3')).toEqual({ page: 'microsoft-teams-vs-tchap', ordinal: 3 })
    expect(parseFigureRef('/pages/x#cite-3')).toBeNull()
  })

  it('requires a note when no source was found, and a figure otherwise', () => {
    expect(parseSettlement({ status: 'no-source', note: '' })).toMatchObject({ ok: false, issues: [{ path: 'note', code: 'required' }] })
    expect(parseSettlement({ status: 'no-source', note: 'Searched DINUM press releases' })).toEqual({ ok: true, value: { status: 'no-source', note: 'Searched DINUM press releases' } })
    expect(parseSettlement({ status: 'contradicted', figure: 'nothing' })).toMatchObject({ ok: false, issues: [{ path: 'figure' }] })
    expect(parseSettlement({ status: 'open' })).toMatchObject({ ok: false, issues: [{ path: 'status' }] })
  })
})
