import { blockInForce } from '#app/core/user-admin'
import { config } from '#app/infra/config.server'
import type { DB } from '#app/models/db.server'
import { appendLog, hasLogEntryForUser } from '#app/models/moderation.server'
import { countApprovedRevisionsByAuthor } from '#app/models/revisions.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getUserById, setUserRole, type User } from '#app/models/users.server'

/**
 * Editors become trusted automatically after a configurable record (MediaWiki's autoconfirmed):
 * TRUST_AFTER_APPROVED approved revisions and TRUST_AFTER_DAYS days since sign-up — unless an
 * admin has set their role by hand (a demotion must stick) or they are blocked.
 */
async function hasEarnedTrust(db: DB, user: User, now: Date): Promise<boolean> {
  if (user.role !== 'editor') return false
  if (blockInForce(user, now).blockedUntil !== null) return false
  const days = (now.getTime() - new Date(user.createdAt).getTime()) / 86_400_000
  if (days < config.trustAfterDays) return false
  if (await hasLogEntryForUser(db, 'user.role', user.id)) return false
  return (await countApprovedRevisionsByAuthor(db, user.id)) >= config.trustAfterApproved
}

/**
 * Promotes the account if its record is enough; run inside a transaction (the role change and
 * both log entries go together). True when the account was promoted now. Called when a revision
 * is approved (review-revision.server.ts) and when an editor saves (save-revision.server.ts): the
 * days can complete with no review to notice.
 */
export async function promoteIfEarned(trx: DB, userId: string, now = new Date()): Promise<boolean> {
  const user = await getUserById(trx, userId)
  if (!user || !(await hasEarnedTrust(trx, user, now))) return false
  // Only from editor: a role an admin changed since the read above is not overwritten.
  if (!(await setUserRole(trx, userId, 'trusted', { from: 'editor' }))) return false
  await appendLog(trx, { action: 'user.auto-trusted', actorId: null, targetUserId: userId, reason: `${config.trustAfterApproved} approved revisions and ${config.trustAfterDays} days` })
  await logSecurityEvent(trx, 'role.changed', { userId, username: user.username, detail: { from: 'editor', to: 'trusted', by: 'automatic' } })
  return true
}

/**
 * Whether the account could be promoted now, from reads alone: a save asks before its transaction,
 * so that the common case — an editor not there yet — takes no lock, and only an account that has
 * earned it is promoted (promoteIfEarned, which checks again) inside the save's transaction.
 */
export async function mayBePromoted(db: DB, userId: string, now = new Date()): Promise<boolean> {
  const user = await getUserById(db, userId)
  return user !== null && (await hasEarnedTrust(db, user, now))
}
