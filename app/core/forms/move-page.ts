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

/**
 * POST /api/v1/pages/:slug/move: the same two fields as JSON. Text beyond the cuts is refused
 * (422), not cut: an API client is told exactly what was wrong.
 */
export const MovePageBody = z.object({ to: z.string().max(200), reason: z.string().max(1000) })
