import { describe, expect, it } from 'vitest'
import { checkAsOf, parseAsOf, UNDATED } from './as-of'
import { figureDateIssues } from './figure-dates'
import { doc, figure, p, text } from '#test/fixtures/docs'

const today = '2026-12-03'

describe('as-of dates', () => {
  it.each([
    ['2024', { precision: 'year', first: '2024-01-01', last: '2024-12-31' }],
    ['2024-02', { precision: 'month', first: '2024-02-01', last: '2024-02-29' }],
    ['2023-02', { precision: 'month', first: '2023-02-01', last: '2023-02-28' }],
    ['2024-02-29', { precision: 'day', first: '2024-02-29', last: '2024-02-29' }],
  ])('reads %s as a period', (value, period) => {
    expect(parseAsOf(value)).toEqual({ kind: 'dated', text: value, ...period })
  })

  it('reads "undated" as a figure whose source gives no date', () => {
    expect(parseAsOf(UNDATED)).toEqual({ kind: 'undated' })
    expect(checkAsOf(UNDATED, { today, sourcePublishedAt: '2020-01' })).toBeNull()
  })

  it.each([
    ['2024-02-30', 'calendar'],
    ['2023-02-29', 'calendar'],
    ['2024-13', 'calendar'],
    ['2024-00', 'calendar'],
    ['2024-04-31', 'calendar'],
    ['24-01', 'format'],
    ['March 2020', 'format'],
    ['2024-1', 'format'],
    ['', 'format'],
    ['2099-01', 'future'],
    ['2026-12-04', 'future'],
    ['2027', 'future'],
  ])('refuses %s (%s)', (value, problem) => {
    expect(checkAsOf(value, { today })).toBe(problem)
  })

  it('accepts today and a year that has begun', () => {
    expect(checkAsOf('2026-12-03', { today })).toBeNull()
    expect(checkAsOf('2026', { today })).toBeNull()
  })

  it('refuses a period that starts after the source was published, reading partial source dates at their latest day', () => {
    expect(checkAsOf('2021-04', { today, sourcePublishedAt: '2021-03-15' })).toBe('after-source')
    expect(checkAsOf('2021-03', { today, sourcePublishedAt: '2021-03-15' })).toBeNull()
    expect(checkAsOf('2021-12-31', { today, sourcePublishedAt: '2021' })).toBeNull()
    expect(checkAsOf('2022', { today, sourcePublishedAt: '2021' })).toBe('after-source')
    expect(checkAsOf('2022', { today, sourcePublishedAt: '2021-06-01T10:00:00.000Z' })).toBe('after-source')
    expect(checkAsOf('2022', { today, sourcePublishedAt: null })).toBeNull()
  })

  it('names each figure dated after its source, with the path of its as-of attribute', () => {
    const body = doc(
      p(text('A '), figure('200,000', { sourceId: 's1', quote: '200 000', asOf: '2025' }), text(' and '), figure('300,000', { sourceId: 's2', quote: '300 000', asOf: '2025' })),
    )
    const issues = figureDateIssues(body, (id) => (id === 's1' ? '2024-05' : null), today)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path: 'body.content.0.content.1.marks.0.attrs.asOf', params: { rule: 'as_of_after_source' } })
    expect(issues[0]!.message).toContain('200,000')
    expect(issues[0]!.message).toContain('2024-05')
  })
})
