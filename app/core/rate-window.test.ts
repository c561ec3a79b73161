import { describe, expect, it } from 'vitest'
import { estimateCount, secondsUntilAllowed, windowPosition } from './rate-window'

describe('windowPosition', () => {
  it('places a moment in its fixed window', () => {
    expect(windowPosition(new Date('2026-11-27T10:05:00Z'), 900)).toEqual({
      start: '2026-11-27T10:00:00.000Z', previousStart: '2026-11-27T09:45:00.000Z', elapsed: 1 / 3, remainingMs: 600_000,
    })
  })
})

describe('estimateCount', () => {
  it.each([
    // current, previous, elapsed → estimate
    [0, 0, 0.5, 0],
    [3, 0, 0.9, 3],
    [0, 10, 0, 10],
    [0, 10, 0.001, 10], // just past the edge a limit that engaged stays engaged
    [0, 10, 0.5, 5],
    [2, 10, 0.75, 5],
    [0, 10, 0.99, 1],
  ])('current %i, previous %i at %f → %i', (current, previous, elapsed, expected) => {
    expect(estimateCount(current, previous, elapsed)).toBe(expected)
  })
})

describe('secondsUntilAllowed', () => {
  const limit = { max: 10, windowSeconds: 900 }
  it.each([
    ['under the limit', 3, 0, 0.5, 0],
    ['this window full, at its start', 10, 0, 0, 900 + 90],
    ['this window full, two thirds in', 10, 0, 2 / 3, 300 + 90],
    ['previous window full, just past the edge', 0, 10, 0, 90],
    ['previous window full, with hits now', 4, 10, 0.1, 360],
  ])('%s', (_name, current, previous, elapsed, expected) => {
    expect(secondsUntilAllowed(limit, current, previous, elapsed)).toBe(expected)
  })

  it('is exactly when the estimate drops below the limit', () => {
    for (const [current, previous, elapsed] of [[10, 0, 0.2], [0, 17, 0.05], [6, 9, 0.3], [12, 3, 0.7]] as const) {
      const wait = secondsUntilAllowed(limit, current, previous, elapsed)
      const at = (seconds: number) => {
        const t = elapsed + seconds / 900
        return t < 1 ? estimateCount(current, previous, t) : estimateCount(0, current, t - 1)
      }
      expect(at(wait)).toBeLessThan(limit.max)
      expect(at(wait - 1)).toBeGreaterThanOrEqual(limit.max)
    }
  })
})
