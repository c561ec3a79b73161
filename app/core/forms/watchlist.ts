import { z } from 'zod'
import { text } from './fields'

const WATCHLIST_INTENTS = ['unwatch', 'seen', 'seen-all'] as const

/**
 * The watchlist's buttons: stop watching one item, mark one item seen, or mark everything seen.
 * The fields are hidden ones the page wrote, so nothing here is refused: an unknown intent does
 * nothing, an unknown kind is a page, and an id that names no item of the reader's changes nothing.
 */
export const WatchlistSchema = z.object({
  intent: text(20).transform((value) => WATCHLIST_INTENTS.find((intent) => intent === value) ?? null),
  kind: text(20).transform((value) => (value === 'thread' ? 'thread' : 'page')),
  id: text(100),
})
