import { diffArrays, diffWordsWithSpace } from 'diff'
import type { Alternative, DocNode, PageContent, Product } from './content'
import { escapeHtml } from './html'

/**
 * The difference between two revisions of a page, for people: blocks (top-level nodes of the
 * body — paragraphs, headings, lists, tables) are compared first, and inside a block that changed
 * the words are compared, so an edit of one number in a long paragraph shows as that number.
 * Containers (lists, quotes, tables, rows, cells) are compared child by child the same way.
 *
 * Everything here is pure; `renderBodyDiff` turns the result into HTML that escapes every text
 * and emits a fixed set of tags (it is user content, like the page renderer: see
 * docs/decisions/003-html-renderer.md).
 */

type Op = 'same' | 'added' | 'removed'

/** A run of text, or a citation (by source id), that is in both revisions, only the new one or only the old one. */
export type InlinePart = { op: Op; text: string } | { op: Op; citation: string | null }

export type BlockChange =
  | { op: Op; node: DocNode }
  /** A text block (paragraph, heading) whose words changed; `node` is the new block. */
  | { op: 'changed'; node: DocNode; parts: InlinePart[]; formattingOnly: boolean }
  /** A container of the same kind in both revisions whose children changed; `node` is the new one. */
  | { op: 'nested'; node: DocNode; children: BlockChange[] }
  /** Unchanged top-level blocks left out of the view. */
  | { op: 'skip'; count: number }

export interface ItemsDiff<T> {
  added: T[]
  removed: T[]
  changed: Array<{ before: T; after: T; fields: Array<keyof T & string> }>
}

export interface MetaDiff {
  title: InlinePart[] | null
  summary: InlinePart[] | null
  lang: { before: string; after: string } | null
  categories: { added: string[]; removed: string[] } | null
  proprietary: ItemsDiff<Product> | null
  alternatives: ItemsDiff<Alternative> | null
}

export interface RevisionDiff {
  meta: MetaDiff
  body: BlockChange[]
  /** True when the body text and structure are identical. */
  bodyUnchanged: boolean
}

export interface DiffOptions {
  /** Unchanged top-level blocks shown around each change (the rest collapse into a "skip"). */
  context?: number
}

const TEXT_BLOCKS = new Set(['paragraph', 'heading'])
// Pairs of blocks less alike than this show as one removed and one added rather than a word
// soup; a paragraph rewritten from scratch reads better whole.
const MIN_SIMILARITY = 0.34
// Bounds the work on huge or wholly rewritten documents: beyond these, the diff degrades to
// "removed these blocks, added those", which is still correct, instead of taking seconds.
const MAX_BLOCK_EDITS = 2_000
const MAX_WORD_EDITS = 4_000
const MAX_ALIGN_CELLS = 40_000

/**
 * Citations take part in the word diff as single private-use characters (one per source), so
 * "added a citation" shows where it happened. Private-use characters typed by people are
 * replaced first so they can never be taken for a citation.
 */
const PUA_FIRST = 0xe000
const PUA_LAST = 0xf8ff
const PUA = /[\ue000-\uf8ff]/g

class CitationCodes {
  private bySource = new Map<string, string>()
  private sources: Array<string | null> = []
  code(sourceId: string | null): string {
    const key = sourceId ?? '\u0000'
    let code = this.bySource.get(key)
    if (code === undefined) {
      const n = Math.min(this.sources.length, PUA_LAST - PUA_FIRST)
      code = String.fromCharCode(PUA_FIRST + n)
      if (n === this.sources.length) this.sources.push(sourceId)
      this.bySource.set(key, code)
    }
    return code
  }
  source(code: string): string | null {
    return this.sources[code.charCodeAt(0) - PUA_FIRST] ?? null
  }
}

interface Context {
  codes: CitationCodes
}

const keyOf = (node: DocNode) => JSON.stringify(node)

function inlineText(block: DocNode, ctx: Context): string {
  let out = ''
  for (const child of block.content ?? []) {
    if (child.type === 'text') out += (child.text ?? '').replace(PUA, '\ufffd')
    else if (child.type === 'hardBreak') out += '\n'
    else if (child.type === 'citation') out += ctx.codes.code(typeof child.attrs?.sourceId === 'string' ? child.attrs.sourceId : null)
  }
  return out
}

/** Plain text of any node: its text blocks joined by newlines (citations left out). */
export function plainTextOf(node: DocNode): string {
  if (node.type === 'text') return node.text ?? ''
  if (node.type === 'hardBreak') return '\n'
  if (TEXT_BLOCKS.has(node.type)) return (node.content ?? []).map(plainTextOf).join('')
  return (node.content ?? []).map(plainTextOf).filter((s) => s !== '').join('\n')
}

function splitCitations(op: Op, text: string, ctx: Context, out: InlinePart[]): void {
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < PUA_FIRST || c > PUA_LAST) continue
    if (i > start) pushText(out, op, text.slice(start, i))
    out.push({ op, citation: ctx.codes.source(text[i]!) })
    start = i + 1
  }
  if (start < text.length) pushText(out, op, text.slice(start))
}

function pushText(out: InlinePart[], op: Op, text: string): void {
  const last = out[out.length - 1]
  if (last && last.op === op && 'text' in last) last.text += text
  else out.push({ op, text })
}

/** Word-level difference of two texts (jsdiff's diffWordsWithSpace: whitespace is kept as it was). */
export function diffWords(before: string, after: string): InlinePart[] {
  return wordParts(before, after, { codes: new CitationCodes() })
}

function wordParts(before: string, after: string, ctx: Context): InlinePart[] {
  const out: InlinePart[] = []
  if (before === after) {
    splitCitations('same', after, ctx, out)
    return out
  }
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS })
  if (!changes) return wholeParts(before, after, ctx)
  // jsdiff may list an insertion before the deletion it replaces; reading order is old, then new.
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!
    const next = changes[i + 1]
    if (c.added && next?.removed) {
      splitCitations('removed', next.value, ctx, out)
      splitCitations('added', c.value, ctx, out)
      i++
      continue
    }
    splitCitations(c.added ? 'added' : c.removed ? 'removed' : 'same', c.value, ctx, out)
  }
  return out
}

function wholeParts(before: string, after: string, ctx: Context): InlinePart[] {
  const out: InlinePart[] = []
  splitCitations('removed', before, ctx, out)
  splitCitations('added', after, ctx, out)
  return out
}

function wordCounts(node: DocNode): Map<string, number> {
  const counts = new Map<string, number>()
  for (const word of plainTextOf(node).toLowerCase().split(/[\s\p{P}]+/u)) {
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return counts
}

/** Dice coefficient of the two blocks' words (1 = the same words, 0 = none in common). */
function similarity(a: DocNode, b: DocNode): number {
  const x = wordCounts(a)
  const y = wordCounts(b)
  let total = 0
  let common = 0
  for (const n of x.values()) total += n
  for (const n of y.values()) total += n
  if (total === 0) return 1
  for (const [w, n] of x) common += Math.min(n, y.get(w) ?? 0)
  return (2 * common) / total
}

type Step = { kind: 'pair'; i: number; j: number } | { kind: 'removed'; i: number } | { kind: 'added'; j: number }

/**
 * Which removed block became which added block: an ordered matching of the same kind of
 * blocks that maximises their similarity (a weighted longest common subsequence). One removed
 * and one added block of the same kind always pair: a table stays a table, and a table cell
 * whose number changed shows that number struck out and the new one inserted.
 */
function align(removed: DocNode[], added: DocNode[]): Step[] {
  const m = removed.length
  const n = added.length
  const steps: Step[] = []
  const pairs: Array<[number, number]> = []
  if (m === 1 && n === 1 && removed[0]!.type === added[0]!.type && removed[0]!.content && added[0]!.content) {
    pairs.push([0, 0])
  } else if (m * n > MAX_ALIGN_CELLS) {
    for (let k = 0; k < Math.min(m, n); k++) if (removed[k]!.type === added[k]!.type) pairs.push([k, k])
  } else {
    const score = (i: number, j: number) => {
      if (removed[i]!.type !== added[j]!.type) return 0
      const s = similarity(removed[i]!, added[j]!)
      return s >= MIN_SIMILARITY ? s : 0
    }
    const sim: number[][] = removed.map((_, i) => added.map((__, j) => score(i, j)))
    const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0))
    for (let i = 1; i <= m; i++) {
      for (let j = 1; j <= n; j++) {
        const s = sim[i - 1]![j - 1]!
        best[i]![j] = Math.max(best[i - 1]![j]!, best[i]![j - 1]!, s > 0 ? best[i - 1]![j - 1]! + s : 0)
      }
    }
    for (let i = m, j = n; i > 0 && j > 0; ) {
      const s = sim[i - 1]![j - 1]!
      if (s > 0 && best[i]![j] === best[i - 1]![j - 1]! + s) {
        pairs.unshift([i - 1, j - 1])
        i--
        j--
      } else if (best[i - 1]![j]! >= best[i]![j - 1]!) i--
      else j--
    }
  }
  let i = 0
  let j = 0
  for (const [pi, pj] of [...pairs, [m, n] as [number, number]]) {
    while (i < pi) steps.push({ kind: 'removed', i: i++ })
    while (j < pj) steps.push({ kind: 'added', j: j++ })
    if (pi < m && pj < n) {
      steps.push({ kind: 'pair', i: pi, j: pj })
      i = pi + 1
      j = pj + 1
    }
  }
  return steps
}

function diffPair(before: DocNode, after: DocNode, ctx: Context): BlockChange[] {
  if (TEXT_BLOCKS.has(after.type)) {
    const [a, b] = [inlineText(before, ctx), inlineText(after, ctx)]
    // A block rewritten from scratch shares only small words with its old text: old and new
    // whole read better than a word soup.
    const parts = a === b || similarity(before, after) >= MIN_SIMILARITY ? wordParts(a, b, ctx) : wholeParts(a, b, ctx)
    return [{ op: 'changed', node: after, parts, formattingOnly: parts.every((p) => p.op === 'same') }]
  }
  if (before.content && after.content) return [{ op: 'nested', node: after, children: diffBlockList(before.content, after.content, ctx) }]
  return [
    { op: 'removed', node: before },
    { op: 'added', node: after },
  ]
}

function isBlankText(node: DocNode): boolean {
  return TEXT_BLOCKS.has(node.type) && (node.content ?? []).every((child) => child.type === 'text' && !child.text)
}

function diffBlockList(before: DocNode[], after: DocNode[], ctx: Context): BlockChange[] {
  const out: BlockChange[] = []
  const changes = diffArrays(before.map(keyOf), after.map(keyOf), { maxEditLength: MAX_BLOCK_EDITS }) ?? [
    { value: before.map(keyOf), removed: true, added: false, count: before.length },
    { value: after.map(keyOf), removed: false, added: true, count: after.length },
  ]
  let a = 0
  let b = 0
  let removed: DocNode[] = []
  let added: DocNode[] = []
  const flush = () => {
    for (const step of align(removed, added)) {
      // An empty paragraph added or removed (the editor leaves one after a table or at the end)
      // changes nothing a reader sees; shown, it is an empty "added" box under a one-line edit.
      if (step.kind === 'removed') {
        if (!isBlankText(removed[step.i]!)) out.push({ op: 'removed', node: removed[step.i]! })
      } else if (step.kind === 'added') {
        if (!isBlankText(added[step.j]!)) out.push({ op: 'added', node: added[step.j]! })
      }
      else out.push(...diffPair(removed[step.i]!, added[step.j]!, ctx))
    }
    removed = []
    added = []
  }
  for (const change of changes) {
    const count = change.count ?? change.value.length
    if (change.removed) {
      removed.push(...before.slice(a, a + count))
      a += count
    } else if (change.added) {
      added.push(...after.slice(b, b + count))
      b += count
    } else {
      flush()
      for (let k = 0; k < count; k++) out.push({ op: 'same', node: after[b + k]! })
      a += count
      b += count
    }
  }
  flush()
  return out
}

/** Keeps `context` unchanged blocks on each side of a change; longer unchanged runs collapse. */
function collapse(changes: BlockChange[], context: number): BlockChange[] {
  const out: BlockChange[] = []
  let k = 0
  while (k < changes.length) {
    if (changes[k]!.op !== 'same') {
      out.push(changes[k++]!)
      continue
    }
    let end = k
    while (end < changes.length && changes[end]!.op === 'same') end++
    const head = k === 0 ? 0 : context
    const tail = end === changes.length ? 0 : context
    if (end - k <= head + tail + 1) out.push(...changes.slice(k, end))
    else {
      out.push(...changes.slice(k, k + head))
      out.push({ op: 'skip', count: end - k - head - tail })
      out.push(...changes.slice(end - tail, end))
    }
    k = end
  }
  return out
}

function diffItems<T extends Product>(before: readonly T[], after: readonly T[], fields: Array<keyof T & string>): ItemsDiff<T> | null {
  const name = (p: T) => p.name.normalize('NFKC').trim().toLowerCase()
  const left = [...before]
  const right = [...after]
  const changed: ItemsDiff<T>['changed'] = []
  for (let i = 0; i < left.length; i++) {
    const j = right.findIndex((r) => name(r) === name(left[i]!))
    if (j < 0) continue
    const [x] = left.splice(i, 1)
    const [y] = right.splice(j, 1)
    i--
    const differing = fields.filter((f) => x![f] !== y![f])
    if (differing.length > 0) changed.push({ before: x!, after: y!, fields: differing })
  }
  return left.length + right.length + changed.length === 0 ? null : { added: right, removed: left, changed }
}

function diffSet(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } | null {
  const added = after.filter((c) => !before.includes(c))
  const removed = before.filter((c) => !after.includes(c))
  return added.length + removed.length === 0 ? null : { added, removed }
}

export function diffMeta(before: PageContent | null, after: PageContent): MetaDiff {
  const ctx: Context = { codes: new CitationCodes() }
  const text = (a: string, b: string) => (a === b ? null : wordParts(a.replace(PUA, '\ufffd'), b.replace(PUA, '\ufffd'), ctx))
  return {
    title: text(before?.title ?? '', after.title),
    summary: text(before?.summary ?? '', after.summary),
    lang: before && before.lang !== after.lang ? { before: before.lang, after: after.lang } : null,
    categories: diffSet(before?.categories ?? [], after.categories),
    proprietary: diffItems(before?.subjects.proprietary ?? [], after.subjects.proprietary, ['name', 'vendor', 'homepage']),
    alternatives: diffItems(before?.subjects.alternatives ?? [], after.subjects.alternatives, ['name', 'vendor', 'homepage', 'license', 'repository']),
  }
}

/** The difference from `before` (null: the page did not exist yet) to `after`. */
export function diffRevisions(before: PageContent | null, after: PageContent, options: DiffOptions = {}): RevisionDiff {
  const ctx: Context = { codes: new CitationCodes() }
  const blocks = diffBlockList(before?.body.content ?? [], after.body.content ?? [], ctx)
  const bodyUnchanged = blocks.every((b) => b.op === 'same')
  return { meta: diffMeta(before, after), body: bodyUnchanged ? [] : collapse(blocks, options.context ?? 1), bodyUnchanged }
}

export function metaUnchanged(meta: MetaDiff): boolean {
  return Object.values(meta).every((v) => v === null)
}

// ---------------------------------------------------------------------------------------------
// Citations: diffEvidence (evidence-diff.ts) pairs figures; citations pair here, by source and
// then by what they quote and where.

export interface CitationLike {
  sourceId: string | null
  quote: string | null
  locator: string | null
}

export interface CitationsDiff<C extends CitationLike> {
  added: C[]
  removed: C[]
  changed: Array<{ before: C; after: C; fields: Array<'quote' | 'locator'> }>
}

const normal = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim()

export function diffCitations<C extends CitationLike>(before: readonly C[], after: readonly C[]): CitationsDiff<C> {
  const left = [...before]
  const right = [...after]
  const changed: CitationsDiff<C>['changed'] = []
  const pair = (match: (a: C, b: C) => boolean, record: boolean) => {
    for (let i = 0; i < left.length; i++) {
      const j = right.findIndex((b) => match(left[i]!, b))
      if (j < 0) continue
      const [a] = left.splice(i, 1)
      const [b] = right.splice(j, 1)
      i--
      if (!record) continue
      const fields: Array<'quote' | 'locator'> = []
      if (normal(a!.quote) !== normal(b!.quote)) fields.push('quote')
      if (normal(a!.locator) !== normal(b!.locator)) fields.push('locator')
      changed.push({ before: a!, after: b!, fields })
    }
  }
  pair((a, b) => a.sourceId === b.sourceId && normal(a.quote) === normal(b.quote) && normal(a.locator) === normal(b.locator), false)
  pair((a, b) => a.sourceId !== null && a.sourceId === b.sourceId, true)
  return { added: right, removed: left, changed }
}

// ---------------------------------------------------------------------------------------------
// HTML

export interface DiffLabels {
  /** Visible marks of whole blocks. */
  added: string
  removed: string
  changed: string
  /** Read by screen readers at the start and end of an insertion or deletion inside a block; empty for none. */
  addedStart: string
  addedEnd: string
  removedStart: string
  removedEnd: string
  formattingOnly: string
  skipped: (count: number) => string
  table: (n: number) => string
  citation: (sourceId: string | null) => string
}

export const ENGLISH_DIFF_LABELS: DiffLabels = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  addedStart: 'added:',
  addedEnd: 'end of addition',
  removedStart: 'removed:',
  removedEnd: 'end of removal',
  formattingOnly: 'Only formatting, links or evidence changed in this block.',
  skipped: (count) => (count === 1 ? '1 unchanged block' : `${count} unchanged blocks`),
  table: (n) => `Table ${n}`,
  citation: (sourceId) => `citation: ${sourceId ?? 'unknown source'}`,
}

/**
 * A span to mark inside a text block of the newer revision, as offsets into that block's plain text
 * (./plain-text.ts: a hard break counts one, a citation none) — e.g. a finding on the moderator's
 * review page. Rendered like the page renderer's highlights: <mark> with a title, the label read out.
 */
export interface BlockHighlight {
  start: number
  end: number
  className: string
  title: string
  label: string
}

export interface DiffRenderOptions {
  /** The highlights of a text block of the newer revision, looked up by its node object (from the `after` content given to `diffRevisions`). */
  highlights?: (block: DocNode) => readonly BlockHighlight[]
}

interface RenderState {
  labels: DiffLabels
  tables: number
  highlights?: (block: DocNode) => readonly BlockHighlight[]
}

const hidden = (text: string) => `<span class="visually-hidden">${escapeHtml(text)}</span>`

function wrapOp(op: Op, html: string, state: RenderState, labelled: boolean): string {
  if (op === 'same' || html === '') return html
  const { labels } = state
  // Empty labels (feeds: readers there have no stylesheet to hide them) leave the tags bare.
  if (op === 'added') return labelled && labels.addedStart ? `<ins>${hidden(labels.addedStart + ' ')}${html}${hidden(` (${labels.addedEnd})`)}</ins>` : `<ins>${html}</ins>`
  return labelled && labels.removedStart ? `<del>${hidden(labels.removedStart + ' ')}${html}${hidden(` (${labels.removedEnd})`)}</del>` : `<del>${html}</del>`
}

function textHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br>')
}

function citationHtml(sourceId: string | null, state: RenderState): string {
  return `<sup class="diff-cite">[${escapeHtml(state.labels.citation(sourceId))}]</sup>`
}

/**
 * `text`, which starts at `offset` in its block's plain text, with the parts inside `marks` (sorted,
 * from one block) wrapped in <mark>. A highlight cut by a change boundary is marked piece by piece,
 * so tags stay nested; its label is read out once, after its last piece.
 */
function markedHtml(text: string, offset: number, marks: readonly BlockHighlight[], html: (s: string) => string): string {
  const end = offset + text.length
  let out = ''
  let at = offset
  for (const m of marks) {
    if (m.end <= m.start || m.end <= at || m.start >= end) continue
    const from = Math.max(m.start, at)
    const to = Math.min(m.end, end)
    if (from > at) out += html(text.slice(at - offset, from - offset))
    const label = to === m.end ? hidden(` (${m.label})`) : ''
    out += `<mark class="${escapeHtml(m.className)}" title="${escapeHtml(m.title)}">${html(text.slice(from - offset, to - offset))}${label}</mark>`
    at = to
  }
  return at === offset ? html(text) : out + html(text.slice(at - offset))
}

function partsHtml(parts: readonly InlinePart[], state: RenderState, marks: readonly BlockHighlight[] = []): string {
  let offset = 0
  return parts
    .map((p) => {
      if (!('text' in p)) return wrapOp(p.op, citationHtml(p.citation, state), state, true)
      // Only the newer revision's text (kept and added words) carries its highlights' offsets.
      if (p.op === 'removed' || marks.length === 0) return wrapOp(p.op, textHtml(p.text), state, true)
      const html = markedHtml(p.text, offset, marks, textHtml)
      offset += p.text.length
      return wrapOp(p.op, html, state, true)
    })
    .join('')
}

function inlineHtml(block: DocNode, op: Op, state: RenderState, labelled: boolean): string {
  const marks = op !== 'removed' && state.highlights ? state.highlights(block) : []
  const pieces: string[] = []
  let offset = 0
  for (const child of block.content ?? []) {
    if (child.type === 'text') {
      const text = child.text ?? ''
      pieces.push(marks.length > 0 ? markedHtml(text, offset, marks, escapeHtml) : escapeHtml(text))
      offset += text.length
    } else if (child.type === 'hardBreak') {
      pieces.push('<br>')
      offset += 1
    } else if (child.type === 'citation') pieces.push(citationHtml(typeof child.attrs?.sourceId === 'string' ? child.attrs.sourceId : null, state))
  }
  return wrapOp(op, pieces.join(''), state, labelled)
}

const CLASS: Record<Op | 'changed' | 'nested', string> = { same: '', added: 'diff-added', removed: 'diff-removed', changed: 'diff-changed', nested: 'diff-changed' }

function classAttr(names: string[]): string {
  const list = names.filter(Boolean)
  return list.length > 0 ? ` class="${list.join(' ')}"` : ''
}

/** Opening and closing tags of a block; headings render as styled paragraphs so the diff adds nothing to the page's outline. */
function tags(node: DocNode, extra: string[], state: RenderState): [string, string] {
  switch (node.type) {
    case 'paragraph':
      return [`<p${classAttr(extra)}>`, '</p>']
    case 'heading': {
      const level = Math.min(4, Math.max(2, Number(node.attrs?.level) || 2))
      return [`<p${classAttr(['diff-heading', `diff-heading--${level}`, ...extra])}>`, '</p>']
    }
    case 'bulletList':
      return [`<ul${classAttr(extra)}>`, '</ul>']
    case 'orderedList':
      return [`<ol${classAttr(extra)}>`, '</ol>']
    case 'listItem':
      return [`<li${classAttr(extra)}>`, '</li>']
    case 'blockquote':
      return [`<blockquote${classAttr(extra)}>`, '</blockquote>']
    case 'table': {
      state.tables++
      return [`<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(state.labels.table(state.tables))}"><table${classAttr(extra)}>`, '</table></div>']
    }
    case 'tableRow':
      return [`<tr${classAttr(extra)}>`, '</tr>']
    case 'tableHeader':
    case 'tableCell': {
      const tag = node.type === 'tableHeader' && plainTextOf(node).trim() !== '' ? 'th' : 'td'
      const colspan = Number(node.attrs?.colspan) || 1
      const rowspan = Number(node.attrs?.rowspan) || 1
      const span = `${colspan > 1 ? ` colspan="${Math.min(colspan, 1000)}"` : ''}${rowspan > 1 ? ` rowspan="${Math.min(rowspan, 65534)}"` : ''}`
      return [`<${tag}${span}${classAttr(extra)}>`, `</${tag}>`]
    }
    default:
      return ['', '']
  }
}

/** A whole node as it is, with its text marked added or removed when `op` says so. */
function nodeHtml(node: DocNode, op: Op, extra: string[], state: RenderState, labelled: boolean): string {
  if (node.type === 'horizontalRule') return `<hr${classAttr(extra)}>`
  const [open, close] = tags(node, extra, state)
  if (TEXT_BLOCKS.has(node.type)) return open + inlineHtml(node, op, state, labelled) + close
  return open + (node.content ?? []).map((child) => nodeHtml(child, op, [], state, labelled)).join('') + close
}

function changeHtml(change: BlockChange, state: RenderState): string {
  switch (change.op) {
    case 'skip':
      return `<p class="diff-skip">${escapeHtml(state.labels.skipped(change.count))}</p>`
    case 'changed': {
      const [open, close] = tags(change.node, [CLASS.changed], state)
      const note = change.formattingOnly ? `<span class="diff-note">${escapeHtml(state.labels.formattingOnly)}</span> ` : ''
      return open + note + partsHtml(change.parts, state, state.highlights?.(change.node)) + close
    }
    case 'nested': {
      const [open, close] = tags(change.node, [CLASS.nested], state)
      return open + change.children.map((c) => changeHtml(c, state)).join('') + close
    }
    default:
      return nodeHtml(change.node, change.op, [CLASS[change.op]], state, true)
  }
}

/**
 * HTML of a body diff: each top-level change in a block with a visible label ("Added",
 * "Removed", "Changed" — never colour alone), words inside changed blocks in <ins>/<del> with
 * hidden start and end labels for screen readers.
 */
export function renderBodyDiff(changes: readonly BlockChange[], labels: DiffLabels = ENGLISH_DIFF_LABELS, options: DiffRenderOptions = {}): string {
  const state: RenderState = { labels, tables: 0, highlights: options.highlights }
  const out: string[] = []
  for (const change of changes) {
    if (change.op === 'skip' || change.op === 'same') {
      out.push(change.op === 'skip' ? changeHtml(change, state) : `<div class="diff-block diff-block--context">${nodeHtml(change.node, 'same', [], state, false)}</div>`)
      continue
    }
    const kind = change.op === 'nested' ? 'changed' : change.op
    const label = kind === 'added' ? labels.added : kind === 'removed' ? labels.removed : labels.changed
    const body = change.op === 'added' || change.op === 'removed' ? nodeHtml(change.node, change.op, [], state, false) : changeHtml(change, state)
    out.push(`<div class="diff-block diff-block--${kind}"><span class="diff-badge diff-badge--${kind}">${escapeHtml(label)}</span>${body}</div>`)
  }
  return out.join('')
}

/** Inline parts (a title, a summary) as HTML with labelled <ins>/<del>. */
export function renderInlineDiff(parts: readonly InlinePart[], labels: DiffLabels = ENGLISH_DIFF_LABELS): string {
  return partsHtml(parts, { labels, tables: 0 })
}
