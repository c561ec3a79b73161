import { config } from '#app/config.server'
import { usernameKey } from '#app/core/username'
import { hashPassword, verifyPassword } from '#app/auth/password.server'
import { startSession } from '#app/auth/session.server'
import type { DB } from '#app/models/db.server'
import { checkLimit, hitLimit } from '#app/models/rate-limits.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getPasswordHash, getUserByUsername } from '#app/models/users.server'

export type SignInResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

// Verifying against this when the account does not exist makes an unknown name cost the same
// time as a wrong password, so response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined

export interface SignInInput {
  username: string
  password: string
  ip: string | null
  userAgent: string | null
}

/**
 * Checks a password login against the throttles, then the password. The same answer ('invalid')
 * for an unknown account and a wrong password: no user enumeration.
 */
export async function signIn(db: DB, input: SignInInput): Promise<SignInResult> {
  const key = usernameKey(input.username).slice(0, 64)
  const ip = input.ip ?? 'unknown'
  const buckets = [
    { bucket: `login:${key}:${ip}`, limit: config.limits.loginAccountIp },
    { bucket: `login:${key}`, limit: config.limits.loginAccount },
  ]
  for (const { bucket, limit } of buckets) {
    const state = await checkLimit(db, bucket, limit)
    if (!state.allowed) {
      await logSecurityEvent(db, 'login.throttled', { username: input.username, ip: input.ip })
      return { ok: false, reason: 'throttled', retryAfterSeconds: state.retryAfterSeconds }
    }
  }
  const user = await getUserByUsername(db, input.username)
  const hash = user ? await getPasswordHash(db, user.id) : null
  const valid = hash ? await verifyPassword(hash, input.password) : await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password')), input.password).then(() => false)
  if (!user || !valid) {
    for (const { bucket, limit } of buckets) await hitLimit(db, bucket, limit)
    await logSecurityEvent(db, 'login.failure', { userId: user?.id ?? null, username: input.username, ip: input.ip })
    return { ok: false, reason: 'invalid' }
  }
  const setCookie = await startSession(user.id, { ip: input.ip, userAgent: input.userAgent })
  await logSecurityEvent(db, 'login.success', { userId: user.id, username: user.username, ip: input.ip })
  return { ok: true, setCookie, userId: user.id }
}
