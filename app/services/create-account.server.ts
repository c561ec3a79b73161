import type { Role } from '#app/core/roles'
import { fail, ok, type Result } from '#app/core/result'
import { validateUsername } from '#app/core/username'
import { hashPassword } from '#app/auth/password.server'
import { checkNewPassword } from '#app/auth/password-policy.server'
import type { DB } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { getUserByUsername, insertUser } from '#app/models/users.server'

/** Creates an account after checking the name and the password policy (sign-up and the CLI). */
export async function createAccount(db: DB, input: { username: unknown; password: unknown; role: Role }): Promise<Result<{ id: string; username: string }>> {
  const username = validateUsername(input.username)
  const password = checkNewPassword(input.password, { username: username.ok ? username.value : String(input.username ?? '') })
  const issues = [...(username.ok ? [] : username.issues), ...(password.ok ? [] : password.issues)]
  if (!username.ok || !password.ok) return fail(...issues)
  // User pages are public, so saying a name is taken reveals nothing a reader cannot see anyway.
  if (await getUserByUsername(db, username.value)) {
    return fail({ path: 'username', code: 'taken', message: 'This username is taken; choose another.' })
  }
  const id = newId()
  try {
    await insertUser(db, { id, username: username.value, passwordHash: await hashPassword(password.value), role: input.role, createdAt: nowIso() })
  } catch (error) {
    // Two sign-ups racing for one name: the unique index decides.
    if (await getUserByUsername(db, username.value)) return fail({ path: 'username', code: 'taken', message: 'This username is taken; choose another.' })
    throw error
  }
  return ok({ id, username: username.value })
}
