import type { Finding } from './analyse'

export interface TriageInput {
  /** The author may publish directly (trusted or above, not blocked). */
  canPublish: boolean
  /**
   * Revisions by others still wait between the stable revision and this one: this revision
   * carries their unreviewed changes, so it cannot publish them past the queue.
   */
  buildsOnPending?: boolean
  findings: readonly Pick<Finding, 'kind'>[]
  author: { approvedRevisions: number; accountAgeDays: number }
  figuresChanged: number
  newSourceDomains: number
  /** Bytes of the previous revision and of this one. */
  previousSize: number | null
  size: number
}

export interface Triage {
  status: 'approved' | 'pending'
  /** Why it waits (empty when it publishes). */
  reasons: Array<'not-trusted' | 'builds-on-pending' | 'uncited-figures' | 'promotional-language' | 'quote-mismatch' | 'citations-removed' | 'unknown-source' | 'metric-mismatch' | 'unregistered-metric'>
  /** Orders the queue, riskiest first. It never approves anything by itself. */
  risk: number
}

// An undated figure is an honest answer to a source without a date (decision 026): it informs
// the moderator but does not keep a trusted editor's revision from publishing.
const REASON_OF: Record<Finding['kind'], Triage['reasons'][number] | null> = {
  'uncited-figure': 'uncited-figures',
  marketing: 'promotional-language',
  'quote-mismatch': 'quote-mismatch',
  'citation-removed': 'citations-removed',
  'unknown-source': 'unknown-source',
  'metric-mismatch': 'metric-mismatch',
  'unregistered-metric': 'unregistered-metric',
  'undated-figure': null,
}

// Points per signal, capped per kind so that one noisy signal cannot bury the others.
const WEIGHTS = { newAccount: 30, figureChanged: [5, 25], finding: { 'uncited-figure': [15, 45], marketing: [10, 30], 'quote-mismatch': [10, 30], 'citation-removed': [20, 40], 'unknown-source': [10, 20], 'metric-mismatch': [5, 15], 'unregistered-metric': [5, 15] }, newDomain: [10, 30], largeDeletion: 25 } as const

/**
 * Who waits in the queue and why (issue: non-trusted editors, and any revision with findings),
 * and a rule-based risk score that orders the queue. A trusted editor's clean revision publishes
 * at once — unless it sits on top of others' pending revisions, whose changes it would publish
 * unreviewed (MediaWiki's pending changes behave the same: an edit is accepted automatically only
 * when the revision before it is accepted). See docs/decisions/014-pending-heads.md.
 */
export function triage(input: TriageInput): Triage {
  const reasons = new Set<Triage['reasons'][number]>()
  if (!input.canPublish) reasons.add('not-trusted')
  else if (input.buildsOnPending === true) reasons.add('builds-on-pending')
  for (const f of input.findings) {
    const reason = REASON_OF[f.kind]
    if (reason) reasons.add(reason)
  }
  let risk = 0
  if (input.author.accountAgeDays < 4 || input.author.approvedRevisions < 3) risk += WEIGHTS.newAccount
  risk += Math.min(input.figuresChanged * WEIGHTS.figureChanged[0], WEIGHTS.figureChanged[1])
  for (const [kind, [per, cap]] of Object.entries(WEIGHTS.finding)) {
    risk += Math.min(input.findings.filter((f) => f.kind === kind).length * per, cap)
  }
  risk += Math.min(input.newSourceDomains * WEIGHTS.newDomain[0], WEIGHTS.newDomain[1])
  if (input.previousSize !== null && input.previousSize > 0 && (input.previousSize - input.size) / input.previousSize > 0.3) risk += WEIGHTS.largeDeletion
  return { status: reasons.size === 0 ? 'approved' : 'pending', reasons: [...reasons], risk }
}
