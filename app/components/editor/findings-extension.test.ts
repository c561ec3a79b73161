import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '#app/core/content'
import { editorSchema } from '#app/core/editor-schema'
import { lintRequest } from '#app/core/lint'
import { doc, figure, p, text } from '#test/fixtures/docs'
import { findingsOf, finishCheck, liveFindingsPlugin, startCheck, type LintAnswer } from './findings-extension'

function stateOf(json: DocNode) {
  return EditorState.create({ schema: editorSchema, doc: editorSchema.nodeFromJSON(json), plugins: [liveFindingsPlugin()] })
}

/** What the lint API answers for this document, computed by the same core function the route uses. */
async function lint(state: EditorState, known: string[] = []): Promise<LintAnswer> {
  const result = await lintRequest({ doc: state.doc.toJSON(), lang: 'en' }, async (ids) => new Set(ids.filter((id) => known.includes(id))))
  if (!result.ok) throw new Error(JSON.stringify(result.issues))
  return result.value
}

const shown = (state: EditorState) => findingsOf(state).map((f) => [f.kind, state.doc.textBetween(f.from, f.to)])

describe('live findings', () => {
  it('shows an uncited figure and a promotional word of the answer', async () => {
    let state = stateOf(doc(p(text('Teams is the leading tool.')), p(text('Tchap has 375,000 users.'))))
    const sent = state.doc
    state = state.apply(startCheck(state.tr, 1))
    state = state.apply(finishCheck(state.tr, 1, sent, await lint(state)))
    expect(shown(state)).toEqual([
      ['marketing', 'leading'],
      ['uncited', '375,000'],
    ])
    expect(findingsOf(state).find((f) => f.kind === 'marketing')?.suggestion).toBeTruthy()
  })

  it('leaves out figures that are cited', async () => {
    let state = stateOf(doc(p(text('Tchap has '), figure('375,000', { sourceId: 's1', quote: '375 000 users', asOf: '2024' }), text(' users and 40% of agencies.'))))
    const sent = state.doc
    state = state.apply(startCheck(state.tr, 1))
    state = state.apply(finishCheck(state.tr, 1, sent, await lint(state, ['s1'])))
    expect(shown(state)).toEqual([['uncited', '40%']])
  })

  it('maps an answer through what was typed while the check ran', async () => {
    let state = stateOf(doc(p(text('Tchap has 375,000 users.'))))
    const sent = state.doc
    state = state.apply(startCheck(state.tr, 1))
    const answer = await lint(state)
    state = state.apply(state.tr.insertText('Today ', 1))
    state = state.apply(state.tr.insert(0, editorSchema.nodes.paragraph!.create(null, editorSchema.text('A new first paragraph.'))))
    state = state.apply(finishCheck(state.tr, 1, sent, answer))
    expect(shown(state)).toEqual([['uncited', '375,000']])
  })

  it('drops the answer to a check that a newer one replaced', async () => {
    let state = stateOf(doc(p(text('Tchap has 375,000 users.'))))
    const first = state.doc
    state = state.apply(startCheck(state.tr, 1))
    const stale = await lint(state)
    state = state.apply(state.tr.insertText('It is the leading tool. ', 1))
    state = state.apply(startCheck(state.tr, 2))
    state = state.apply(finishCheck(state.tr, 1, first, stale))
    expect(shown(state)).toEqual([])
    const second = state.doc
    state = state.apply(finishCheck(state.tr, 2, second, await lint(state)))
    expect(shown(state)).toEqual([
      ['marketing', 'leading'],
      ['uncited', '375,000'],
    ])
  })

  it('follows a finding as text moves and forgets it when its text is deleted', async () => {
    let state = stateOf(doc(p(text('Tchap has 375,000 users.'))))
    const sent = state.doc
    state = state.apply(startCheck(state.tr, 1))
    state = state.apply(finishCheck(state.tr, 1, sent, await lint(state)))
    state = state.apply(state.tr.insertText('Now ', 1))
    expect(shown(state)).toEqual([['uncited', '375,000']])
    const [finding] = findingsOf(state)
    state = state.apply(state.tr.delete(finding!.from, finding!.to))
    expect(shown(state)).toEqual([])
  })

  it('does not grow a finding with text typed at its edge', async () => {
    let state = stateOf(doc(p(text('Tchap has 375,000 users.'))))
    const sent = state.doc
    state = state.apply(startCheck(state.tr, 1))
    state = state.apply(finishCheck(state.tr, 1, sent, await lint(state)))
    const [finding] = findingsOf(state)
    state = state.apply(state.tr.insertText('x', finding!.to))
    expect(shown(state)).toEqual([['uncited', '375,000']])
  })

  it('draws one decoration per finding', async () => {
    let state = stateOf(doc(p(text('Teams is the leading tool with 300 million users.'))))
    const sent = state.doc
    state = state.apply(startCheck(state.tr, 1))
    state = state.apply(finishCheck(state.tr, 1, sent, await lint(state)))
    const plugin = state.plugins[0]!
    const set = plugin.props.decorations!.call(plugin, state) as unknown as { find: () => Array<{ from: number; to: number; spec: unknown }> }
    expect(set.find().map((d) => state.doc.textBetween(d.from, d.to))).toEqual(['leading', '300 million'])
  })
})
