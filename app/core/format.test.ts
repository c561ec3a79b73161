import { describe, expect, it } from 'vitest'
import { formatAsOf, formatNumber, monthsSince } from './format'

describe('formatAsOf keeps the precision it was given', () => {
  it.each([
    ['en', '2021', '2021'],
    ['en', '2021-03', 'March 2021'],
    ['de', '2021-03', 'März 2021'],
    ['fr', '2021-03', 'mars 2021'],
    ['en', '2025-10-02', 'October 2, 2025'],
    ['de', '2025-10-02', '2. Oktober 2025'],
  ] as const)('%s %s → %s', (lang, asOf, expected) => {
    expect(formatAsOf(lang, asOf)).toBe(expected)
  })
})

describe('monthsSince', () => {
  const now = new Date('2026-11-27T00:00:00Z')
  it.each([
    ['2026-11', 0],
    ['2025-05', 18],
    ['2021-03', 68],
    ['2025', 11],
    ['2026-12-01', 0],
  ])('%s → %s months', (asOf, months) => {
    expect(monthsSince(asOf, now)).toBe(months)
  })
})

describe('formatNumber', () => {
  it('uses each language’s separators', () => {
    expect(formatNumber('en', 220000)).toBe('220,000')
    expect(formatNumber('de', 220000)).toBe('220.000')
    expect(formatNumber('fr', 220000)).toBe('220\u202f000')
  })
})
