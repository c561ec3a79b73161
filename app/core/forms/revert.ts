import { z } from 'zod'
import { isRevisionId } from '#app/core/history-query'
import { text } from './fields'

/**
 * "Restore this version" on a revision's page: the newest revision the editor saw (anything that is
 * not a revision id counts as none, and the service then treats the revert as unbased) and the key
 * that makes a second click harmless. The rules are revertRevision's.
 */
export const RevertSchema = z.object({
  intent: z.string().optional(),
  baseRevisionId: text(200).transform((id) => (isRevisionId(id) ? id : null)),
  idempotencyKey: text(100).transform((key) => key || null),
})
