import { z } from 'zod'
import { TALK_BODY_MAX, TALK_REASON_MAX, TALK_TITLE_MAX } from '#app/core/talk'
import { text } from './fields'

const TALK_INTENTS = ['thread', 'reply', 'edit', 'delete', 'close', 'reopen', 'hide', 'unhide', 'watch', 'unwatch'] as const
export type TalkIntent = (typeof TALK_INTENTS)[number]

/**
 * The talk page's forms, told apart by `intent` (none, or one the page does not know, starts a
 * thread, as the page has always read it): a new thread, a reply, an author's edit or deletion,
 * a moderator's close, reopen, hide or unhide with a reason, and watching. Their rules (a title
 * and a text that are there and not too long, a reason) are the talk services', shared with the
 * API, so this only reads text, cut well beyond each limit for the service to say what is too long.
 */
export const TalkSchema = z.object({
  intent: text(20).transform((value) => TALK_INTENTS.find((intent) => intent === value) ?? 'thread'),
  threadId: text(100),
  postId: text(100),
  title: text(2 * TALK_TITLE_MAX),
  body: text(2 * TALK_BODY_MAX),
  reason: text(2 * TALK_REASON_MAX),
})
