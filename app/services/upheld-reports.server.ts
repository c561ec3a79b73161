import { claimFixed } from '#app/core/disputes'
import { citationKeys, figureKey } from '#app/core/evidence-key'
import type { DB } from '#app/models/db.server'
import { listCitations, listFigures } from '#app/models/evidence.server'
import { nowIso } from '#app/models/ids.server'
import { listUnfixedUpheldReports, markReportFixed } from '#app/models/reports.server'

/**
 * An upheld report ("the reader is right") keeps its figure or citation marked as disputed until
 * a published edit fixes it: changes its value, source or quote, or removes it (decision 017).
 */

/** What the claim with this key says in a revision: one entry per figure or citation with the key. */
export async function claimsIn(db: DB, revisionId: string, targetKey: string): Promise<string[]> {
  if (targetKey.startsWith('citation:')) {
    const citations = await listCitations(db, revisionId)
    const keys = citationKeys(citations)
    return citations.filter((_, i) => keys[i] === targetKey).map((c) => JSON.stringify([c.quote, c.locator]))
  }
  return (await listFigures(db, revisionId)).filter((f) => figureKey(f) === targetKey).map((f) => JSON.stringify(f.quote))
}

/**
 * Called in the transaction that makes `revisionId` the page's stable revision: each upheld
 * report whose claim that revision no longer makes as it was upheld is fixed by it.
 */
export async function settleUpheldReports(trx: DB, pageId: string, revisionId: string): Promise<string[]> {
  const fixed: string[] = []
  for (const report of await listUnfixedUpheldReports(trx, pageId)) {
    if (!claimFixed(report.upheldClaims, await claimsIn(trx, revisionId, report.targetKey))) continue
    await markReportFixed(trx, report.id, revisionId, nowIso())
    fixed.push(report.id)
  }
  return fixed
}
