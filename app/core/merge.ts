import { diffArrays } from 'diff'
import type { DocNode, PageContent } from './content'
import { flattenDoc } from './plain-text'
import { diffWords } from './revision-diff'

/**
 * Three-way merge of page snapshots, for a save whose base is no longer the page's head. Blocks
 * (top-level nodes of the body) are the unit: changes to different blocks merge; changes to the
 * same block, two insertions at one place, or two different changes to one metadata field are a
 * conflict. A conflict is never resolved by dropping either side: the caller stores the editor's
 * version as a conflict revision.
 */

export interface Hunk {
  start: number
  end: number
  replacement: string[]
}

export type MergeResult = { ok: true; content: PageContent } | { ok: false; conflicts: string[] }

export const blockKey = (node: DocNode) => JSON.stringify(node)
const key = blockKey

/** Hunks of change from `base` to `next`, in base coordinates. */
export function hunks(base: string[], next: string[]): Hunk[] {
  const result: Hunk[] = []
  let index = 0
  let open: Hunk | null = null
  for (const change of diffArrays(base, next)) {
    const count = change.count ?? change.value.length
    if (!change.added && !change.removed) {
      if (open) result.push(open)
      open = null
      index += count
      continue
    }
    open ??= { start: index, end: index, replacement: [] }
    if (change.removed) {
      index += count
      open.end = index
    } else open.replacement.push(...change.value)
  }
  if (open) result.push(open)
  return result
}

export function sameHunk(a: Hunk, b: Hunk): boolean {
  return a.start === b.start && a.end === b.end && a.replacement.join('\u0000') === b.replacement.join('\u0000')
}

export function clash(a: Hunk, b: Hunk): boolean {
  if (a.start < b.end && b.start < a.end) return true
  // Two insertions at the same place: no order between them is right.
  return a.start === b.start && a.start === a.end && b.start === b.end
}

function mergeBlocks(base: DocNode[], ours: DocNode[], theirs: DocNode[]): { ok: true; blocks: DocNode[] } | { ok: false; blocks: number[] } {
  const b = base.map(key)
  const o = hunks(b, ours.map(key))
  const t = hunks(b, theirs.map(key))
  const conflicting = new Set<number>()
  for (const x of o) for (const y of t) if (clash(x, y) && !sameHunk(x, y)) conflicting.add(x.start)
  if (conflicting.size > 0) return { ok: false, blocks: [...conflicting] }
  const all = [...o, ...t.filter((y) => !o.some((x) => sameHunk(x, y)))].sort((x, y) => x.start - y.start || x.end - y.end)
  const merged: string[] = []
  let cursor = 0
  for (const h of all) {
    merged.push(...b.slice(cursor, h.start), ...h.replacement)
    cursor = Math.max(cursor, h.end)
  }
  merged.push(...b.slice(cursor))
  return { ok: true, blocks: merged.map((s) => JSON.parse(s) as DocNode) }
}

export const FIELDS = ['title', 'summary', 'lang', 'subjects', 'categories', 'product'] as const

/** Merges `ours` (the editor's save) and `theirs` (the page's head) over their common `base`. */
export function mergeContent(base: PageContent, ours: PageContent, theirs: PageContent): MergeResult {
  const conflicts: string[] = []
  const merged = { ...theirs } as PageContent
  for (const field of FIELDS) {
    const [b, o, t] = [base, ours, theirs].map((c) => JSON.stringify(c[field]))
    if (o === b || o === t) continue
    if (t === b) (merged as unknown as Record<string, unknown>)[field] = ours[field]
    else conflicts.push(field)
  }
  const blocks = mergeBlocks(base.body.content ?? [], ours.body.content ?? [], theirs.body.content ?? [])
  if (!blocks.ok) conflicts.push(...blocks.blocks.map((i) => `body block ${i + 1}`))
  if (conflicts.length > 0 || !blocks.ok) return { ok: false, conflicts }
  return { ok: true, content: { ...merged, body: { ...theirs.body, content: blocks.blocks } } }
}

/** A run of a conflicting passage's text; `differs` when the other side does not have these words. */
export interface PassageRun {
  text: string
  differs: boolean
}

/** One place in the body both sides changed, as the current version and the editor's version word it. */
export interface ConflictPassage {
  current: PassageRun[]
  yours: PassageRun[]
}

export interface ConflictMarks {
  passages: ConflictPassage[]
  /** Where the differing words sit in the current version's plain text (./plain-text.ts offsets), to mark them in its rendering. */
  currentRanges: Array<{ start: number; end: number }>
}

const flatText = (blocks: string[]) => flattenDoc({ type: 'doc', content: blocks.map((s) => JSON.parse(s) as DocNode) })
// Private-use characters stand for citations in diffWords; in plain text they are only characters.
const PRIVATE_USE = /[\ue000-\uf8ff]/g

function pushRun(runs: PassageRun[], text: string, differs: boolean): void {
  const last = runs[runs.length - 1]
  if (last && last.differs === differs) last.text += text
  else runs.push({ text, differs })
}

/**
 * The words that make a body conflict, for the merge screen: for each change of the current
 * version (`theirs`) that clashes with the editor's (`ours`), both texts with the words only one
 * of them has marked — so "block 3 of the text" becomes the very words two people changed.
 */
export function conflictMarks(base: DocNode[], ours: DocNode[], theirs: DocNode[]): ConflictMarks {
  const b = base.map(key)
  const o = hunks(b, ours.map(key))
  const t = hunks(b, theirs.map(key))
  const theirsKeys = theirs.map(key)
  const passages: ConflictPassage[] = []
  const currentRanges: ConflictMarks['currentRanges'] = []
  let shift = 0
  for (const y of t) {
    const at = y.start + shift
    shift += y.replacement.length - (y.end - y.start)
    const clashing = o.filter((x) => clash(x, y) && !sameHunk(x, y))
    if (clashing.length === 0) continue
    const before = flatText(theirsKeys.slice(0, at))
    const region = flatText(y.replacement)
    // Text blocks are joined by one newline, so the region starts one after the text before it.
    const offset = before.text.length + (before.blocks.length > 0 && region.blocks.length > 0 ? 1 : 0)
    const mine = flatText(clashing.flatMap((x) => x.replacement)).text
    const passage: ConflictPassage = { current: [], yours: [] }
    let pos = 0
    for (const part of diffWords(region.text.replace(PRIVATE_USE, '\ufffd'), mine.replace(PRIVATE_USE, '\ufffd'))) {
      if (!('text' in part)) continue
      // Spaces alone are not words anyone changed.
      const differs = part.op !== 'same' && part.text.trim() !== ''
      if (part.op !== 'added') {
        pushRun(passage.current, part.text, differs)
        if (differs) currentRanges.push({ start: offset + pos, end: offset + pos + part.text.length })
        pos += part.text.length
      }
      if (part.op !== 'removed') pushRun(passage.yours, part.text, differs)
    }
    passages.push(passage)
  }
  return { passages, currentRanges }
}
