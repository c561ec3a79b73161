/**
 * When a reported figure or citation is shown to readers as disputed (decision 017). A report by
 * itself is a signal for moderators; readers see the mark only when someone accountable or enough
 * different people stand behind it:
 * - a signed-in trusted editor, moderator or admin reported it;
 * - at least `threshold` distinct reporters did (REPORTS_TO_DISPUTE), counted once each however
 *   often they report, across the reasons of the same target;
 * - or a moderator upheld a report on it ("the reader is right"): then it stays marked until a
 *   published edit changes the claim (its value, source or quote) or removes it.
 */

export type DisputeReason = 'confirmed' | 'trusted-reporter' | 'readers'

export interface TargetSupport {
  key: string
  /** Distinct reporters behind the target's open reports. */
  reporters: number
  trustedReporter: boolean
  /** An upheld report on it that no published edit has fixed yet. */
  confirmed: boolean
}

export function disputeReason(support: TargetSupport, threshold: number): DisputeReason | null {
  if (support.confirmed) return 'confirmed'
  if (support.trustedReporter) return 'trusted-reporter'
  if (support.reporters >= threshold) return 'readers'
  return null
}

/** The disputed targets of a page, with why each is disputed. */
export function disputedTargets(supports: readonly TargetSupport[], threshold: number): Map<string, DisputeReason> {
  const result = new Map<string, DisputeReason>()
  for (const s of supports) {
    const reason = disputeReason(s, threshold)
    if (reason) result.set(s.key, reason)
  }
  return result
}

/**
 * Whether a published revision fixed an upheld claim. `now` holds what the claim says in that
 * revision (one entry per figure or citation with the report's key: its quote and the like); the
 * key itself changes with the value or the source, so an empty `now` means the claim was changed
 * or removed. With the same key, any other quote fixes it too.
 */
export function claimFixed(upheld: readonly string[] | null, now: readonly string[]): boolean {
  if (now.length === 0) return true
  if (upheld === null) return false
  const sorted = (list: readonly string[]) => JSON.stringify([...list].sort())
  return sorted(upheld) !== sorted(now)
}
