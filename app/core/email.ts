import { z } from 'zod'
import { fail, ok, type Result } from './result'

const EMAIL_MAX = 254

/** The key two spellings of one address share: NFKC and lower case (as usernames are compared). */
export function emailKey(address: string): string {
  return address.normalize('NFKC').toLowerCase()
}

const emailSchema = z.email({ message: 'Write an e-mail address such as name@example.org.' }).max(EMAIL_MAX, `An address can be at most ${EMAIL_MAX} characters.`)

/** An address as typed on a form: trimmed; empty is "no address". */
export function parseEmail(value: unknown): Result<string | null> {
  const raw = typeof value === 'string' ? value.trim() : ''
  if (raw === '') return ok(null)
  const parsed = emailSchema.safeParse(raw)
  if (!parsed.success) return fail({ path: 'email', code: 'invalid_email', message: parsed.error.issues[0]?.message ?? 'Write a valid e-mail address.' })
  return ok(parsed.data)
}

export const MAIL_MODES = ['immediate', 'daily'] as const
export type MailMode = (typeof MAIL_MODES)[number]

