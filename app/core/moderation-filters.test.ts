import { describe, expect, it } from 'vitest'
import { ageWindow, parseLogFilters, parseQueueFilters, parseReportFilters, queueCursor } from './moderation-filters'

const id = '01jdx0000000000000000000ab'
const q = (s: string) => new URLSearchParams(s)

describe('parseQueueFilters', () => {
  it.each([
    ['', { lang: null, finding: null, age: null, page: null, after: null }],
    ['lang=de&finding=marketing&age=week&page=Zoom-vs-Visio', { lang: 'de', finding: 'marketing', age: 'week', page: 'zoom-vs-visio', after: null }],
    ['lang=xx&finding=spam&age=year&page=', { lang: null, finding: null, age: null, page: null, after: null }],
    [`after=45.${id}`, { lang: null, finding: null, age: null, page: null, after: { risk: 45, id } }],
    ['after=45.nope', { lang: null, finding: null, age: null, page: null, after: null }],
  ])('%s', (query, expected) => {
    expect(parseQueueFilters(q(query))).toEqual(expected)
  })

  it('writes the cursor it reads', () => {
    expect(parseQueueFilters(q(`after=${queueCursor({ riskScore: 7, id })}`)).after).toEqual({ risk: 7, id })
  })
})

describe('ageWindow', () => {
  const now = new Date('2026-06-10T12:00:00Z')
  it.each([
    ['day', { after: '2026-06-09T12:00:00.000Z' }],
    ['week', { after: '2026-06-03T12:00:00.000Z', before: '2026-06-09T12:00:00.000Z' }],
    ['older', { before: '2026-06-03T12:00:00.000Z' }],
    [null, {}],
  ] as const)('%s', (age, expected) => {
    expect(ageWindow(age, now)).toEqual(expected)
  })
})

describe('parseLogFilters and parseReportFilters', () => {
  it('keeps known actions, a page, a moderator and a cursor', () => {
    expect(parseLogFilters(q(`action=report.dismissed&page=a-b&moderator=%20mod%20&before=${id}`))).toEqual({ action: 'report.dismissed', page: 'a-b', moderator: 'mod', before: id })
    expect(parseLogFilters(q('action=drop.table&before=1'))).toEqual({ action: null, page: null, moderator: null, before: null })
  })

  it('shows open reports unless asked otherwise', () => {
    expect(parseReportFilters(q(''))).toEqual({ status: 'open', page: null, before: null })
    expect(parseReportFilters(q('status=resolved&page=x'))).toEqual({ status: 'resolved', page: 'x', before: null })
    expect(parseReportFilters(q('status=deleted')).status).toBe('open')
  })
})
