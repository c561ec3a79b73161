import { roleAtLeast, type Role } from './roles'

export interface Actor {
  role: Role
  /** Set while a block is in force; a blocked account may read but not write. */
  blockedUntil: string | null
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
  | 'talk.post'
  | 'talk.moderate'
  | 'page.move'
  | 'revision.hide'
  | 'revision.readHidden'
  | 'revision.unhide'
  | 'page.delete'
  | 'claim.record'
  | 'claim.settle'

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
  /** Talk takes part in the same blocks as edits: a blocked account may read it, not write. */
  'talk.post': 'editor',
  'talk.moderate': 'moderator',
  /** Renaming a page or product: its old address keeps answering with a 301 (decision 028). */
  'page.move': 'trusted',
  /** Hiding a revision's content or summary (libel, copyright, personal data). */
  'revision.hide': 'moderator',
  /** Reading hidden text, and taking a hiding back: admins only, as MediaWiki's suppressors. */
  'revision.readHidden': 'admin',
  'revision.unhide': 'admin',
  /** Deleting and restoring a page (soft: nothing is removed), and reading a deleted page. */
  'page.delete': 'admin',
  /** Recording a claim seen without a source (decision 027): any signed-in person, like talk. */
  'claim.record': 'editor',
  /** Settling one links evidence, which is an editor's judgement: trusted, like publishing. */
  'claim.settle': 'trusted',
}

export const ACTIONS = Object.keys(MINIMUM) as Action[]

export function can(actor: Actor | null, action: Action, subject?: { protection?: Protection | null }): boolean {
  const minimum = MINIMUM[action]
  if (minimum === 'anyone') return actor === null || actor.blockedUntil === null
  if (!actor || actor.blockedUntil !== null) return false
  if (!roleAtLeast(actor.role, minimum)) return false
  if (action === 'page.edit' && subject?.protection) return roleAtLeast(actor.role, PROTECTION_ROLE[subject.protection])
  return true
}

/**
 * What a page may depend on about the person reading it, apart from the personal part of its
 * header: everything `can` looks at. Two people with the same audience get the same document, so a
 * signed-in read can be answered from one rendered for someone else of that audience (decision 036).
 */
export function audienceOf(actor: Actor): string {
  return actor.blockedUntil === null ? actor.role : `${actor.role}:blocked`
}
