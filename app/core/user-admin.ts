import { fail, ok, type Result } from './result'
import { ROLES, type Role } from './roles'

/** How long a block lasts; "indefinite" ends only when someone lifts it. */
export const BLOCK_DURATIONS = ['1d', '3d', '1w', '1m', '3m', '1y', 'indefinite'] as const
export type BlockDuration = (typeof BLOCK_DURATIONS)[number]

const DAY = 86_400_000
const LENGTH: Record<Exclude<BlockDuration, 'indefinite'>, number> = { '1d': DAY, '3d': 3 * DAY, '1w': 7 * DAY, '1m': 30 * DAY, '3m': 90 * DAY, '1y': 365 * DAY }
/** Stored for an indefinite block: an ISO date every comparison treats as "still in force". */
export const INDEFINITE = '9999-12-31T23:59:59.999Z'

/** The block in force on an account: none once its end has passed. */
export function blockInForce(user: { blockedUntil: string | null; blockReason: string | null }, now: Date): { blockedUntil: string | null; blockReason: string | null } {
  const blocked = user.blockedUntil !== null && new Date(user.blockedUntil) > now
  return { blockedUntil: blocked ? user.blockedUntil : null, blockReason: blocked ? user.blockReason : null }
}

export function isBlockDuration(value: unknown): value is BlockDuration {
  return typeof value === 'string' && (BLOCK_DURATIONS as readonly string[]).includes(value)
}

export function blockUntil(duration: BlockDuration, now: Date): string {
  return duration === 'indefinite' ? INDEFINITE : new Date(now.getTime() + LENGTH[duration]).toISOString()
}

export const REASON_MAX = 500

/** A public reason (block, role change): one line, trimmed, at most REASON_MAX characters. */
export function checkReason(raw: unknown, options: { required: boolean }): Result<string> {
  const reason = (typeof raw === 'string' ? raw : '').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  if (options.required && reason === '') return fail({ path: 'reason', code: 'reason_required', message: 'Give a public reason.' })
  if (reason.length > REASON_MAX) return fail({ path: 'reason', code: 'reason_too_long', message: `Keep the reason under ${REASON_MAX} characters.` })
  return ok(reason)
}

const rank = (role: Role) => ROLES.indexOf(role)

interface Person {
  id: string
  role: Role
}

/**
 * Whom a moderator or admin may block (the permission table decides whether they may block at
 * all): never themselves, and only people of a lower role. An admin is never blocked — demote
 * first — so a quarrel between admins cannot lock everyone out.
 */
export function mayBlock(actor: Person, target: Person): Result<true> {
  if (actor.id === target.id) return fail({ path: 'user', code: 'self', message: 'You cannot block yourself.' })
  if (target.role === 'admin' || rank(target.role) >= rank(actor.role)) {
    return fail({ path: 'user', code: 'outranks', message: 'You can only block people whose role is below yours.' })
  }
  return ok(true)
}

/** A role change by an admin: never leaves the site without an admin. */
export function mayChangeRole(target: Person, newRole: Role, adminIds: readonly string[]): Result<true> {
  if (target.role === newRole) return fail({ path: 'role', code: 'same_role', message: `The account is already ${newRole}.` })
  if (target.role === 'admin' && adminIds.length <= 1 && adminIds.includes(target.id)) {
    return fail({ path: 'role', code: 'last_admin', message: 'This is the last admin; make someone else admin first.' })
  }
  return ok(true)
}
