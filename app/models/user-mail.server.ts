import { isNotificationKind, type NotificationKind } from '#app/core/notification-kinds'
import type { MailMode } from '#app/core/email'
import { isLang, type Lang } from '#app/core/lang'
import type { DB } from './db.server'

export interface MailSettings {
  userId: string
  username: string
  email: string | null
  kinds: NotificationKind[]
  mode: MailMode
  unsubscribeKey: string | null
  digestAt: string | null
  lang: Lang
}

const columns = ['id', 'username', 'email', 'mail_kinds', 'mail_mode', 'mail_unsubscribe_key', 'mail_digest_at', 'mail_lang'] as const

function toSettings(r: { id: string; username: string; email: string | null; mail_kinds: string; mail_mode: string; mail_unsubscribe_key: string | null; mail_digest_at: string | null; mail_lang: string }): MailSettings {
  let kinds: NotificationKind[] = []
  try {
    const parsed: unknown = JSON.parse(r.mail_kinds)
    kinds = Array.isArray(parsed) ? parsed.filter(isNotificationKind) : []
  } catch {
    kinds = []
  }
  return { userId: r.id, username: r.username, email: r.email, kinds, mode: r.mail_mode === 'daily' ? 'daily' : 'immediate', unsubscribeKey: r.mail_unsubscribe_key, digestAt: r.mail_digest_at, lang: isLang(r.mail_lang) ? r.mail_lang : 'en' }
}

export async function getMailSettings(db: DB, userId: string): Promise<MailSettings | null> {
  const row = await db.selectFrom('users').select(columns).where('id', '=', userId).executeTakeFirst()
  return row ? toSettings(row) : null
}

export async function listMailSettings(db: DB, userIds: string[]): Promise<MailSettings[]> {
  if (userIds.length === 0) return []
  const rows = await db.selectFrom('users').select(columns).where('id', 'in', userIds).where('email', 'is not', null).execute()
  return rows.map(toSettings)
}

/** People with a verified address who chose a daily digest and were last sent one before `before`. */
export async function listDigestDue(db: DB, before: string): Promise<MailSettings[]> {
  const rows = await db
    .selectFrom('users')
    .select(columns)
    .where('email', 'is not', null)
    .where('mail_mode', '=', 'daily')
    .where('mail_kinds', '!=', '[]')
    .where((eb) => eb.or([eb('mail_digest_at', 'is', null), eb('mail_digest_at', '<', before)]))
    .execute()
  return rows.map(toSettings)
}

export async function getUserIdByEmailKey(db: DB, key: string): Promise<{ id: string; username: string; email: string } | null> {
  const row = await db.selectFrom('users').select(['id', 'username', 'email']).where('email_key', '=', key).executeTakeFirst()
  return row && row.email ? { id: row.id, username: row.username, email: row.email } : null
}

export async function getUserIdByUnsubscribeKey(db: DB, key: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('id').where('mail_unsubscribe_key', '=', key).executeTakeFirst()
  return row?.id ?? null
}

export async function setVerifiedEmail(db: DB, userId: string, email: { address: string; key: string; verifiedAt: string; unsubscribeKey: string } | null): Promise<void> {
  await db
    .updateTable('users')
    .set(email ? { email: email.address, email_key: email.key, email_verified_at: email.verifiedAt, mail_unsubscribe_key: email.unsubscribeKey } : { email: null, email_key: null, email_verified_at: null })
    .where('id', '=', userId)
    .execute()
}

export async function setMailPreferences(db: DB, userId: string, preferences: { kinds: NotificationKind[]; mode: MailMode; lang: Lang }): Promise<void> {
  await db.updateTable('users').set({ mail_kinds: JSON.stringify(preferences.kinds), mail_mode: preferences.mode, mail_lang: preferences.lang }).where('id', '=', userId).execute()
}

export async function setDigestSent(db: DB, userId: string, at: string): Promise<void> {
  await db.updateTable('users').set({ mail_digest_at: at }).where('id', '=', userId).execute()
}

export interface EmailToken {
  id: string
  userId: string
  purpose: 'verify' | 'reset'
  email: string
  expiresAt: string
  usedAt: string | null
}

export async function insertEmailToken(db: DB, t: { id: string; userId: string; purpose: 'verify' | 'reset'; tokenHash: string; email: string; expiresAt: string; createdAt: string }): Promise<void> {
  await db.insertInto('email_tokens').values({ id: t.id, user_id: t.userId, purpose: t.purpose, token_hash: t.tokenHash, email: t.email, expires_at: t.expiresAt, used_at: null, created_at: t.createdAt }).execute()
}

export async function getEmailTokenByHash(db: DB, tokenHash: string): Promise<EmailToken | null> {
  const row = await db.selectFrom('email_tokens').select(['id', 'user_id', 'purpose', 'email', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash).executeTakeFirst()
  return row ? { id: row.id, userId: row.user_id, purpose: row.purpose === 'reset' ? 'reset' : 'verify', email: row.email, expiresAt: row.expires_at, usedAt: row.used_at } : null
}

/** Spends a token; false when it was already spent (of two uses at once, one wins). */
export async function useEmailToken(db: DB, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('email_tokens').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
