import { config } from '#app/infra/config.server'
import { parseSettlement, parseUnverifiedClaim, type SettledStatus } from '#app/core/claims'
import type { Issue } from '#app/core/result'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getMetric } from '#app/models/metrics.server'
import { appendLog } from '#app/models/moderation.server'
import { getProduct } from '#app/models/products.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { findCitedFigure, getUnverifiedClaim, insertClaimEvent, insertUnverifiedClaim, settleClaim } from '#app/models/unverified-claims.server'

export type RecordClaimResult =
  | { ok: true; id: string; status: 'open' }
  | { ok: false; status: 422; issues: Issue[] }
  | { ok: false; status: 429; retryAfterSeconds: number }

/**
 * Records a claim seen without a source ("Tchap has 200,000 daily users", in a forum post). It is
 * shown apart from figures, as unverified, until an editor settles it. A product or metric named
 * must exist, so the claim lands on the right product page; both may be left out.
 */
export async function recordUnverifiedClaim(db: DB, input: { authorId: string; fields: unknown }): Promise<RecordClaimResult> {
  const parsed = parseUnverifiedClaim(input.fields)
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues }
  const issues: Issue[] = []
  if (parsed.value.product && !(await getProduct(db, parsed.value.product))) {
    issues.push({ path: 'product', code: 'unknown_product', message: `There is no product "${parsed.value.product}"; leave it out or use a slug from /products.` })
  }
  if (parsed.value.metric && !(await metricExists(db, parsed.value.metric))) {
    issues.push({ path: 'metric', code: 'unknown_metric', message: `There is no metric "${parsed.value.metric}"; leave it out or use a slug from /metrics.` })
  }
  if (issues.length > 0) return { ok: false, status: 422, issues }
  const limit = await hitLimit(db, `claim:${input.authorId}`, config.limits.saveUser)
  if (!limit.allowed) return { ok: false, status: 429, retryAfterSeconds: limit.retryAfterSeconds }
  const id = newId()
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await insertUnverifiedClaim(trx, { id, ...parsed.value, createdBy: input.authorId, createdAt: now })
    await insertClaimEvent(trx, { id: newId(), claimId: id, actorId: input.authorId, action: 'recorded', note: null, createdAt: now })
  })
  return { ok: true, id, status: 'open' }
}

async function metricExists(db: DB, slug: string): Promise<boolean> {
  return (await getMetric(db, slug)) !== null
}

export type SettleClaimResult =
  | { ok: true; id: string; status: SettledStatus }
  | { ok: false; status: 404 | 409; message: string }
  | { ok: false; status: 422; issues: Issue[] }

/**
 * An editor settles an open claim: linking the cited figure that shows it ("verified") or says
 * otherwise ("contradicted"), or closing it as "no source found" with where they looked. The step
 * goes to the claim's history and to the public moderation log.
 */
export async function settleUnverifiedClaim(db: DB, input: { actorId: string; claimId: string; fields: Record<string, unknown> }): Promise<SettleClaimResult> {
  const claim = await getUnverifiedClaim(db, input.claimId)
  if (!claim) return { ok: false, status: 404, message: 'There is no such unverified claim.' }
  if (claim.status !== 'open') return { ok: false, status: 409, message: `This claim is already settled (${claim.status}); reopen it first.` }
  const parsed = parseSettlement(input.fields)
  if (!parsed.ok) return { ok: false, status: 422, issues: parsed.issues }
  const settlement = parsed.value
  const figure = settlement.status === 'no-source' ? null : await findCitedFigure(db, settlement.figure.page, settlement.figure.ordinal)
  if (settlement.status !== 'no-source' && !figure) {
    return { ok: false, status: 422, issues: [{ path: 'figure', code: 'unknown_figure', message: `"/pages/${settlement.figure.page}#fig-${settlement.figure.ordinal}" is not a cited figure of that page's published version.` }] }
  }
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await settleClaim(trx, input.claimId, { status: settlement.status, settledBy: input.actorId, settledAt: now, note: settlement.note, figure })
    const detail = figure ? { page: settlement.status === 'no-source' ? null : settlement.figure.page, ordinal: figure.ordinal, text: figure.text, revisionId: figure.revisionId } : undefined
    await insertClaimEvent(trx, { id: newId(), claimId: input.claimId, actorId: input.actorId, action: settlement.status, note: settlement.note, detail, createdAt: now })
    await appendLog(trx, {
      action: 'claim.settle', actorId: input.actorId, pageId: figure?.pageId ?? null, revisionId: figure?.revisionId ?? null,
      reason: settlement.note ?? '', detail: { claimId: input.claimId, status: settlement.status, target: claim.text },
    })
  })
  return { ok: true, id: input.claimId, status: settlement.status }
}

/** Opens a settled claim again (a link was wrong, a source turned up): logged like settling. */
export async function reopenUnverifiedClaim(db: DB, input: { actorId: string; claimId: string; note: string }): Promise<{ ok: true } | { ok: false; status: 404 | 409 | 422; message: string }> {
  const claim = await getUnverifiedClaim(db, input.claimId)
  if (!claim) return { ok: false, status: 404, message: 'There is no such unverified claim.' }
  if (claim.status === 'open') return { ok: false, status: 409, message: 'This claim is open already.' }
  const note = input.note.trim().slice(0, 2000)
  if (note === '') return { ok: false, status: 422, message: 'Say why the claim is reopened.' }
  const now = nowIso()
  await db.transaction().execute(async (trx) => {
    await settleClaim(trx, input.claimId, { status: 'open', settledBy: null, settledAt: null, note: null, figure: null })
    await insertClaimEvent(trx, { id: newId(), claimId: input.claimId, actorId: input.actorId, action: 'reopened', note, createdAt: now })
    await appendLog(trx, { action: 'claim.settle', actorId: input.actorId, reason: note, detail: { claimId: input.claimId, status: 'open', target: claim.text } })
  })
  return { ok: true }
}
