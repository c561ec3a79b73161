import { describe, expect, it } from 'vitest'
import { SOURCE_KINDS, type DocNode } from '#app/core/content'
import { validateContent } from '#app/core/document'
import { LANGS } from '#app/core/lang'
import { bold, cite, fig, h, link, ol, p, table, ul } from './build'
import { demoPages, demoSources } from './demo-content'

function* walk(node: DocNode): Generator<DocNode> {
  yield node
  for (const child of node.content ?? []) yield* walk(child)
}

interface FigureUse {
  slug: string
  text: string
  attrs: Record<string, unknown>
}

function figures(): FigureUse[] {
  return demoPages.flatMap((page) =>
    [...walk(page.content.body)].flatMap((node) =>
      (node.marks ?? [])
        .filter((m) => m.type === 'figure')
        .map((m) => ({ slug: page.slug, text: node.text ?? '', attrs: m.attrs ?? {} })),
    ),
  )
}

/** "220 000", "220.000" and "220,000" all become "220000"; "2,5" becomes "25". */
function digits(text: string): string {
  return text.replace(/(\d)[\s.,'\u00a0\u202f](?=\d)/g, '$1')
}

/** The text of a block outside figure marks, for the checks on unmarked numbers and wording. */
function unmarkedText(node: DocNode): string {
  return [...walk(node)]
    .filter((n) => n.type === 'text' && !(n.marks ?? []).some((m) => m.type === 'figure'))
    .map((n) => n.text ?? '')
    .join('\n')
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|' +
  'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre'

/** Numbers that are not figures: years, days of a date, product names, SPDX licence ids. */
function withoutNonFigures(text: string): string {
  return text
    .replace(/\b[A-Z][A-Za-z]*-\d+(\.\d+)*(-only|-or-later)?\b/g, '')
    .replace(new RegExp(`\\b\\d{1,2}\\.? (${MONTHS})\\b`, 'g'), '')
    .replace(/\b(19|20)\d{2}\b/g, '')
    .replace(/Microsoft 365/g, '')
}

const sourceKeys = new Set(demoSources.map((s) => s.key))

describe('demo content', () => {
  it('has at least six pages with unique kebab-case slugs', () => {
    expect(demoPages.length).toBeGreaterThanOrEqual(6)
    const slugs = demoPages.map((p) => p.slug)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('features three pages', () => {
    expect(demoPages.filter((p) => p.featured)).toHaveLength(3)
  })

  it('has sources with unique keys and unique http(s) URLs', () => {
    const keys = demoSources.map((s) => s.key)
    expect(new Set(keys).size).toBe(keys.length)
    const urls = demoSources.map((s) => s.url)
    expect(new Set(urls).size).toBe(urls.length)
    for (const source of demoSources) {
      expect(source.url).toMatch(/^https?:\/\/[^\s]+$/)
      expect(SOURCE_KINDS).toContain(source.kind)
      expect(LANGS).toContain(source.lang)
      expect(source.title.trim()).not.toBe('')
      expect(source.publisher.trim()).not.toBe('')
      if (source.publishedAt !== null) expect(source.publishedAt).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    }
  })

  it('uses every source it declares', () => {
    const used = new Set<string>()
    for (const page of demoPages) {
      for (const node of walk(page.content.body)) {
        if (node.type === 'citation') used.add(String(node.attrs?.sourceId))
        for (const mark of node.marks ?? []) if (mark.type === 'figure') used.add(String(mark.attrs?.sourceId))
      }
    }
    expect([...sourceKeys].filter((k) => !used.has(k))).toEqual([])
  })

  it('points every figure and citation at a declared source', () => {
    for (const page of demoPages) {
      for (const node of walk(page.content.body)) {
        if (node.type === 'citation') expect(sourceKeys, `${page.slug}: citation`).toContain(node.attrs?.sourceId)
        for (const mark of node.marks ?? []) {
          if (mark.type === 'figure') expect(sourceKeys, `${page.slug}: figure "${node.text}"`).toContain(mark.attrs?.sourceId)
        }
      }
    }
  })

  it('gives every figure a quote that shows its number, an as-of date and a metric', () => {
    const all = figures()
    expect(all.length).toBeGreaterThan(30)
    for (const { slug, text, attrs } of all) {
      const where = `${slug}: figure "${text}"`
      expect(typeof attrs.quote === 'string' && attrs.quote.trim() !== '', where).toBe(true)
      // Dated, or `undated` where the source gives no date (decision 026).
      expect(attrs.asOf, where).toMatch(/^(\d{4}(-\d{2}(-\d{2})?)?|undated)$/)
      // A registry slug (migration 0050; the seeded registry is checked in app/models/metrics.server.test.ts).
      expect(attrs.metric, where).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      const number = digits(text).match(/\d+/)?.[0]
      expect(number, where).toBeDefined()
      expect(digits(String(attrs.quote)), where).toMatch(new RegExp(`(^|\\D)${number}(\\D|$)`))
    }
  })

  it('leaves no number that states a fact outside a figure mark', () => {
    for (const page of demoPages) {
      const rest = withoutNonFigures(unmarkedText(page.content.body))
      expect(rest.match(/.{0,30}\d.{0,30}/g) ?? [], page.slug).toEqual([])
    }
  })

  it('keeps time-relative and promotional words out of the prose', () => {
    const words = /\b(currently|today|recently|leading|seamless|innovative|aktuell|derzeit|heute|kürzlich|actuellement|aujourd'hui|récemment)\b/i
    for (const page of demoPages) {
      expect(unmarkedText(page.content.body), page.slug).not.toMatch(words)
      expect(page.content.summary, page.slug).not.toMatch(words)
    }
  })

  it('never produces empty text nodes', () => {
    for (const page of demoPages) {
      for (const node of walk(page.content.body)) {
        if (node.type === 'text') expect(node.text?.length ?? 0, page.slug).toBeGreaterThan(0)
      }
    }
  })

  it('has a table on every page but at most two', () => {
    const withoutTable = demoPages.filter((page) => ![...walk(page.content.body)].some((n) => n.type === 'table'))
    expect(withoutTable.length).toBeLessThanOrEqual(2)
  })

  it('writes between 150 and 500 words per page', () => {
    for (const page of demoPages) {
      const words = [...walk(page.content.body)]
        .filter((n) => n.type === 'text')
        .map((n) => n.text ?? '')
        .join(' ')
        .split(/\s+/)
        .filter((w) => /\p{L}|\d/u.test(w)).length
      expect(words, page.slug).toBeGreaterThanOrEqual(150)
      expect(words, page.slug).toBeLessThanOrEqual(500)
    }
  })

  it('passes the server-side content validation', () => {
    for (const page of demoPages) {
      const result = validateContent(page.content)
      expect(result.ok ? [] : result, page.slug).toEqual([])
    }
  })
})

describe('seed builders', () => {
  const evidence = { source: 'k', quote: '220 000 inscrits', asOf: '2021-03', metric: 'registered users' }

  it('merges adjacent strings and keeps a figure mark on the figure text only', () => {
    expect(p('more ', 'than ', fig('220,000', evidence), '', ' users', cite('k'))).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'more than ' },
        { type: 'text', text: '220,000', marks: [{ type: 'figure', attrs: { sourceId: 'k', quote: '220 000 inscrits', asOf: '2021-03', metric: 'registered users', metricDefinition: null, product: null } }] },
        { type: 'text', text: ' users' },
        { type: 'citation', attrs: { sourceId: 'k', quote: null, locator: null } },
      ],
    })
  })

  it('never builds empty text nodes', () => {
    expect(p('')).toEqual({ type: 'paragraph' })
    expect(() => fig('', evidence)).toThrow()
    expect(() => bold('')).toThrow()
  })

  it('builds marks, lists, headings and tables with the Tiptap names and attributes', () => {
    expect(link('Tchap', 'https://www.tchap.gouv.fr')).toEqual({
      type: 'text',
      text: 'Tchap',
      marks: [{ type: 'link', attrs: { href: 'https://www.tchap.gouv.fr', target: null, rel: null, class: null } }],
    })
    expect(h(2, 'Usage')).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Usage' }] })
    expect(ol('one').attrs).toEqual({ start: 1 })
    expect(ul('a', ['b ', bold('c')]).content?.[1]).toEqual({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'b ' }, { type: 'text', text: 'c', marks: [{ type: 'bold' }] }] }],
    })
    const t = table(['A', 'B'], ['x', ['y ', fig('1', { ...evidence, quote: '1' })]])
    expect(t.content?.[0]?.content?.[0]).toEqual({
      type: 'tableHeader',
      attrs: { colspan: 1, rowspan: 1, colwidth: null },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }],
    })
    expect(t.content?.[1]?.content?.[1]?.type).toBe('tableCell')
    expect(() => table(['A', 'B'], ['only one'])).toThrow()
  })
})
