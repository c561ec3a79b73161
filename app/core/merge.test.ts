import { describe, expect, it } from 'vitest'
import { content, doc, p, text } from '#test/fixtures/docs'
import { flattenDoc } from './plain-text'
import { conflictMarks, mergeContent, type PassageRun } from './merge'

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

describe('conflictMarks', () => {
  const blocks = (...lines: string[]) => body(...lines).content ?? []
  const marked = (runs: PassageRun[]) => runs.map((r) => (r.differs ? `[${r.text}]` : r.text)).join('')
  it.each([
    ['two edits of one number', ['Intro.', 'Tchap has 375,000 users.', 'End.'], ['Intro.', 'Tchap has 400,000 users.', 'End.'], ['Intro.', 'Tchap has 380,000 users.', 'End.'], 'Tchap has [380],000 users.', 'Tchap has [400],000 users.'],
    ['an edit against a deletion', ['a', 'Old words here.'], ['a', 'New words here.'], ['a'], '', '[New words here.]'],
    ['two insertions at one place', ['a'], ['a', 'Mine.'], ['a', 'Theirs.'], '[Theirs].', '[Mine].'],
  ])('%s: marks the words only one side has, on both sides', (_name, base, ours, theirs, current, yours) => {
    const marks = conflictMarks(blocks(...base), blocks(...ours), blocks(...theirs))
    expect(marks.passages.map((x) => [marked(x.current), marked(x.yours)])).toEqual([[current, yours]])
  })

  it('places the current version\'s marks at their plain-text offsets, after earlier changes', () => {
    const base = blocks('Intro.', 'a', 'Tchap has 375,000 users.')
    const theirs = blocks('A longer intro.', 'inserted', 'a', 'Tchap has 380,000 users.')
    const ours = blocks('Intro.', 'a', 'Tchap has 400,000 users.')
    const { currentRanges } = conflictMarks(base, ours, theirs)
    const text = flattenDoc({ type: 'doc', content: theirs }).text
    expect(currentRanges.map((r) => text.slice(r.start, r.end))).toEqual(['380'])
  })

  it('finds nothing where the changes merge', () => {
    expect(conflictMarks(blocks('a', 'b'), blocks('A', 'b'), blocks('a', 'B'))).toEqual({ passages: [], currentRanges: [] })
  })
})
