import { describe, expect, it } from 'vitest'
import { normaliseForMatch } from './quote-match'
import { dueThresholds, findQuoteResult, isDue, isTransient, judgeNetwork, judgeQuotes, parseQuoteResults, recheckAt, retryDelayMs, sourcesToRecheck } from './link-check'

const schedule = { intervalHours: 168, brokenIntervalHours: 24 }
const now = new Date('2026-11-27T12:00:00.000Z')
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString()

describe('isDue', () => {
  it.each([
    { linkStatus: null, linkCheckedAt: null, due: true },
    { linkStatus: 'ok', linkCheckedAt: hoursAgo(167), due: false },
    { linkStatus: 'ok', linkCheckedAt: hoursAgo(169), due: true },
    { linkStatus: 'redirected', linkCheckedAt: hoursAgo(100), due: false },
    { linkStatus: 'dead', linkCheckedAt: hoursAgo(23), due: false },
    { linkStatus: 'dead', linkCheckedAt: hoursAgo(25), due: true },
    { linkStatus: 'timeout', linkCheckedAt: hoursAgo(25), due: true },
    { linkStatus: 'blocked', linkCheckedAt: hoursAgo(25), due: false },
  ])('$linkStatus checked $linkCheckedAt → $due', ({ due, ...source }) => {
    expect(isDue(source, now, schedule)).toBe(due)
  })

  it('gives the thresholds as ISO text comparable with stored timestamps', () => {
    expect(dueThresholds(now, schedule)).toEqual({ regular: '2026-11-20T12:00:00.000Z', broken: '2026-11-26T12:00:00.000Z' })
  })
})

describe('isTransient', () => {
  it.each([
    ['ok', 200, false],
    ['redirected', 200, false],
    ['dead', 404, false],
    ['dead', 410, false],
    ['dead', 429, true],
    ['dead', 503, true],
    ['dead', null, true],
    ['blocked', null, false],
    ['too-large', 200, false],
    ['timeout', null, true],
    ['error', 302, true],
  ] as const)('%s %s → %s', (status, httpStatus, transient) => {
    expect(isTransient(status, httpStatus)).toBe(transient)
  })
})

describe('retryDelayMs', () => {
  it.each([
    [1, 60_000],
    [2, 240_000],
    [3, 960_000],
    [20, 86_400_000],
  ])('attempt %s → %s ms', (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms)
  })
})

describe('judgeQuotes', () => {
  const text = normaliseForMatch('Tchap compte plus de 220 000 inscrits en 2021.')
  it('says per distinct quote whether it appears', () => {
    expect(judgeQuotes(['plus de 220 000 inscrits', 'PLUS DE 220 000 INSCRITS', 'un million', ''], text, true)).toEqual([
      { quote: 'plus de 220 000 inscrits', found: true },
      { quote: 'un million', found: false },
    ])
  })
  it('cannot deny a quote on a page cut at the size limit, nor judge an unreadable page', () => {
    expect(judgeQuotes(['un million', 'Tchap compte'], text, false)).toEqual([
      { quote: 'un million', found: null },
      { quote: 'Tchap compte', found: true },
    ])
    expect(judgeQuotes(['Tchap compte'], null, true)).toEqual([{ quote: 'Tchap compte', found: null }])
  })
})

describe('quote results as stored', () => {
  it('round-trips and finds a quote by its normalised form', () => {
    const results = parseQuoteResults(JSON.stringify([{ quote: 'plus de 220 000 inscrits', found: false }, { quote: 'x', found: null }]))
    expect(findQuoteResult(results, 'Plus de 220\u202F000 inscrits')).toEqual({ quote: 'plus de 220 000 inscrits', found: false })
    expect(findQuoteResult(results, 'other')).toBeNull()
  })
  it.each(['', 'not json', '{}', '[1, null, {"found": true}]'])('reads %j as no results', (json) => {
    expect(parseQuoteResults(json)).toEqual([])
  })
})

describe('sourcesToRecheck', () => {
  const before = [
    { sourceId: 'a', quote: 'plus de 220 000 inscrits' },
    { sourceId: 'b', quote: null },
  ]

  it.each([
    { name: 'nothing changed', after: before, expected: [] },
    { name: 'the same quote spelled with other spaces and quotation marks', after: [{ sourceId: 'a', quote: '« plus de 220\u202F000  inscrits »' }], expected: [] },
    { name: 'a figure or citation removed', after: [], expected: [] },
    { name: 'a source newly cited, without a quote', after: [...before, { sourceId: 'c', quote: null }], expected: ['c'] },
    { name: 'a new quote of a source already cited', after: [...before, { sourceId: 'a', quote: '375 000 utilisateurs actifs' }], expected: ['a'] },
    { name: 'a quote added to a source cited without one', after: [{ sourceId: 'b', quote: 'un service de l’État' }], expected: ['b'] },
    { name: 'several, each once and sorted', after: [{ sourceId: 'd', quote: 'x' }, { sourceId: 'c', quote: 'y' }, { sourceId: 'd', quote: 'z' }], expected: ['c', 'd'] },
  ])('$name → $expected', ({ after, expected }) => {
    expect(sourcesToRecheck(before, after)).toEqual(expected)
  })

  it('queues every cited source of a first revision', () => {
    expect(sourcesToRecheck([], before)).toEqual(['a', 'b'])
  })
})

describe('recheckAt', () => {
  const spacing = 15 * 60_000
  it.each([
    { name: 'never checked: at once', last: null, expected: now.toISOString() },
    { name: 'checked long ago: at once', last: hoursAgo(2), expected: now.toISOString() },
    { name: 'checked 5 minutes ago: 10 minutes from now', last: new Date(now.getTime() - 5 * 60_000).toISOString(), expected: new Date(now.getTime() + 10 * 60_000).toISOString() },
    { name: 'an unreadable date: at once', last: 'yesterday', expected: now.toISOString() },
  ])('$name', ({ last, expected }) => {
    expect(recheckAt(last, now, spacing).toISOString()).toBe(expected)
  })
})

describe('judgeNetwork', () => {
  it.each([
    [{ answeredHosts: 1, failedHosts: 0 }, 'online'],
    [{ answeredHosts: 1, failedHosts: 20 }, 'online'],
    [{ answeredHosts: 0, failedHosts: 3 }, 'offline'],
    [{ answeredHosts: 0, failedHosts: 22 }, 'offline'],
    [{ answeredHosts: 0, failedHosts: 2 }, 'unconfirmed'],
    [{ answeredHosts: 0, failedHosts: 0 }, 'unconfirmed'],
  ] as const)('%o with 3 hosts needed → %s', (observed, verdict) => {
    expect(judgeNetwork(observed, 3)).toBe(verdict)
  })
})
