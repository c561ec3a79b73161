import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '#app/core/content'
import { editorSchema } from '#app/core/editor-schema'
import { citation, doc, figure, p, text } from '#test/fixtures/docs'
import { figureTarget } from './figure-selection'

/** A state whose selection is given by "[" and "]" (or a lone "|" for the cursor) in the text. */
function stateWith(json: DocNode, marked: string): EditorState {
  const node = editorSchema.nodeFromJSON(json)
  const plain = node.textBetween(0, node.content.size, '\n', () => '')
  const search = marked.replace(/[[\]|]/g, '')
  const at = plain.indexOf(search)
  if (at < 0) throw new Error(`"${search}" not in "${plain}"`)
  const posOf = (offset: number) => {
    let found = -1
    let count = 0
    node.descendants((n, pos) => {
      if (found >= 0 || !n.isText) return found < 0
      const len = n.text!.length
      if (offset <= count + len) found = pos + (offset - count)
      count += len
      return false
    })
    return found
  }
  const cursor = marked.indexOf('|')
  const from = cursor >= 0 ? cursor : marked.indexOf('[')
  const to = cursor >= 0 ? cursor : marked.indexOf(']') - 1
  const state = EditorState.create({ schema: editorSchema, doc: node })
  return state.apply(state.tr.setSelection(TextSelection.create(node, posOf(at + from), posOf(at + to))))
}

const target = (state: EditorState) => {
  const t = figureTarget(state, 'en')
  return t && { text: t.text, covered: state.doc.textBetween(t.from, t.to), existing: t.existing }
}

describe('figureTarget', () => {
  it.each<[string, DocNode, string, string | null]>([
    ['the number the cursor stands in', doc(p(text('Tchap has 375,000 users.'))), 'has 375|,000', '375,000'],
    ['the number the cursor stands right after', doc(p(text('Tchap has 375,000 users.'))), '375,000| users', '375,000'],
    ['a selection, without its spaces', doc(p(text('Tchap has 375,000 users.'))), 'has[ 375,000 ]users', '375,000'],
    ['a number in a later block', doc(p(text('First.')), p(text('Used by 40% of agencies.'))), 'by 4|0%', '40%'],
    ['a number after a citation', doc(p(text('Used by'), citation('s1'), text(' 2.5 million people.'))), '2.5 mil|lion', '2.5 million'],
    ['nothing where the cursor stands in a word', doc(p(text('Tchap has 375,000 users.'))), 'us|ers', null],
    ['nothing for a year', doc(p(text('Launched in 2019.'))), '201|9', null],
  ])('takes %s', (_name, json, marked, expected) => {
    expect(target(stateWith(json, marked))?.covered ?? null).toBe(expected)
  })

  it('takes the whole figure, with its evidence, when the cursor is inside a figure mark', () => {
    const json = doc(p(text('Tchap has '), figure('375,000', { sourceId: 's1', quote: 'q', asOf: '2024' }), text(' users.')))
    expect(target(stateWith(json, 'has 37|5,000'))).toEqual({ text: '375,000', covered: '375,000', existing: { sourceId: 's1', quote: 'q', asOf: '2024', metric: null, metricDefinition: null, product: null } })
  })

  it('refuses a selection across two blocks', () => {
    expect(target(stateWith(doc(p(text('one 40%')), p(text('two'))), 'one [40%\ntw]o'))).toBeNull()
  })
})
