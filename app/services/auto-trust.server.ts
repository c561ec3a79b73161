import { config } from '#app/config.server'
import { blockInForce } from '#app/core/permissions'
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
  if (blockInForce(user, now).blockedUntil) return false
  const days = (now.getTime() - new Date(user.createdAt).getTime()) / 86_400_000
  if (days < config.trustAfterDays) return false
  if (await hasLogEntryForUser(db, 'user.role', user.id)) return false
  return (await countApprovedRevisionsByAuthor(db, user.id)) >= config.trustAfterApproved
}

/**
 * Promotes the account if its record is enough; run inside a transaction (the role change and
 * both log entries go together). True when the account was promoted now. Called when a revision
 * is approved (app/services/review-revision.server.ts).
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
 * The author as a save should see them. The days can complete with no review to notice, so a save
 * checks first, inside its own transaction (app/services/save-revision.server.ts): an editor whose
 * record is now enough is promoted there, and that edit already counts as a trusted editor's (it
 * may publish, and reach semi-protected pages).
 */
export async function withEarnedTrust<A extends { id: string; role: string; blockedUntil: string | null }>(trx: DB, actor: A, now = new Date()): Promise<A> {
  if (actor.role !== 'editor' || actor.blockedUntil) return actor
  return (await promoteIfEarned(trx, actor.id, now)) ? { ...actor, role: 'trusted' } : actor
}
