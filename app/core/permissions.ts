import { roleAtLeast, type Role } from './roles'

export interface Actor {
  role: Role
  /** Set while a block is in force; a blocked account may read but not write. */
  blockedUntil: string | null
}

/**
 * The block as it stands at `now`: a block whose end has passed is no block (the row keeps the
 * old dates until the next block or unblock). Every reader of an account's block goes through
 * this, so a session, a token and automatic trust agree on who is blocked.
 */
export function blockInForce(user: { blockedUntil: string | null; blockReason: string | null }, now = new Date()): { blockedUntil: string | null; blockReason: string | null } {
  const blocked = user.blockedUntil !== null && new Date(user.blockedUntil) > now
  return blocked ? { blockedUntil: user.blockedUntil, blockReason: user.blockReason } : { blockedUntil: null, blockReason: null }
}

export type Action =
  | 'page.create'
  | 'page.edit'
  | 'source.create'
  | 'report.create'
  | 'revision.publish'
  | 'revision.review'
  | 'revision.rollback'
  | 'report.resolve'
  | 'page.protect'
  | 'user.block'
  | 'user.setRole'
  | 'user.list'
  | 'user.endSessions'

/** Who may edit a protected page. */
export type Protection = 'registered' | 'trusted' | 'moderator'
const PROTECTION_ROLE: Record<Protection, Role> = { registered: 'editor', trusted: 'trusted', moderator: 'moderator' }

/**
 * The one permission table (STYLE.md, Outline's policies): the minimum role per action. Reports
 * are the one write open to anonymous readers (rate-limited by address).
 */
const MINIMUM: Record<Action, Role | 'anyone'> = {
  'page.create': 'editor',
  'page.edit': 'editor',
  'source.create': 'editor',
  'report.create': 'anyone',
  'revision.publish': 'trusted',
  'revision.review': 'moderator',
  'revision.rollback': 'moderator',
  'report.resolve': 'moderator',
  'page.protect': 'moderator',
  'user.block': 'moderator',
  'user.setRole': 'admin',
  'user.list': 'admin',
  /** Ending every session and token of someone else: a response to a hijacked account. */
  'user.endSessions': 'admin',
}

export function can(actor: Actor | null, action: Action, subject?: { protection?: Protection | null }): boolean {
  const minimum = MINIMUM[action]
  if (minimum === 'anyone') return actor === null || actor.blockedUntil === null
  if (!actor || actor.blockedUntil !== null) return false
  if (!roleAtLeast(actor.role, minimum)) return false
  if (action === 'page.edit' && subject?.protection) return roleAtLeast(actor.role, PROTECTION_ROLE[subject.protection])
  return true
}
