import { expect } from 'vitest'
import type { PageContent } from '#app/core/content'
import { content, doc, p, text } from './fixtures/docs'

/**
 * The scenario of the concurrency tests (service and HTTP alike): N editors save at once from the
 * same base revision. Half of them change a block of their own (those merge), half change the
 * same first block (one of them wins, the others are kept as conflict revisions).
 */
const BLOCKS = 9

// Letters, not digits: a digit in the text is an uncited figure, which would hold every save in
// the queue; with letters, trusted editors' saves publish and the chain mixes both statuses.
const NAMES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const name = (i: number) => NAMES[i % 26]!.repeat(1 + Math.floor(i / 26))
const randomWord = () => Array.from({ length: 8 }, () => NAMES[Math.floor(Math.random() * 26)]!.toLowerCase()).join('')

export function baseContent(title: string): PageContent {
  return content(doc(...Array.from({ length: BLOCKS }, (_, i) => p(text(`Block ${name(i)} as first written.`)))), { title })
}

export interface ConcurrentEdit {
  /** Text only this edit contains: what must be retrievable afterwards. */
  marker: string
  /** The top-level block the edit rewrites. */
  block: number
  content: PageContent
  summary: string
}

export function concurrentEdits(title: string, n = 8): ConcurrentEdit[] {
  return Array.from({ length: n }, (_, i) => {
    // The first half rewrite blocks 1, 2, … (one each); the second half all rewrite block 0.
    const block = i < n / 2 ? i + 1 : 0
    const marker = `Edit ${name(i)} rewrote block ${name(block)} (${randomWord()}).`
    const body = doc(...Array.from({ length: BLOCKS }, (_, b) => p(text(b === block ? marker : `Block ${name(b)} as first written.`))))
    return { marker, block, content: content(body, { title }), summary: `edit ${i}` }
  })
}

export interface HistoryRow {
  id: string
  parentId: string | null
  status: string
}

/**
 * The page's linear history: every revision that is not a conflict, oldest first. Walking parent
 * links back from the page's head must reach every one of them exactly once (so each one's parent
 * is the one before it and no two share a parent), and end at the first revision.
 */
export function expectLinearHistory(revisions: HistoryRow[], latestRevisionId: string): HistoryRow[] {
  const onChain = new Map(revisions.filter((r) => r.status !== 'conflict').map((r) => [r.id, r]))
  const chain: HistoryRow[] = []
  for (let id: string | null = latestRevisionId; id !== null; ) {
    const revision = onChain.get(id)
    expect(revision, `revision ${id} on the chain`).toBeDefined()
    chain.unshift(revision!)
    id = revision!.parentId
    expect(chain.length).toBeLessThanOrEqual(onChain.size)
  }
  expect(chain.length, 'every non-conflict revision is on the chain').toBe(onChain.size)
  const parents = chain.map((r) => r.parentId)
  expect(new Set(parents).size, 'no two chain revisions share a parent').toBe(parents.length)
  for (const r of chain) expect(['approved', 'pending']).toContain(r.status)
  return chain
}

/** All the text of a snapshot's body, for "is this edit's text in there". */
export function bodyText(c: PageContent): string {
  const out: string[] = []
  const visit = (n: PageContent['body']) => {
    if (n.text) out.push(n.text)
    for (const child of n.content ?? []) visit(child)
  }
  visit(c.body)
  return out.join('\n')
}
