import { describe, expect, it } from 'vitest'
import { backLinkLetter, groupReferences, markFigureStates, prepareReading, renumberCitations, tableOfContents } from './reading'
import { renderBody } from './render-html'

const body = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Tchap has 375,000 users.' }, { type: 'citation' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Users & "reach"' }] },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Details' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Again 12 here.' }, { type: 'citation' }, { type: 'citation' }] },
  ],
}

describe('the reading view of a body', () => {
  const html = renderBody(body as never, {
    figures: [
      { start: 10, end: 17, ordinal: 0, marked: true },
    ],
  })

  it('lists the second- and third-level headings with their ids and plain text', () => {
    expect(tableOfContents(html)).toEqual([
      { level: 2, id: expect.any(String), text: 'Users & "reach"' },
      { level: 3, id: expect.any(String), text: 'Details' },
    ])
    for (const entry of tableOfContents(html)) expect(html).toContain(`id="${entry.id}"`)
  })

  it('marks a figure’s states inside its button, with words for screen readers', () => {
    const out = markFigureStates(html, new Map([[0, ['outdated', 'disputed'] as const]]), (s) => `is ${s}`)
    expect(out).toMatch(/<button type="button" class="fig" id="fig-0" [^>]*data-states="outdated disputed">375,000<span class="fig-mark fig-mark--outdated" aria-hidden="true">◷<\/span><span class="visually-hidden"> \(is outdated\)<\/span><span class="fig-mark fig-mark--disputed"/)
    expect(markFigureStates(html, new Map([[7, ['outdated'] as const]]), String)).toBe(html)
  })

  it('numbers citations per source, with back-link letters', () => {
    const citations = [
      { n: 1, sourceId: 'a' },
      { n: 2, sourceId: 'b' },
      { n: 3, sourceId: 'a' },
      { n: 4, sourceId: null },
    ]
    const groups = groupReferences(citations)
    expect(groups.map((g) => [g.n, g.sourceId, g.uses.map((u) => `${u.citation.n}${u.letter}`)])).toEqual([
      [1, 'a', ['1a', '3b']],
      [2, 'b', ['2a']],
      [3, null, ['4a']],
    ])
    const out = renumberCitations(html, groupReferences(citations.slice(0, 3)))
    expect(out).toContain('<a href="#cite-1">[1]</a>')
    expect(out).toContain('<a href="#cite-2">[2]</a>')
    expect(out).toContain('<a href="#cite-3">[1]</a>')
  })

  it('counts the page facts from cited figures only', () => {
    const reading = prepareReading({
      bodyHtml: html,
      figures: [
        { ordinal: 0, cited: true, sourceId: 's', outdated: true, notComparable: false, disputed: false },
        { ordinal: 1, cited: false, sourceId: null, outdated: true, notComparable: true },
      ],
      citations: [],
      isSelfReported: (id) => id === 's',
      label: String,
    })
    expect(reading.facts).toEqual({ figures: 1, outdated: 1, selfReported: 1, disputed: 0, notComparable: 0 })
    expect(reading.states).toEqual({ 0: ['outdated', 'selfReported'] })
    expect(reading.contents).toHaveLength(2)
  })

  it.each([
    [0, 'a'],
    [25, 'z'],
    [26, 'aa'],
    [27, 'ab'],
  ])('back-link %i is %s', (index, letter) => expect(backLinkLetter(index)).toBe(letter))
})
