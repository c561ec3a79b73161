import type { UnverifiedClaimEvent, UnverifiedClaimView } from '#app/models/unverified-claims.server'

/** The public shape of an unverified claim and its history (API and loaders alike). */
export function presentUnverifiedClaim(c: UnverifiedClaimView, events: readonly UnverifiedClaimEvent[], origin: string) {
  return {
    id: c.id,
    status: c.status,
    text: c.text,
    seenAt: c.seenAt,
    product: c.product?.slug ?? null,
    metric: c.metric,
    recordedBy: c.author,
    recordedAt: c.createdAt,
    settledBy: c.settledBy,
    settledAt: c.settledAt,
    note: c.note,
    figure: c.figure
      ? { page: c.figure.page, number: c.figure.ordinal, text: c.figure.text, revisionId: c.figure.revisionId, evidence: `${origin}/pages/${c.figure.page}#fig-${c.figure.ordinal}`, source: c.figure.source }
      : null,
    url: `${origin}/claims/unverified#claim-${c.id}`,
    history: events.map((e) => ({ action: e.action, by: e.actor, note: e.note, at: e.createdAt })),
  }
}
