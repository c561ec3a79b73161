import { describe, expect, it } from 'vitest'
import { citation, doc, figure, p, table, text } from '#test/fixtures/docs'
import { referencedSourceIds } from './source-refs'

describe('referencedSourceIds', () => {
  it.each([
    ['no evidence', doc(p(text('plain'))), []],
    ['a figure and a citation', doc(p(figure('5,000', { sourceId: 's1' }), citation('s2'))), ['s1', 's2']],
    ['inside a table, named twice: once', doc(table([figure('1', { sourceId: 's3' })], [citation('s3')])), ['s3']],
    ['a citation without a source', doc(p(citation(null))), []],
  ])('%s', (_name, body, expected) => {
    expect(referencedSourceIds(body).sort()).toEqual(expected)
  })
})
