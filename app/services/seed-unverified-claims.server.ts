import type { Kysely, Transaction } from 'kysely'
import { newId, nowIso } from '#app/models/ids.server'
import { findClaimByText } from '#app/models/claims.server'
import { appendLog } from '#app/models/moderation.server'
import { listProductSlugs } from '#app/models/products.server'
import { insertClaimEvent, insertUnverifiedClaim, settleClaim } from '#app/models/unverified-claims.server'
import type { Database } from '#db/schema'
import { demoUnverifiedClaims } from '#db/seed/demo-unverified-claims'

/**
 * The demo's unverified claims (decision 027), recorded by the demo editor and settled by the
 * seed's trusted account against the demo's claims, each step in the claim's history and the
 * moderation log as if done through /claims/unverified. Runs after the demo pages are approved.
 */
export async function seedUnverifiedClaims(trx: Kysely<Database> | Transaction<Database>, accounts: { recorderId: string; settlerId: string }): Promise<void> {
  const products = await listProductSlugs(trx)
  for (const seed of demoUnverifiedClaims) {
    const id = newId()
    const now = nowIso()
    await insertUnverifiedClaim(trx, {
      id, text: seed.text, seenAt: seed.seenAt, product: seed.product && products.has(seed.product) ? seed.product : null, metric: seed.metric, createdBy: accounts.recorderId, createdAt: now,
    })
    await insertClaimEvent(trx, { id: newId(), claimId: id, actorId: accounts.recorderId, action: 'recorded', note: null, createdAt: now })
    const settle = seed.settle
    if (!settle) continue
    let figure: { pageId: string; revisionId: string; ordinal: number; text: string; sourceId: string | null } | null = null
    if (settle.status !== 'no-source') {
      figure = await findClaimByText(trx, { pageSlug: settle.page, text: settle.figureText, metric: settle.metric })
      // The demo pages changed under this list: the claim stays open rather than link the wrong figure.
      if (!figure) continue
    }
    await settleClaim(trx, id, { status: settle.status, settledBy: accounts.settlerId, settledAt: now, note: settle.note, figure })
    await insertClaimEvent(trx, {
      id: newId(), claimId: id, actorId: accounts.settlerId, action: settle.status, note: settle.note,
      detail: figure && settle.status !== 'no-source' ? { page: settle.page, ordinal: figure.ordinal, text: figure.text, revisionId: figure.revisionId } : undefined, createdAt: now,
    })
    await appendLog(trx, {
      action: 'claim.settle', actorId: accounts.settlerId, pageId: figure?.pageId ?? null, revisionId: figure?.revisionId ?? null,
      reason: settle.note ?? '', detail: { claimId: id, status: settle.status, target: seed.text },
    })
  }
}
