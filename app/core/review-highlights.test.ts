import { describe, expect, it } from 'vitest'
import { analyseContent } from './analyse'
import { markDisputed } from './disputed-html'
import { renderBody } from './render-html'
import { highlightsByBlock, referencedSourceIds, reviewHighlights, splitByRanges } from './review-highlights'
import { diffRevisions, renderBodyDiff } from './revision-diff'
import { content, doc, figure, p, text, citation, table } from '#test/fixtures/docs'

const labels = {
  uncited: 'No source',
  mismatch: 'Quote does not show it',
  marketing: (category: string, suggestion: string) => `Promotional (${category}): ${suggestion}`,
}

describe('reviewHighlights', () => {
  const sources = { has: (id: string) => id === 's1' }
  const body = doc(
    p(text('openDesk is the leading suite, used by 5,000 agencies and '), figure('40%', { sourceId: 's1', quote: 'nearly half', asOf: '2025' }), text(' of towns.')),
    p(figure('12', { sourceId: 's1', quote: '12 ministries', asOf: '2025' }), text(' ministries.')),
  )
  const analysis = analyseContent(content(body, { title: 'The leading suite' }), sources)
  const ranges = reviewHighlights(analysis.findings, labels)

  it('highlights every finding of the body in place, and only the body', () => {
    expect(ranges.map((r) => [analysis.text.slice(r.start, r.end), r.className])).toEqual([
      ['leading', 'hl-marketing'],
      ['5,000', 'hl-uncited'],
      ['40%', 'hl-mismatch'],
    ])
  })

  it('gives promotional spans their category and suggestion, for screen readers too', () => {
    const marketing = ranges.find((r) => r.className === 'hl-marketing')!
    expect(marketing.title).toBe("Promotional (peacock): Say what it does, with a source, instead of 'leading'.")
    expect(marketing.label).toBe(marketing.title)
  })

  it('renders them as marks with visually hidden explanations, leaving cited figures as evidence buttons', () => {
    const html = renderBody(body, { figures: analysis.figures.map((f) => ({ start: f.start, end: f.end, ordinal: f.ordinal, marked: f.marked })), highlights: ranges })
    expect(html).toContain('<mark class="hl-marketing" title="Promotional (peacock): Say what it does, with a source, instead of &#39;leading&#39;.">leading<span class="visually-hidden"> (Promotional (peacock)')
    expect(html).toContain('<mark class="hl-uncited" title="No source">5,000<span class="visually-hidden"> (No source)</span></mark>')
    expect(html).toMatch(/<button type="button" class="fig" id="fig-2"[^>]*>12<\/button>/)
  })
})

describe('findings in the diff against the stable revision', () => {
  const sources = { has: (id: string) => id === 's1' }
  const stable = content(doc(p(text('openDesk is a suite.')), p(text('Unchanged paragraph.')), p(text('Tchap is used by ministries.'))))
  const pending = content(
    doc(
      p(text('openDesk is the leading suite.')),
      p(text('Unchanged paragraph.')),
      p(text('Tchap is currently used by 5,000 civil servants'), citation('s1'), text(' in 40 ministries.')),
      table([text('Seamless')]),
    ),
  )
  const analysis = analyseContent(pending, sources)
  const ranges = reviewHighlights(analysis.findings, labels)
  const html = renderBodyDiff(diffRevisions(stable, pending).body, undefined, { highlights: highlightsByBlock(pending.body, ranges) })
  const marked = [...html.matchAll(/<mark class="([^"]+)" title="[^"]*">(.*?)<\/mark>/g)].map((m) => [m[2]!.replace(/<span class="visually-hidden">.*$/, ''), m[1]])

  it('marks every finding of the newer text in place: changed words, added blocks, nested cells', () => {
    expect(marked).toEqual([
      ['leading', 'hl-marketing'],
      ['currently', 'hl-marketing'],
      ['5,000', 'hl-uncited'],
      ['40', 'hl-uncited'],
      ['Seamless', 'hl-marketing'],
    ])
    // Inside the insertion, so a finding reads as part of what changed.
    expect(html).toContain('<ins><span class="visually-hidden">added: </span><mark class="hl-marketing" title="Promotional (peacock): Say what it does, with a source, instead of &#39;leading&#39;.">leading<span class="visually-hidden"> (Promotional (peacock)')
  })

  it('counts offsets past citations and leaves removed text unmarked', () => {
    expect(html).toContain('<del><span class="visually-hidden">removed: </span>a<span class="visually-hidden"> (end of removal)</span></del>')
    expect(html).not.toMatch(/<del>[^/]*<mark/)
  })

  it('splits a highlight that a change boundary cuts, reading its label once', () => {
    const before = content(doc(p(text('Used by 5,000 people.'))))
    const after = content(doc(p(text('Used by 5,000 agencies.'))))
    const byBlock = highlightsByBlock(after.body, [{ start: 8, end: 22, className: 'hl-marketing', title: 'T', label: 'L' }])
    const out = renderBodyDiff(diffRevisions(before, after).body, undefined, { highlights: byBlock })
    expect(out.match(/<mark /g)).toHaveLength(2)
    expect(out.match(/\(L\)/g)).toHaveLength(1)
    expect(out).toContain('Used by <mark class="hl-marketing" title="T">5,000 </mark><del>')
    expect(out).toContain('<ins><span class="visually-hidden">added: </span><mark class="hl-marketing" title="T">agencies<span class="visually-hidden"> (L)</span></mark>')
  })

  it('renders exactly as before without highlights', () => {
    const plain = renderBodyDiff(diffRevisions(stable, pending).body)
    expect(plain).not.toContain('<mark')
    expect(html.replace(/<mark [^>]*>|<\/mark>|<span class="visually-hidden"> \([^<]*\)<\/span>(?=<\/mark>)/g, '')).toBe(plain)
  })
})

describe('splitByRanges', () => {
  it('cuts a title into plain and marked segments', () => {
    const segments = splitByRanges('The leading suite', [{ start: 4, end: 11, tag: 'm' }])
    expect(segments.map((s) => [s.text, s.mark?.tag ?? null])).toEqual([['The ', null], ['leading', 'm'], [' suite', null]])
  })

  it('ignores ranges outside the text or overlapping an earlier one', () => {
    expect(splitByRanges('abc', [{ start: 0, end: 2 }, { start: 1, end: 3 }, { start: 2, end: 9 }, { start: null, end: null }]).map((s) => s.text)).toEqual(['ab', 'c'])
  })
})

describe('markDisputed', () => {
  const html = renderBody(doc(p(figure('5,000', { sourceId: 's1', quote: 'q', asOf: '2025' }), text(' and '), figure('7', { sourceId: 's1', quote: 'q', asOf: '2025' }), citation('s1'))), {
    figures: [{ start: 0, end: 5, ordinal: 0, marked: true }, { start: 10, end: 11, ordinal: 1, marked: true }],
  })

  it('adds data-disputed to the disputed figures and citations only', () => {
    const out = markDisputed(html, { figures: new Set([1]), citations: new Set([0]) })
    expect(out).toContain('<button type="button" class="fig" id="fig-1" data-disputed="true" ')
    expect(out).not.toContain('id="fig-0" data-disputed')
    expect(out).toContain('<sup class="cite" id="cite-ref-1" data-disputed="true">')
  })

  it('returns the cached HTML untouched when nothing is disputed', () => {
    expect(markDisputed(html, { figures: new Set(), citations: new Set() })).toBe(html)
  })
})

describe('referencedSourceIds', () => {
  it('collects the sources of figure marks and citations once each', () => {
    const body = doc(p(figure('1', { sourceId: 'a' }), citation('b'), figure('2', { sourceId: 'a' }), citation(null)))
    expect(referencedSourceIds(body).sort()).toEqual(['a', 'b'])
  })
})
