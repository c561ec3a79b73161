import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Mapping } from '@tiptap/pm/transform'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { Finding } from '#app/core/analyse'
import type { LintResponse } from '#app/core/lint'
import { indexPlainText, rangeAt } from './text-positions'

/**
 * Live findings in the editor: uncited figures and promotional language, as the lint API finds
 * them, drawn as inline decorations (underlines) and kept in plugin state for the list beside the
 * editor. The API answers in plain-text offsets of the document it was sent; typing goes on while
 * it answers, so each request records the steps taken since it was sent, and the answer is
 * mapped through them before it is shown. An answer to an older request than the latest is
 * dropped.
 */

/** The lint API's answer (POST /api/v1/lint). */
export type LintAnswer = Pick<LintResponse, 'findings'>

export interface EditorFinding {
  id: string
  kind: 'uncited' | 'marketing' | 'metric'
  /** The analysis's own kind: an uncited figure, a quote that does not show it, or promotional language. */
  finding: Finding['kind']
  text: string
  from: number
  to: number
  category: string | null
  suggestion: string | null
}

interface FindingsState {
  pending: { id: number; mapping: Mapping } | null
  findings: EditorFinding[]
  decorations: DecorationSet
}

type FindingsMeta = { type: 'start'; id: number } | { type: 'answer'; id: number; doc: PMNode; answer: LintAnswer }

const findingsKey = new PluginKey<FindingsState>('liveFindings')

function decorate(doc: PMNode, findings: EditorFinding[]): DecorationSet {
  return DecorationSet.create(
    doc,
    findings.map((f) => Decoration.inline(f.from, f.to, { class: `finding finding--${f.kind}`, 'data-finding': f.id })),
  )
}

/**
 * Findings of an answer, as ranges of the document the request was sent with: the answer's own
 * findings (the ones the save and the review page report), each with its message. A figure whose
 * quote does not show it is uncited too, and says so.
 */
function findingsOfAnswer(doc: PMNode, answer: LintAnswer): EditorFinding[] {
  const index = indexPlainText(doc)
  const findings: EditorFinding[] = []
  for (const f of answer.findings) {
    if (f.field !== 'body' || f.start === null || f.end === null || f.start >= f.end) continue
    const kind =
      f.kind === 'marketing' ? 'marketing'
      : f.kind === 'uncited-figure' || f.kind === 'quote-mismatch' ? 'uncited'
      : f.kind === 'metric-mismatch' || f.kind === 'unregistered-metric' || f.kind === 'undated-figure' ? 'metric'
      : null
    const range = kind && rangeAt(index, f.start, f.end)
    if (kind && range) findings.push({ id: `${kind}-${f.kind}-${f.start}`, kind, finding: f.kind, text: f.text, ...range, category: f.category, suggestion: f.message })
  }
  return findings.sort((a, b) => a.from - b.from)
}

/** Moves findings through edits; one whose text was deleted disappears. Keeps identity when nothing moved. */
function mapFindings(findings: EditorFinding[], mapping: Mapping): EditorFinding[] {
  let moved = false
  const mapped: EditorFinding[] = []
  for (const f of findings) {
    // Text typed at either edge is outside the finding: it was not what the check saw.
    const from = mapping.map(f.from, 1)
    const to = mapping.map(f.to, -1)
    if (from >= to) {
      moved = true
      continue
    }
    if (from !== f.from || to !== f.to) moved = true
    mapped.push(from === f.from && to === f.to ? f : { ...f, from, to })
  }
  return moved ? mapped : findings
}

function apply(tr: Transaction, state: FindingsState): FindingsState {
  const meta = tr.getMeta(findingsKey) as FindingsMeta | undefined
  let { pending, findings, decorations } = state
  if (tr.docChanged) {
    if (pending) pending = { id: pending.id, mapping: new Mapping([...pending.mapping.maps, ...tr.mapping.maps]) }
    const mapped = mapFindings(findings, tr.mapping)
    decorations = mapped === findings ? decorations.map(tr.mapping, tr.doc) : decorate(tr.doc, mapped)
    findings = mapped
  }
  if (meta?.type === 'start') pending = { id: meta.id, mapping: new Mapping() }
  if (meta?.type === 'answer' && pending?.id === meta.id) {
    findings = mapFindings(findingsOfAnswer(meta.doc, meta.answer), pending.mapping)
    decorations = decorate(tr.doc, findings)
    pending = null
  }
  return pending === state.pending && findings === state.findings && decorations === state.decorations ? state : { pending, findings, decorations }
}

export function liveFindingsPlugin(): Plugin<FindingsState> {
  return new Plugin<FindingsState>({
    key: findingsKey,
    state: {
      init: () => ({ pending: null, findings: [], decorations: DecorationSet.empty }),
      apply,
    },
    props: {
      decorations: (state) => findingsKey.getState(state)?.decorations,
    },
  })
}

export const LiveFindings = Extension.create({
  name: 'liveFindings',
  addProseMirrorPlugins() {
    return [liveFindingsPlugin()]
  },
})

export function findingsOf(state: EditorState): EditorFinding[] {
  return findingsKey.getState(state)?.findings ?? []
}

/** Marks the start of a check of the current document; answers are mapped from here on. */
export function startCheck(tr: Transaction, id: number): Transaction {
  return tr.setMeta(findingsKey, { type: 'start', id } satisfies FindingsMeta).setMeta('addToHistory', false)
}

/** Hands the answer for the document `doc` (as it was sent) to the plugin. */
export function finishCheck(tr: Transaction, id: number, doc: PMNode, answer: LintAnswer): Transaction {
  return tr.setMeta(findingsKey, { type: 'answer', id, doc, answer } satisfies FindingsMeta).setMeta('addToHistory', false)
}
