import { describe, expect, it } from 'vitest'
import { content, doc, p, text } from '#test/fixtures/docs'
import { changeKept } from './change-kept'

const c = (lines: string[], overrides = {}) => content(doc(...lines.map((l) => p(text(l)))), overrides)

describe('changeKept', () => {
  const parent = c(['a', 'b', 'c'])
  it.each([
    ['published as it is', ['a', 'B', 'c'], ['a', 'B', 'c'], true],
    ['with a later edit elsewhere', ['a', 'B', 'c'], ['a', 'B', 'C'], true],
    ['with a later edit of the same block (built on it)', ['a', 'B', 'c'], ['a', 'B2', 'c'], true],
    ['reverted', ['a', 'B', 'c'], ['a', 'b', 'c'], false],
    ['undone by a save from older text next to it', ['a', 'B', 'c'], ['a', 'b', 'C'], false],
    ['an insertion undone by a save from older text next to it', ['a', 'x', 'b', 'c'], ['a', 'B', 'c'], false],
    ['an insertion edited further', ['a', 'x', 'b', 'c'], ['a', 'y', 'b', 'c'], true],
    ['a deletion undone', ['a', 'c'], ['a', 'b', 'c'], false],
    ['a deletion kept beside another edit', ['a', 'c'], ['A', 'c'], true],
    ['one of two parts undone', ['A', 'b', 'C'], ['A', 'b', 'c'], false],
  ])('a change %s: kept = %s', (_name, after, published, kept) => {
    expect(changeKept(parent, c(after), c(published as string[]))).toBe(kept)
  })

  it('a revision that changed nothing keeps nothing to lose', () => {
    expect(changeKept(parent, c(['a', 'b', 'c']), c(['x']))).toBe(true)
  })

  it('a metadata change is undone when the field is back to its old value', () => {
    expect(changeKept(parent, c(['a', 'b', 'c'], { title: 'New title' }), c(['a', 'b', 'C'], { title: 'New title' }))).toBe(true)
    expect(changeKept(parent, c(['a', 'b', 'c'], { title: 'New title' }), c(['a', 'b', 'C']))).toBe(false)
    expect(changeKept(parent, c(['a', 'b', 'c'], { title: 'New title' }), c(['a', 'b', 'c'], { title: 'Newer title' }))).toBe(true)
  })
})
