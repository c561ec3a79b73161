import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { docArbitrary } from '#test/fixtures/arbitraries'
import { citation, content, doc, p, table, text } from '#test/fixtures/docs'
import { assertInert } from '#test/fixtures/inert'
import type { DocNode } from './content'
import {
  diffCitations,
  diffMeta,
  diffRevisions,
  diffWords,
  ENGLISH_DIFF_LABELS as ENGLISH,
  metaUnchanged,
  plainTextOf,
  renderBodyDiff,
  renderInlineDiff,
  type BlockChange,
  type InlinePart,
} from './revision-diff'

const h = (level: number, t: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(t)] })
const ul = (...items: string[]): DocNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [p(text(i))] })) })
const bold = (t: string) => text(t, [{ type: 'bold' }])
const lines = (...l: string[]) => doc(...l.map((x) => p(text(x))))

/** A compact picture of a diff: "=" same, "+" added, "-" removed, "~" changed (with its parts), ">" nested, "…n" skipped. */
function shape(changes: readonly BlockChange[]): unknown[] {
  return changes.map((c) => {
    switch (c.op) {
      case 'same':
        return `= ${plainTextOf(c.node)}`
      case 'added':
        return `+ ${plainTextOf(c.node)}`
      case 'removed':
        return `- ${plainTextOf(c.node)}`
      case 'skip':
        return `…${c.count}`
      case 'changed':
        return `~ ${parts(c.parts)}${c.formattingOnly ? ' (formatting)' : ''}`
      case 'nested':
        return { [c.node.type]: shape(c.children) }
    }
  })
}

function parts(list: readonly InlinePart[]): string {
  return list.map((p) => ('text' in p ? (p.op === 'same' ? p.text : p.op === 'added' ? `{+${p.text}+}` : `[-${p.text}-]`) : `${p.op === 'same' ? '' : p.op === 'added' ? '+' : '-'}<cite ${p.citation}>`)).join('')
}

describe('diffWords', () => {
  const cases: Array<[string, string, string]> = [
    ['Tchap has 375,000 users.', 'Tchap has 400,000 users.', 'Tchap has [-375-]{+400+},000 users.'],
    ['a b c', 'a x c d', 'a [-b-]{+x+} c{+ d+}'],
    ['', 'new text', '{+new text+}'],
    ['old text', '', '[-old text-]'],
    ['same', 'same', 'same'],
    ['Nutzer: 2,5 Mio.', 'Nutzer: 3 Mio.', 'Nutzer: [-2,5-]{+3+} Mio.'],
    ['line one\nline two', 'line one\nline 2', 'line one\nline [-two-]{+2+}'],
  ]
  it.each(cases)('%j → %j', (before, after, expected) => {
    expect(parts(diffWords(before, after))).toBe(expected)
  })
})

describe('diffRevisions: blocks, then words inside changed blocks', () => {
  const cases: Array<[string, DocNode, DocNode, unknown[]]> = [
    ['a number changed in a paragraph', lines('Intro.', 'Tchap has 375,000 users.'), lines('Intro.', 'Tchap has 400,000 users.'), ['= Intro.', '~ Tchap has [-375-]{+400+},000 users.']],
    ['a paragraph added at the end', lines('a', 'b', 'c'), lines('a', 'b', 'c', 'd'), ['…2', '= c', '+ d']],
    ['a heading removed', doc(h(2, 'Users'), p(text('x'))), doc(p(text('x'))), ['- Users', '= x']],
    ['a heading level changed, text kept', doc(h(2, 'Users')), doc(h(3, 'Users')), ['~ Users (formatting)']],
    ['bold added: formatting only', lines('plain words'), doc(p(text('plain '), bold('words'))), ['~ plain words (formatting)']],
    ['a citation added', lines('claim'), doc(p(text('claim'), citation('s1'))), ['~ claim+<cite s1>']],
    ['a citation removed', doc(p(text('claim'), citation('s1'))), lines('claim'), ['~ claim-<cite s1>']],
    ['a paragraph rewritten among others shows removed and added', lines('a', 'The quick brown fox', 'z'), lines('a', 'Completely different words here', 'z'), ['= a', '~ [-The quick brown fox-]{+Completely different words here+}', '= z']],
    [
      'two paragraphs replaced by two, paired by likeness',
      lines('x', 'Element is used by the Bundeswehr', 'Visio hosts meetings for agencies'),
      lines('x', 'Visio hosts video meetings for agencies', 'Element is used by the Bundeswehr and others'),
      ['= x', '- Element is used by the Bundeswehr', '~ Visio hosts {+video +}meetings for agencies', '+ Element is used by the Bundeswehr and others'],
    ],
    ['a paragraph becomes a heading: removed and added', lines('x', 'Title'), doc(p(text('x')), h(2, 'Title')), ['= x', '- Title', '+ Title']],
    ['a list item added', doc(ul('one', 'two')), doc(ul('one', 'two', 'three')), [{ bulletList: ['= one', '= two', '+ three'] }]],
    ['a word changed in a list item', doc(ul('one', 'two words')), doc(ul('one', 'two names')), [{ bulletList: ['= one', { listItem: ['~ two [-words-]{+names+}'] }] }]],
    [
      'a table cell changed',
      doc(table([text('Tool'), text('Users')], [text('Tchap'), text('375,000')])),
      doc(table([text('Tool'), text('Users')], [text('Tchap'), text('400,000')])),
      [{ table: ['= Tool\nUsers', { tableRow: ['= Tchap', { tableCell: ['~ [-375-]{+400+},000'] }] }] }],
    ],
    [
      'a table row added',
      doc(table([text('Tool')], [text('Tchap')])),
      doc(table([text('Tool')], [text('Tchap')], [text('Visio')])),
      [{ table: ['= Tool', '= Tchap', '+ Visio'] }],
    ],
    ['long unchanged runs collapse around the change', lines('1', '2', '3', '4', '5', '6', '7', '8', '9'), lines('1', '2', '3', '4', 'five', '6', '7', '8', '9'), ['…3', '= 4', '~ [-5-]{+five+}', '= 6', '…3']],
    ['a new page: everything added', doc(), lines('first'), ['+ first']],
    ['a one-line edit with an empty paragraph left at the end shows no empty block', lines('Intro.', 'Tchap has 375,000 users.'), doc(p(text('Intro.')), p(text('Tchap has 400,000 users.')), { type: 'paragraph' }), ['= Intro.', '~ Tchap has [-375-]{+400+},000 users.']],
  ]
  it.each(cases)('%s', (_name, before, after, expected) => {
    const diff = diffRevisions(before.type === 'doc' && (before.content ?? []).length === 0 ? null : content(before), content(after))
    expect(shape(diff.body)).toEqual(expected)
    expect(diff.bodyUnchanged).toBe(false)
  })

  it('reports an unchanged body with no blocks', () => {
    const diff = diffRevisions(content(lines('a', 'b')), content(lines('a', 'b')))
    expect(diff).toMatchObject({ body: [], bodyUnchanged: true })
    expect(metaUnchanged(diff.meta)).toBe(true)
  })
})

describe('diffMeta', () => {
  const base = content(lines('x'))
  it('compares title and summary word by word, and language, categories and subjects by item', () => {
    const after = content(lines('x'), {
      title: 'Microsoft Teams vs Tchap and Element',
      lang: 'fr',
      categories: ['messaging', 'video'],
      subjects: {
        proprietary: [],
        alternatives: [
          { name: 'Tchap', vendor: 'DINUM', homepage: '', license: 'Apache-2.0', repository: '' },
          { name: 'Element', vendor: 'Element', homepage: '', license: 'AGPL-3.0-only', repository: '' },
        ],
      },
    })
    const meta = diffMeta(base, after)
    expect(parts(meta.title!)).toBe('Microsoft Teams vs Tchap{+ and Element+}')
    expect(meta.summary).toBeNull()
    expect(meta.lang).toEqual({ before: 'en', after: 'fr' })
    expect(meta.categories).toEqual({ added: ['video'], removed: [] })
    expect(meta.proprietary).toMatchObject({ added: [], removed: [{ name: 'Microsoft Teams' }], changed: [] })
    expect(meta.alternatives).toMatchObject({ added: [{ name: 'Element' }], removed: [], changed: [{ before: { license: 'AGPL-3.0-only' }, after: { license: 'Apache-2.0' }, fields: ['license'] }] })
  })
  it('is all null when nothing changed', () => {
    expect(metaUnchanged(diffMeta(base, base))).toBe(true)
  })
})

describe('diffCitations', () => {
  const c = (sourceId: string | null, quote: string | null = null, locator: string | null = null) => ({ sourceId, quote, locator })
  const cases: Array<[string, ReturnType<typeof c>[], ReturnType<typeof c>[], { added: number; removed: number; changed: string[][] }]> = [
    ['same citations', [c('s1', 'q')], [c('s1', 'q')], { added: 0, removed: 0, changed: [] }],
    ['one added', [c('s1')], [c('s1'), c('s2')], { added: 1, removed: 0, changed: [] }],
    ['one removed', [c('s1'), c('s2')], [c('s2')], { added: 0, removed: 1, changed: [] }],
    ['quote and locator changed', [c('s1', 'old', 'p. 3')], [c('s1', 'new', 'p. 4')], { added: 0, removed: 0, changed: [['quote', 'locator']] }],
    ['whitespace is not a change', [c('s1', 'a  quote')], [c('s1', 'a quote')], { added: 0, removed: 0, changed: [] }],
    ['another source is not a change', [c('s1', 'q')], [c('s2', 'q')], { added: 1, removed: 1, changed: [] }],
  ]
  it.each(cases)('%s', (_name, before, after, expected) => {
    const d = diffCitations(before, after)
    expect({ added: d.added.length, removed: d.removed.length, changed: d.changed.map((x) => x.fields) }).toEqual(expected)
  })
})

describe('renderBodyDiff', () => {
  it('marks words with <ins>/<del> and hidden labels, and blocks with visible ones', () => {
    const html = renderBodyDiff(diffRevisions(content(lines('Tchap has 375,000 users.')), content(lines('Tchap has 400,000 users.', 'New.'))).body)
    expect(html).toContain('<del><span class="visually-hidden">removed: </span>375<span class="visually-hidden"> (end of removal)</span></del>')
    expect(html).toContain('<ins><span class="visually-hidden">added: </span>400<span class="visually-hidden"> (end of addition)</span></ins>')
    expect(html).toContain('<div class="diff-block diff-block--added"><span class="diff-badge diff-badge--added">Added</span><p><ins>New.</ins></p></div>')
    expect(html).toContain('<span class="diff-badge diff-badge--changed">Changed</span>')
  })

  it('escapes text, citation labels and renders no heading elements', () => {
    const before = content(doc(h(2, 'a'), p(text('<b>x</b>'))))
    const after = content(doc(h(2, 'a <img src=x onerror=alert(1)>'), p(text('<b>y</b>'), citation('"><script>'))))
    const html = renderBodyDiff(diffRevisions(before, after).body, { ...ENGLISH, citation: (id) => `source ${id}` })
    expect(html).not.toMatch(/<h[1-6]/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('[source &quot;&gt;&lt;script&gt;]')
    assertInert(html)
  })

  it('leaves <ins>/<del> bare when the screen-reader labels are empty (feeds)', () => {
    const labels = { ...ENGLISH, addedStart: '', addedEnd: '', removedStart: '', removedEnd: '' }
    expect(renderInlineDiff(diffWords('a b', 'a c'), labels)).toBe('a <del>b</del><ins>c</ins>')
  })

  it('renders the skipped count and inline parts', () => {
    const html = renderBodyDiff(diffRevisions(content(lines('1', '2', '3', '4')), content(lines('1', '2', '3', 'four'))).body)
    expect(html).toContain('<p class="diff-skip">2 unchanged blocks</p>')
    expect(renderInlineDiff(diffWords('a & b', 'a & c'))).toBe('a &amp; <del><span class="visually-hidden">removed: </span>b<span class="visually-hidden"> (end of removal)</span></del><ins><span class="visually-hidden">added: </span>c<span class="visually-hidden"> (end of addition)</span></ins>')
  })
})

/** The text one side of the diff shows: what the reader of that revision would read. */
function sideText(changes: readonly BlockChange[], side: 'before' | 'after'): string {
  const hide = side === 'before' ? 'added' : 'removed'
  return changes
    .map((c): string => {
      if (c.op === 'skip') throw new Error('no skips expected')
      if (c.op === 'nested') return sideText(c.children, side)
      if (c.op === 'changed') return c.parts.map((x) => (x.op === hide || !('text' in x) ? '' : x.text)).join('')
      return c.op === hide ? '' : plainTextOf(c.node)
    })
    .filter((s) => s !== '')
    .join('\n')
}

describe('property: any two documents', () => {
  it('diff without throwing into inert HTML, and each side of the diff reads as its document', () => {
    fc.assert(
      fc.property(docArbitrary, docArbitrary, (a, b) => {
        const diff = diffRevisions(content(a), content(b), { context: Number.POSITIVE_INFINITY })
        assertInert(renderBodyDiff(diff.body))
        assertInert(renderBodyDiff(diffRevisions(content(a), content(b)).body))
        if (!diff.bodyUnchanged) {
          expect(sideText(diff.body, 'before')).toBe(plainTextOf(a))
          expect(sideText(diff.body, 'after')).toBe(plainTextOf(b))
        }
      }),
      { numRuns: 300 },
    )
  })

  it('find nothing changed between a document and itself', () => {
    fc.assert(
      fc.property(docArbitrary, (a) => {
        expect(diffRevisions(content(a), content(structuredClone(a))).bodyUnchanged).toBe(true)
      }),
      { numRuns: 100 },
    )
  })
})
