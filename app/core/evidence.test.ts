import { describe, expect, it } from 'vitest'
import type { DocNode } from './content'
import { doc, figure, p, table, text } from '#test/fixtures/docs'
import { analyseBody } from './analyse'
import { isOutdated, notComparableFigures } from './evidence'

describe('isOutdated', () => {
  const now = new Date('2026-11-27T00:00:00Z')
  it.each([
    [null, 18, false],
    ['2026-11', 18, false],
    ['2025-05', 18, false], // exactly 18 months: not yet
    ['2025-04', 18, true],
    ['2024', 18, true],
    ['2025', 18, false], // a year counts from its end: 11 months
    ['2025-04', 24, false],
    ['not a date', 18, false],
  ])('as of %s with %s months → %s', (asOf, max, outdated) => {
    expect(isOutdated(asOf, now, max)).toBe(outdated)
  })
})

describe('notComparableFigures', () => {
  const known = { has: (id: string) => id === 's1' }
  const fig = (t: string, metric: string | null) => figure(t, { sourceId: 's1', quote: t, asOf: '2025', metric })
  const located = (body: DocNode) => analyseBody(body, 'en', known).figures.map((f) => ({ ordinal: f.ordinal, start: f.start, end: f.end, metric: f.metric }))
  const flagged = (body: DocNode) => [...notComparableFigures(body, located(body))].sort((a, b) => a - b)
  /** A table from rows of cells; "H:" marks a header cell. */
  const grid = (...rows: Array<Array<DocNode | string>>): DocNode => ({
    type: 'table',
    content: rows.map((cells) => ({
      type: 'tableRow',
      content: cells.map((c) => {
        const header = typeof c === 'string' && c.startsWith('H:')
        const inline = typeof c === 'string' ? text(header ? c.slice(2) : c) : c
        return { type: header ? 'tableHeader' : 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(inline)] }
      }),
    })),
  })

  it.each([
    {
      name: 'a header row: a column mixing metrics is flagged',
      body: grid(['H:Product', 'H:Users'], ['Tchap', fig('220,000', 'registered users')], ['Teams', fig('320 million', 'monthly active users')]),
      expected: [0, 1],
    },
    {
      name: 'a header row over products: a row mixing metrics is flagged (the feature-matrix layout)',
      body: grid(['H:Feature', 'H:Teams', 'H:Tchap'], ['Users', fig('320 million', 'daily active users'), fig('220,000', 'registered users')], ['Cost', fig('€5m', 'annual cost'), fig('€1m', 'annual cost')]),
      expected: [0, 1],
    },
    {
      name: 'a header row: different columns of one row are different things, not a conflict',
      body: grid(['H:Source', 'H:Mailboxes', 'H:E-mails'], ['dpa', fig('40,000', 'mailboxes'), fig('100 million', 'e-mails')], ['State', fig('44,000', 'mailboxes'), fig('110 million', 'e-mails')]),
      expected: [],
    },
    {
      name: 'a header column: a row mixing metrics is flagged, a column is not',
      body: grid(['H:Users', fig('320 million', 'monthly active users'), fig('220,000', 'registered users')], ['H:Cost', fig('€5m', 'annual cost'), fig('€1m', 'annual cost')]),
      expected: [0, 1],
    },
    {
      name: 'a list of key figures: different facts in one column are not a comparison',
      body: grid(['H:Figure', 'H:Value'], ['Requests', fig('1,500', 'requests for openDesk')], ['Term', fig('7,000', 'users of the Agora platform')], ['Offices', fig('400', 'health offices')]),
      expected: [],
    },
    {
      name: 'no header: read row by row',
      body: grid([fig('220,000', 'registered users'), fig('375,000', 'monthly active users')], [fig('5,000', 'rooms'), fig('6,000', 'rooms')]),
      expected: [0, 1],
    },
    {
      name: 'metrics that differ only in case and spacing are one metric; figures without one are left alone',
      body: doc(grid(['H:A'], [fig('220,000', 'Registered  users')], [fig('375,000', 'registered users')], [fig('40%', null)]), p(fig('5,000', 'other'))),
      expected: [],
    },
  ])('$name', ({ body, expected }) => {
    expect(flagged(body.type === 'doc' ? body : doc(body))).toEqual(expected)
  })

  it('keeps the tables of a document apart', () => {
    const body = doc(table([text('A')], [fig('1,000', 'users')]), table([text('B')], [fig('2,000', 'rooms')]))
    expect(flagged(body)).toEqual([])
  })
})
