import { describe, expect, it } from 'vitest'
import { normaliseForMatch } from './quote-match'
import { dueThresholds, findQuoteResult, isDue, isTransient, judgeQuotes, parseQuoteResults, retryDelayMs } from './link-check'

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
