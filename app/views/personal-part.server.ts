import { sessionUserFromHeaders } from '#app/auth/session.server'
import { userToolsHtml } from '#app/components/user-tools'
import { audienceOf } from '#app/core/permissions'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import { getDb } from '#app/models/db.server'
import { countUnread } from '#app/models/notifications.server'

export interface PersonalPart {
  /** Who else gets the same document (core/permissions.ts `audienceOf`). */
  audience: string
  username: string
  /** The header block only this person sees, exactly as the layout renders it. */
  html: string
}

/**
 * For a signed-in read, what the HTTP server needs to answer it from a document rendered for the
 * same audience: the session checked as every render checks it (so a session ended or a role
 * changed takes effect on the next request), and this person's header block. Null when the
 * request carries no valid session.
 */
export async function personalPart(cookie: string | null, clientIp: string | null, lang: Lang): Promise<PersonalPart | null> {
  const session = await sessionUserFromHeaders(cookie, clientIp)
  if (!session) return null
  const { user } = session
  const unread = await countUnread(getDb(), user.id)
  return { audience: audienceOf(user), username: user.username, html: userToolsHtml({ username: user.username, unread }, translator(lang)) }
}
