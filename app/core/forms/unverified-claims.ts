import { z } from 'zod'
import { CLAIM_TEXT_MAX, NOTE_MAX, SEEN_AT_MAX } from '#app/core/claims'
import { text } from './fields'

/**
 * The unverified-claims page's forms, told apart by `intent` (anything but "settle" or "reopen"
 * records, as the page has always read it): recording a claim seen without a source, settling
 * one, reopening one. Recording's rules are parseUnverifiedClaim's, shared with the API; settling
 * and reopening are checked by their services after the claim is found and still open, so a
 * settled claim says so (409) before any field is judged. This only reads text, cut well beyond
 * each limit for the services to say what is too long.
 */
export const UnverifiedClaimSchema = z.object({
  intent: text(20).transform((value) => (value === 'settle' || value === 'reopen' ? value : 'record')),
  claimId: text(100),
  text: text(2 * CLAIM_TEXT_MAX),
  seenAt: text(2 * SEEN_AT_MAX),
  product: text(200),
  metric: text(200),
  status: text(20),
  figure: text(2000),
  note: text(2 * NOTE_MAX),
})
