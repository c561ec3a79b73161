import { describe, expect, it } from 'vitest'
import { suggestProducts } from './product-suggest'

const products = [
  { slug: 'microsoft-teams', name: 'Microsoft Teams', aliases: ['Teams', 'MS Teams'] },
  { slug: 'tchap', name: 'Tchap', aliases: [] },
  { slug: 'visio-la-suite-meet', name: 'Visio (La Suite Meet)', aliases: ['Visio', 'La Suite Meet'] },
  { slug: 'slack', name: 'Slack', aliases: [] },
]

describe('suggestProducts', () => {
  it('finds products named in the sentence by name or alias, in the order they appear', () => {
    const found = suggestProducts([{ place: 'sentence', text: 'Tchap has 200,000 daily users, while Teams reported 75 million.' }], products)
    expect(found.map((s) => [s.slug, s.matched])).toEqual([['tchap', 'Tchap'], ['microsoft-teams', 'Teams']])
  })

  it('falls back to the row and column headers, ignoring case and accents, on whole words only', () => {
    const found = suggestProducts(
      [
        { place: 'sentence', text: 'more than 200,000' },
        { place: 'row', text: 'TCHAP (Matrix)' },
        { place: 'column', text: 'Vísio users' },
      ],
      products,
    )
    expect(found.map((s) => [s.slug, s.place])).toEqual([['tchap', 'row'], ['visio-la-suite-meet', 'column']])
    expect(suggestProducts([{ place: 'sentence', text: 'slackers and teamsters' }], products)).toEqual([])
  })

  it('names each product once, by the first place that names it', () => {
    const found = suggestProducts([{ place: 'sentence', text: 'Slack: 12 million' }, { place: 'row', text: 'Slack' }], products)
    expect(found).toEqual([{ slug: 'slack', name: 'Slack', place: 'sentence', matched: 'Slack' }])
  })
})
