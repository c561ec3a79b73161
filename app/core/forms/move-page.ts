import { z } from 'zod'
import { text } from './fields'

/**
 * Moving a page: the new address and a public reason. Their rules (a valid, free, new address; a
 * reason of at most MOVE_REASON_MAX) are movePage's, shared with the API, and need the database.
 */
export const MovePageSchema = z.object({
  to: text(200),
  reason: text(1000),
})

