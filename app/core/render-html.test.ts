import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docArbitrary } from '#test/fixtures/arbitraries'
import { citation, doc, figure, p, table, text } from '#test/fixtures/docs'
import { validateBody } from './document'
import { renderBody } from './render-html'

import { assertInert } from '#test/fixtures/inert'

describe('renderBody', () => {
  it('renders paragraphs, tables, figures and citations', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Users & usage')] },
      p(text('Tchap had '), figure('220,000', { sourceId: 's1', quote: 'q', asOf: '2021' }), text(' users.'), citation('s1')),
      table([text('A')], [text('B')]),
    )
    const html = renderBody(body, { figures: [{ start: 24, end: 31, ordinal: 0, marked: true }] })
    expect(html).toContain('<h2 id="h-users-usage">Users &amp; usage</h2>')
    expect(html).toContain('<button type="button" class="fig" id="fig-0" data-fig="0" popovertarget="fig-0-panel" aria-haspopup="dialog">220,000</button>')
    expect(html).toContain('<sup class="cite" id="cite-ref-1"><a href="#cite-1">[1]</a></sup>')
    expect(html).toContain('<th>')
    expect(html).toContain('role="region" aria-label="Table 1"')
  })

  it('escapes text and drops unsafe links', () => {
    const html = renderBody(doc(p(text('<script>alert(1)</script>', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]))))
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
  })

  it('highlights spans across marks without breaking nesting', () => {
    const html = renderBody(doc(p(text('the '), text('leading', [{ type: 'bold' }]), text(' suite'))), {
      highlights: [{ start: 4, end: 11, className: 'hl-marketing', title: 'Promotional: "leading"' }],
    })
    expect(html).toBe('<p>the <mark class="hl-marketing" title="Promotional: &quot;leading&quot;"><strong>leading</strong></mark> suite</p>')
  })

  it('never nests a link inside a figure button', () => {
    const body = doc(p({ type: 'text', text: '5', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }, { type: 'figure', attrs: { sourceId: 's', quote: 'q', asOf: '2020', metric: null } }] }))
    const html = renderBody(body, { figures: [{ start: 0, end: 1, ordinal: 0, marked: true }] })
    expect(html).not.toMatch(/<button[^>]*>.*<a /)
  })
})

describe('property: rendered HTML is inert and every accepted document round-trips', () => {
  it('holds for generated documents with hostile content', () => {
    fc.assert(
      fc.property(docArbitrary, (body) => {
        const result = validateBody(body)
        const html = renderBody(result.ok ? result.value : body)
        assertInert(html)
        if (result.ok) expect(validateBody(result.value)).toEqual(result)
      }),
      { numRuns: 400 },
    )
  })
})
