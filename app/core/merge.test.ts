import { describe, expect, it } from 'vitest'
import { content, doc, p, text } from '#test/fixtures/docs'
import { mergeContent } from './merge'

const body = (...lines: string[]) => doc(...lines.map((l) => p(text(l))))
const c = (lines: string[], overrides = {}) => content(body(...lines), overrides)
const lines = (r: ReturnType<typeof mergeContent>) => (r.ok ? (r.content.body.content ?? []).map((n) => n.content?.[0]?.text) : r.conflicts)

describe('mergeContent', () => {
  const base = c(['a', 'b', 'c', 'd'])
  it.each([
    ['edits to different blocks merge', ['A', 'b', 'c', 'd'], ['a', 'b', 'c', 'D'], ['A', 'b', 'c', 'D']],
    ['adjacent blocks merge', ['a', 'B', 'c', 'd'], ['a', 'b', 'C', 'd'], ['a', 'B', 'C', 'd']],
    ['an insertion and an edit elsewhere merge', ['a', 'x', 'b', 'c', 'd'], ['a', 'b', 'c', 'D'], ['a', 'x', 'b', 'c', 'D']],
    ['a deletion and an edit elsewhere merge', ['b', 'c', 'd'], ['a', 'b', 'C', 'd'], ['b', 'C', 'd']],
    ['the same change on both sides merges once', ['a', 'B', 'c', 'd'], ['a', 'B', 'c', 'd'], ['a', 'B', 'c', 'd']],
  ])('%s', (_name, ours, theirs, expected) => {
    expect(lines(mergeContent(base, c(ours), c(theirs)))).toEqual(expected)
  })

  it.each([
    ['two edits to one block', ['a', 'B1', 'c', 'd'], ['a', 'B2', 'c', 'd']],
    ['an edit and a deletion of one block', ['a', 'B', 'c', 'd'], ['a', 'c', 'd']],
    ['two insertions at one place', ['a', 'x', 'b', 'c', 'd'], ['a', 'y', 'b', 'c', 'd']],
  ])('%s is a conflict', (_name, ours, theirs) => {
    expect(mergeContent(base, c(ours), c(theirs)).ok).toBe(false)
  })

  it('merges metadata field by field', () => {
    const merged = mergeContent(base, c(['a', 'b', 'c', 'd'], { title: 'New title' }), c(['a', 'b', 'c', 'D'], { summary: 'New summary' }))
    expect(merged.ok && [merged.content.title, merged.content.summary]).toEqual(['New title', 'New summary'])
    expect(mergeContent(base, c(['a', 'b', 'c', 'd'], { title: 'One' }), c(['a', 'b', 'c', 'd'], { title: 'Two' }))).toEqual({ ok: false, conflicts: ['title'] })
  })
})
