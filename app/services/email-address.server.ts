import { randomBytes } from 'node:crypto'
import { emailKey, parseEmail } from '#app/core/email'
import { translator } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'
import type { Issue } from '#app/core/result'
import type { DB } from '#app/models/db.server'
import { nowIso } from '#app/models/ids.server'
import { getUserIdByEmailKey, setVerifiedEmail, useEmailToken } from '#app/models/user-mail.server'
import { absolute } from './mail-content.server'
import { enqueueMail } from './mailer.server'
import { findUsableToken, issueEmailToken } from './email-tokens.server'

const DAY = 86_400_000

export type RequestVerificationResult = { ok: true; email: string | null } | { ok: false; issues: Issue[] }

/**
 * Sets (or, with an empty field, removes) the account's address. A new address counts only once
 * its owner opens the link mailed to it; until then the old one stays in use.
 */
export async function requestEmailVerification(db: DB, input: { user: { id: string; username: string }; email: unknown; lang: Lang }): Promise<RequestVerificationResult> {
  const parsed = parseEmail(input.email)
  if (!parsed.ok) return { ok: false, issues: parsed.issues }
  const email = parsed.value
  if (email === null) {
    await setVerifiedEmail(db, input.user.id, null)
    return { ok: true, email: null }
  }
  await db.transaction().execute(async (trx) => {
    const token = await issueEmailToken(trx, { userId: input.user.id, purpose: 'verify', email, lifetimeMs: DAY })
    const t = translator(input.lang)
    await enqueueMail(trx, { to: email, subject: t('mail.verify.subject'), text: t('mail.verify.body', { username: input.user.username, link: absolute(`/email/verify/${token}`) }) })
  })
  return { ok: true, email }
}

export type ConfirmEmailResult = { ok: true; email: string } | { ok: false; reason: 'invalid' | 'taken' }

/** Opens a verification link: the address becomes the account's, once. */
export async function confirmEmail(db: DB, token: string): Promise<ConfirmEmailResult> {
  return db.transaction().execute(async (trx): Promise<ConfirmEmailResult> => {
    const found = await findUsableToken(trx, token, 'verify')
    if (!found) return { ok: false, reason: 'invalid' }
    const key = emailKey(found.email)
    const owner = await getUserIdByEmailKey(trx, key)
    if (owner && owner.id !== found.userId) return { ok: false, reason: 'taken' }
    if (!(await useEmailToken(trx, found.id, nowIso()))) return { ok: false, reason: 'invalid' }
    await setVerifiedEmail(trx, found.userId, { address: found.email, key, verifiedAt: nowIso(), unsubscribeKey: randomBytes(24).toString('base64url') })
    return { ok: true, email: found.email }
  })
}

/** An address given by an administrator on the command line counts as verified (DESIGN.md, CLI). */
export async function assignVerifiedEmail(db: DB, userId: string, address: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = parseEmail(address)
  if (!parsed.ok || parsed.value === null) return { ok: false, message: parsed.ok ? 'Give an e-mail address.' : parsed.issues[0]!.message }
  const key = emailKey(parsed.value)
  const owner = await getUserIdByEmailKey(db, key)
  if (owner && owner.id !== userId) return { ok: false, message: 'Another account already uses this address.' }
  await setVerifiedEmail(db, userId, { address: parsed.value, key, verifiedAt: nowIso(), unsubscribeKey: randomBytes(24).toString('base64url') })
  return { ok: true }
}
