import { createHash } from 'node:crypto'
import type { ContentAnalysis } from '#app/core/analyse'
import type { PageContent, RevisionStatus } from '#app/core/content'
import type { DB } from '#app/models/db.server'
import { insertDerivedRows } from '#app/models/evidence.server'
import { newIdAfter, nowIso } from '#app/models/ids.server'
import { insertRevision } from '#app/models/revisions.server'
import { queueChecksForRevision } from './link-checker.server'

export interface RecordRevisionInput {
  pageId: string
  /** The head of the page's history this revision follows; null for a page's first revision. */
  parentId: string | null
  /** The revision the editor started from. */
  baseRevisionId: string | null
  authorId: string
  summary: string
  status: RevisionStatus
  content: PageContent
  analysis: ContentAnalysis
  idempotencyKey?: string | null
  idempotencyFingerprint?: string | null
  restoresRevisionId?: string | null
  riskScore?: number
  /** Pre-made id, when the caller needs it before the insert (a new page points at it). */
  id?: string
}

export function serialiseContent(content: PageContent): { json: string; hash: string } {
  const json = JSON.stringify(content)
  return { json, hash: createHash('sha256').update(json).digest('hex') }
}

/**
 * Inserts an immutable revision and the rows derived from it (figures, citations, findings), and
 * queues link checks for the sources it cites anew. Runs inside the caller's transaction: the
 * revision, its evidence and its checks exist together or not at all.
 */
export async function recordRevision(trx: DB, input: RecordRevisionInput): Promise<{ id: string; createdAt: string }> {
  // After its parent's id even when another app instance, with a clock ahead, wrote the parent.
  const id = input.id ?? newIdAfter(input.parentId)
  const createdAt = nowIso()
  const { json, hash } = serialiseContent(input.content)
  await insertRevision(trx, {
    id,
    pageId: input.pageId,
    parentId: input.parentId,
    baseRevisionId: input.baseRevisionId,
    authorId: input.authorId,
    summary: input.summary,
    status: input.status,
    content: json,
    contentHash: hash,
    createdAt,
    idempotencyKey: input.idempotencyKey ?? null,
    idempotencyFingerprint: input.idempotencyFingerprint ?? null,
    restoresRevisionId: input.restoresRevisionId ?? null,
    uncitedCount: input.analysis.uncitedFigures.length,
    findingCount: input.analysis.findings.length,
    riskScore: input.riskScore ?? 0,
  })
  await insertDerivedRows(trx, id, input.pageId, input.analysis)
  // A source it cites anew (or a new quote of one) is checked soon, not at its next weekly turn:
  // the moderator reviewing this revision sees the link status and whether each quote is there.
  // Not for a conflict revision: it is off the page's history, and the checker reads the quotes
  // of each page's stable and latest revisions.
  if (input.status !== 'conflict') await queueChecksForRevision(trx, { parentId: input.parentId, analysis: input.analysis })
  return { id, createdAt }
}
