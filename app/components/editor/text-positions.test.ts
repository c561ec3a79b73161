import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '#app/core/content'
import { editorSchema } from '#app/core/editor-schema'
import { flattenDoc } from '#app/core/plain-text'
import { docArbitrary } from '#test/fixtures/arbitraries'
import { citation, doc, figure, p, table, text } from '#test/fixtures/docs'
import { indexPlainText, offsetAt, positionAt, rangeAt } from './text-positions'

const pm = (json: DocNode) => editorSchema.nodeFromJSON(json)
const hardBreak: DocNode = { type: 'hardBreak' }
const heading = (level: number, t: string): DocNode => ({ type: 'heading', attrs: { level }, content: [text(t)] })
const bullets = (...items: string[]): DocNode => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [p(text(t))] })) })

/** The document text a plain-text range maps to; a citation shows as U+0001 so a stray one is visible. */
function textOfRange(node: ReturnType<typeof pm>, range: { from: number; to: number }): string {
  return node.textBetween(range.from, range.to, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : '\u0001'))
}

describe('indexPlainText', () => {
  it.each<[string, DocNode]>([
    ['paragraphs', doc(p(text('Tchap has 375,000 users.')), p(text('Teams is leading.')))],
    ['a citation between words', doc(p(text('Used by 40%'), citation('s1'), text(' of agencies.')))],
    ['a hard break', doc(p(text('first line'), hardBreak, text('second 2.5 million')))],
    ['headings, lists and a table', doc(heading(2, 'Users'), bullets('one 47k', 'two'), table([text('Product')], [text('€2.5m')]))],
    ['empty paragraphs', doc(p(), p(text('after 200,000')), p())],
  ])('counts the text of %s as flattenDoc does', (_name, json) => {
    expect(indexPlainText(pm(json)).text).toBe(flattenDoc(pm(json).toJSON() as DocNode).text)
  })

  it('agrees with flattenDoc on any document of the schema', () => {
    fc.assert(
      fc.property(docArbitrary, (json) => {
        const node = pm(json)
        expect(indexPlainText(node).text).toBe(flattenDoc(node.toJSON() as DocNode).text)
      }),
      { numRuns: 200 },
    )
  })
})

describe('rangeAt', () => {
  it.each<[string, DocNode, string]>([
    ['a figure in the first paragraph', doc(p(text('Tchap has 375,000 users.'))), '375,000'],
    ['a word in a later block', doc(p(text('One.')), p(text('Teams is leading.'))), 'leading'],
    ['text after a citation', doc(p(text('Used by'), citation('s1'), text(' 40% of agencies.'))), '40%'],
    ['text right before a citation', doc(p(text('Used by 40%'), citation('s1'), text(' of agencies.'))), '40%'],
    ['text after a hard break', doc(p(text('first'), hardBreak, text('second 2.5 million'))), '2.5 million'],
    ['a table cell', doc(table([text('Product')], [text('costs €2.5m')])), '€2.5m'],
    ['a marked figure', doc(p(text('Tchap has '), figure('375,000', { sourceId: 's1' }), text(' users.'))), '375,000'],
    ['a list item', doc(bullets('one', 'two 47k')), '47k'],
  ])('maps %s back to the same text', (_name, json, needle) => {
    const node = pm(json)
    const index = indexPlainText(node)
    const start = index.text.indexOf(needle)
    const range = rangeAt(index, start, start + needle.length)
    expect(range).not.toBeNull()
    expect(textOfRange(node, range!)).toBe(needle)
  })

  it('maps a range that spans two blocks', () => {
    const node = pm(doc(p(text('end of one')), p(text('start of two'))))
    const index = indexPlainText(node)
    const range = rangeAt(index, index.text.indexOf('one'), index.text.indexOf('start') + 5)
    expect(textOfRange(node, range!)).toBe('one\nstart')
  })

  it.each([
    [-1, 2],
    [3, 3],
    [5, 2],
    [0, 999],
    [1.5, 3],
  ])('refuses the range %s–%s', (start, end) => {
    expect(rangeAt(indexPlainText(pm(doc(p(text('short text'))))), start, end)).toBeNull()
  })

  it('maps every substring of any document to the same text', () => {
    fc.assert(
      fc.property(docArbitrary, fc.nat(), fc.nat(), (json, a, b) => {
        const node = pm(json)
        const index = indexPlainText(node)
        if (index.text.length === 0) return
        const start = a % index.text.length
        const end = start + 1 + (b % (index.text.length - start))
        const range = rangeAt(index, start, end)
        const expected = index.text.slice(start, end)
        // A range of nothing but line breaks between blocks has no document text to cover.
        if (range === null) return expect(expected.replaceAll('\n', '')).toBe('')
        expect(textOfRange(node, range).replaceAll('\u0001', '')).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('puts an offset between a citation and text on the side inside the range', () => {
    const node = pm(doc(p(text('ab'), citation('s1'), text('cd'))))
    const index = indexPlainText(node)
    // "ab" occupies positions 1–3, the citation 3–4, "cd" 4–6.
    expect(positionAt(index, 2, 'end')).toBe(3)
    expect(positionAt(index, 2, 'start')).toBe(4)
  })
})

describe('offsetAt', () => {
  it('is the inverse of positionAt for every offset of any document', () => {
    fc.assert(
      fc.property(docArbitrary, (json) => {
        const index = indexPlainText(pm(json))
        for (let offset = 0; offset <= index.text.length; offset++) {
          expect(offsetAt(index, positionAt(index, offset, 'start')!)).toBe(offset)
        }
      }),
      { numRuns: 100 },
    )
  })

  it('has no offset outside text blocks', () => {
    const node = pm(doc(table([text('a')], [text('b')])))
    expect(offsetAt(indexPlainText(node), 0)).toBeNull()
  })
})
