import { config } from '#app/infra/config.server'
import { hashPassword } from '#app/auth/password.server'
import { checkNewPassword } from '#app/auth/password-policy.server'
import { emailKey, parseEmail } from '#app/core/email'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import type { Issue } from '#app/core/result'
import { revokeAllApiTokens } from '#app/models/api-tokens.server'
import type { DB } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { hitLimit } from '#app/models/rate-limits.server'
import { logSecurityEvent } from '#app/models/security-log.server'
import { deleteSessionsOfUser } from '#app/models/sessions.server'
import { getUserIdByEmailKey, useEmailToken } from '#app/models/user-mail.server'
import { getUserById, setPasswordHash } from '#app/models/users.server'
import { absolute } from './mail-content.server'
import { findUsableToken, issueEmailToken } from './email-tokens.server'
import { enqueueMail } from './mailer.server'

const HOUR = 3_600_000

export type RequestResetResult = { ok: true } | { ok: false; reason: 'invalid'; issues: Issue[] } | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * "Forgot my password": mails a single-use, one-hour link to the account with this verified
 * address. The answer is the same whether or not the address is known, so the form cannot be
 * used to find out who has an account; only the per-address limit can be hit by anyone.
 */
export async function requestPasswordReset(db: DB, input: { email: unknown; ip: string | null; lang: Lang }): Promise<RequestResetResult> {
  const parsed = parseEmail(input.email)
  if (!parsed.ok) return { ok: false, reason: 'invalid', issues: parsed.issues }
  if (parsed.value === null) return { ok: false, reason: 'invalid', issues: [{ path: 'email', code: 'required', message: 'Write the e-mail address of your account.' }] }
  const byIp = await hitLimit(db, `reset:ip:${input.ip ?? 'unknown'}`, config.limits.passwordResetIp)
  if (!byIp.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: byIp.retryAfterSeconds }
  const owner = await getUserIdByEmailKey(db, emailKey(parsed.value))
  if (!owner) return { ok: true }
  // Past the account's limit the answer stays the same: no more mail, nothing said.
  const byAccount = await hitLimit(db, `reset:user:${owner.id}`, config.limits.passwordResetAccount)
  if (!byAccount.allowed) return { ok: true }
  await db.transaction().execute(async (trx) => {
    const token = await issueEmailToken(trx, { userId: owner.id, purpose: 'reset', email: owner.email, lifetimeMs: HOUR })
    const t = translator(input.lang)
    await enqueueMail(trx, { to: owner.email, subject: t('mail.reset.subject'), text: t('mail.reset.body', { username: owner.username, link: absolute(`/password/reset/${token}`) }) })
    await logSecurityEvent(trx, 'password.reset_requested', { userId: owner.id, username: owner.username, ip: input.ip })
  })
  return { ok: true }
}

export async function isResetTokenUsable(db: DB, token: string): Promise<boolean> {
  return (await findUsableToken(db, token, 'reset')) !== null
}

export type ResetPasswordResult = { ok: true } | { ok: false; reason: 'invalid_token' } | { ok: false; reason: 'invalid'; issues: Issue[] } | { ok: false; reason: 'mismatch' }

/** Sets the new password, spends the token, and ends every session and token of the account. */
export async function resetPassword(db: DB, input: { token: string; password: unknown; confirm: unknown; ip: string | null }): Promise<ResetPasswordResult> {
  const found = await findUsableToken(db, input.token, 'reset')
  if (!found) return { ok: false, reason: 'invalid_token' }
  const user = await getUserById(db, found.userId)
  if (!user) return { ok: false, reason: 'invalid_token' }
  const checked = checkNewPassword(input.password, { username: user.username })
  if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues }
  if (input.password !== input.confirm) return { ok: false, reason: 'mismatch' }
  const hash = await hashPassword(checked.value)
  return db.transaction().execute(async (trx): Promise<ResetPasswordResult> => {
    if (!(await useEmailToken(trx, found.id, nowIso()))) return { ok: false, reason: 'invalid_token' }
    await setPasswordHash(trx, user.id, hash)
    const sessions = await deleteSessionsOfUser(trx, user.id)
    const tokens = await revokeAllApiTokens(trx, user.id)
    await logSecurityEvent(trx, 'password.reset', { userId: user.id, username: user.username, ip: input.ip, detail: { endedSessions: sessions, revokedTokens: tokens } })
    return { ok: true }
  })
}
