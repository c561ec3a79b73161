import { z } from 'zod'
import { text } from './fields'

/**
 * A moderator rolls back the latest run of one editor's edits from the history page: the newest
 * revision the page showed (the service refuses if the page has moved on), a public reason and
 * the key that makes a second click harmless. The rules are rollbackEdits'.
 */
export const RollbackSchema = z.object({
  intent: z.string().optional(),
  latestRevisionId: text(200),
  reason: text(1000),
  idempotencyKey: text(100).transform((key) => key || null),
})
