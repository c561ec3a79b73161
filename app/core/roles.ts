/** Roles in order of trust; a reader is anyone not signed in (DESIGN.md, "People"). */
export const ROLES = ['editor', 'trusted', 'moderator', 'admin'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum)
}
