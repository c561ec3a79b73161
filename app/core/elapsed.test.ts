import { describe, expect, it } from 'vitest'
import { elapsed } from './elapsed'

const now = new Date('2026-06-10T12:00:00Z')

describe('elapsed', () => {
  it.each([
    ['2026-06-10T11:59:30Z', { unit: 'minutes', n: 0 }],
    ['2026-06-10T11:15:00Z', { unit: 'minutes', n: 45 }],
    ['2026-06-10T09:00:00Z', { unit: 'hours', n: 3 }],
    ['2026-06-08T13:00:00Z', { unit: 'hours', n: 47 }],
    ['2026-05-31T12:00:00Z', { unit: 'days', n: 10 }],
    ['2026-06-11T12:00:00Z', { unit: 'minutes', n: 0 }],
    ['not a date', { unit: 'minutes', n: 0 }],
  ])('%s', (from, expected) => {
    expect(elapsed(from, now)).toEqual(expected)
  })
})
