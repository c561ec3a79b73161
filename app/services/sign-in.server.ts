import { config } from '#app/infra/config.server'
import { usernameKey } from '#app/core/username'
import { hashPassword, verifyPassword } from '#app/auth/password.server'
import { endSession, startSession } from '#app/auth/session.server'
import type { DB } from '#app/models/db.server'
import { checkLimit, hitLimit } from '#app/models/rate-limits.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { getLoginCredentials } from '#app/models/users.server'

export type SignInResult =
  | { ok: true; setCookie: string; userId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

// Verifying against this when the account does not exist (or has no password) makes an unknown
// name cost the same time as a wrong password, so response times do not reveal which accounts
// exist (scripts/bench/login-timing.ts measures it).
let dummyHash: Promise<string> | undefined

export interface SignInInput {
  username: string
  password: string
  ip: string | null
  userAgent: string | null
  /** A session id the browser already carried: ended on success, never adopted (fixation). */
  previousSessionId?: string | null
}

/**
 * Checks a password login against the throttles, then the password. The same answer ('invalid')
 * for an unknown account and a wrong password: no user enumeration. While a throttle is engaged
 * even the right password is refused, or the throttle would only slow down wrong guesses.
 */
export async function signIn(db: DB, input: SignInInput): Promise<SignInResult> {
  const key = usernameKey(input.username).slice(0, 64)
  const ip = input.ip ?? 'unknown'
  const buckets = [
    { bucket: `login:${key}:${ip}`, limit: config.limits.loginAccountIp, scope: 'account+ip' },
    { bucket: `login:${key}`, limit: config.limits.loginAccount, scope: 'account' },
    { bucket: `login-ip:${ip}`, limit: config.limits.loginIp, scope: 'ip' },
  ]
  const credentials = await getLoginCredentials(db, input.username)
  // A name typed into the log is sometimes a password typed into the wrong field: only names of
  // real accounts are written down.
  const who = { userId: credentials?.user.id ?? null, username: credentials?.user.username ?? null, ip: input.ip }
  for (const { bucket, limit, scope } of buckets) {
    const state = await checkLimit(db, bucket, limit)
    if (!state.allowed) {
      await logSecurityEvent(db, 'login.throttled', { ...who, detail: { limit: scope } })
      return { ok: false, reason: 'throttled', retryAfterSeconds: state.retryAfterSeconds }
    }
  }
  const hash = credentials?.passwordHash ?? (await (dummyHash ??= hashPassword('not-a-real-password')))
  const valid = (await verifyPassword(hash, input.password)) && credentials?.passwordHash != null
  if (!credentials || !valid) {
    for (const { bucket, limit } of buckets) await hitLimit(db, bucket, limit)
    await logSecurityEvent(db, 'login.failure', { ...who, detail: { knownAccount: credentials !== null } })
    return { ok: false, reason: 'invalid' }
  }
  if (input.previousSessionId) await endSession(input.previousSessionId)
  const setCookie = await startSession(credentials.user.id, { ip: input.ip, userAgent: input.userAgent })
  await logSecurityEvent(db, 'login.success', who)
  return { ok: true, setCookie, userId: credentials.user.id }
}
