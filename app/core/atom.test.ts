import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docArbitrary } from '#test/fixtures/arbitraries'
import { content } from '#test/fixtures/docs'
import { assertInert } from '#test/fixtures/inert'
import { child, children, parseXml } from '#test/fixtures/xml'
import { buildAtomFeed, xmlEscape, type AtomFeed } from './atom'
import { feedEntryHtml } from './feed-entry'
import { diffRevisions, ENGLISH_DIFF_LABELS, renderBodyDiff } from './revision-diff'

const feed = (overrides: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'https://sourced.example/feeds/recent-changes.atom',
  title: 'Recent changes',
  updated: '2026-01-02T03:04:05.000Z',
  self: 'https://sourced.example/feeds/recent-changes.atom',
  alternate: 'https://sourced.example/recent-changes',
  lang: 'en',
  entries: [],
  ...overrides,
})

describe('xmlEscape', () => {
  const cases: Array<[string, string]> = [
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    [`"quoted" and 'single'`, '&quot;quoted&quot; and &apos;single&apos;'],
    [']]>', ']]&gt;'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['lone \ud800 surrogate', 'lone  surrogate'],
    ['\ufffe\uffff', ''],
    ['tab\tnewline\n', 'tab\tnewline\n'],
    ['emoji 😀 and ünïcödé', 'emoji 😀 and ünïcödé'],
  ]
  it.each(cases)('%j → %j', (input, expected) => {
    expect(xmlEscape(input)).toBe(expected)
  })
})

describe('buildAtomFeed', () => {
  it('writes a well-formed Atom 1.0 feed whose texts read back as given', () => {
    const hostile = 'Teams ]]> vs <Tchap> & "Element" ]]> again'
    const xml = buildAtomFeed(
      feed({
        entries: [
          {
            id: 'https://sourced.example/pages/a/revisions/01j',
            title: hostile,
            updated: '2026-01-02T03:04:05.000Z',
            link: 'https://sourced.example/pages/a/diff?from=01h&to=01j',
            author: { name: 'alice', uri: 'https://sourced.example/users/alice' },
            summary: 'Fixed a number',
            contentHtml: '<p>Fixed <ins>400</ins></p>',
          },
        ],
      }),
    )
    const root = parseXml(xml)
    expect(root.name).toBe('feed')
    expect(root.attrs).toEqual({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'en' })
    expect(child(root, 'id').text).toBe('https://sourced.example/feeds/recent-changes.atom')
    expect(children(root, 'link').map((l) => l.attrs)).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: 'https://sourced.example/feeds/recent-changes.atom' },
      { rel: 'alternate', type: 'text/html', href: 'https://sourced.example/recent-changes' },
    ])
    const entry = child(root, 'entry')
    expect(child(entry, 'title').text).toBe(hostile)
    expect(child(entry, 'link').attrs.href).toBe('https://sourced.example/pages/a/diff?from=01h&to=01j')
    expect(child(child(entry, 'author'), 'name').text).toBe('alice')
    expect(child(entry, 'content').attrs.type).toBe('html')
    expect(child(entry, 'content').text).toBe('<p>Fixed <ins>400</ins></p>')
    expect(xml).not.toContain('CDATA')
  })

  it('stays well-formed whatever the titles, names and summaries hold', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 40 })
    fc.assert(
      fc.property(anyText, anyText, anyText, (title, name, summary) => {
        const xml = buildAtomFeed(feed({ title, entries: [{ id: 'https://x.example/1', title, updated: '2026-01-01T00:00:00.000Z', link: 'https://x.example/1?a=1&b=2', author: { name }, summary, contentHtml: summary }] }))
        const root = parseXml(xml)
        expect(child(child(root, 'entry'), 'title').text).toBe(xmlEscapeRoundTrip(title))
      }),
      { numRuns: 300 },
    )
  })
})

/** What survives escaping: the text without the characters XML cannot carry. */
function xmlEscapeRoundTrip(s: string): string {
  return s.replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
}

const hostileLine = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', ']]>', '<iframe src=//x>'))

describe('property: feed content built from any diff is well-formed and inert', () => {
  it('holds for generated documents, titles and summaries with hostile content', () => {
    fc.assert(
      fc.property(docArbitrary, docArbitrary, hostileLine, hostileLine, (a, b, title, summary) => {
        const diff = diffRevisions(content(a, { title: 'Before' }), content(b, { title, summary }))
        const html = feedEntryHtml({
          summary,
          facts: [`Status: ${title}`],
          meta: diff.meta,
          metaLabels: { title: 'Title', summary: 'Summary' },
          bodyDiffHtml: renderBodyDiff(diff.body),
          tooLarge: 'too large',
          labels: ENGLISH_DIFF_LABELS,
        })
        const xml = buildAtomFeed(feed({ entries: [{ id: 'https://x.example/r/1', title: 't', updated: '2026-01-01T00:00:00.000Z', link: 'https://x.example/d', author: { name: 'n' }, contentHtml: html }] }))
        const root = parseXml(xml)
        // The XML itself holds only Atom elements; the HTML is text inside <content>.
        const names = new Set<string>()
        const walk = (e: typeof root) => {
          names.add(e.name)
          e.children.forEach(walk)
        }
        walk(root)
        expect([...names].every((n) => ['feed', 'id', 'title', 'updated', 'link', 'generator', 'entry', 'author', 'name', 'content'].includes(n))).toBe(true)
        assertInert(child(child(root, 'entry'), 'content').text)
      }),
      { numRuns: 200 },
    )
  })
})

describe('the strict XML check the feed tests rely on', () => {
  const malformed = [
    '<feed><title>a & b</title></feed>',
    '<feed><title>a < b</title></feed>',
    '<feed><title>&nbsp;</title></feed>',
    '<feed><title>]]></title></feed>',
    '<feed><title>x</feed>',
    '<feed a="1" a="2"/>',
    '<feed a="<"/>',
    '<feed/><feed/>',
    '<feed>\u0001</feed>',
    '<feed><![CDATA[x]]></feed>',
  ]
  it.each(malformed)('refuses %j', (xml) => {
    expect(() => parseXml(xml)).toThrow()
  })
  it('accepts references and self-closing elements', () => {
    expect(parseXml('<?xml version="1.0" encoding="utf-8"?>\n<a x="&quot;1&quot;">&lt;b&gt; &#233;&#x1F600;<c/></a>')).toEqual({ name: 'a', attrs: { x: '"1"' }, text: '<b> é😀', children: [{ name: 'c', attrs: {}, text: '', children: [] }] })
  })
})
