import type { Protection } from './permissions'
import { fail, ok, type Result } from './result'
import { cleanText } from './reports'

export const PROTECTION_LEVELS = ['registered', 'trusted', 'moderator'] as const satisfies readonly Protection[]
/** Expiry choices of the protection form; "date" takes the date field. */
export const PROTECTION_DURATIONS = ['1d', '1w', '1m', '3m', '1y', 'never', 'date'] as const
type ProtectionDuration = (typeof PROTECTION_DURATIONS)[number]

export interface ProtectionInput {
  /** null lifts the protection. */
  level: Protection | null
  reason: string
  /** ISO timestamp, or null for no expiry. */
  expiresAt: string | null
}

const DAYS: Record<Exclude<ProtectionDuration, 'never' | 'date'>, number> = { '1d': 1, '1w': 7, '1m': 30, '3m': 91, '1y': 365 }

/**
 * The protection form: a level ("none" lifts it), a public reason, and an expiry as a duration or
 * a date (protection ends at the start of that day, UTC). Issue codes: `level_required`,
 * `reason_required`, `expiry_required`, `expiry_invalid`, `expiry_past`.
 */
export function parseProtection(fields: Record<string, unknown>, now: Date): Result<ProtectionInput> {
  const levelField = fields.level
  const level = levelField === 'none' ? null : (PROTECTION_LEVELS as readonly unknown[]).includes(levelField) ? (levelField as Protection) : undefined
  if (level === undefined) return fail({ path: 'level', code: 'level_required', message: 'Choose who may edit the page.' })
  const reason = cleanText(fields.reason, 500)
  if (reason === '') return fail({ path: 'reason', code: 'reason_required', message: 'Give a public reason.' })
  if (level === null) return ok({ level, reason, expiresAt: null })
  const duration = fields.duration
  if (typeof duration !== 'string' || !(PROTECTION_DURATIONS as readonly string[]).includes(duration)) {
    return fail({ path: 'duration', code: 'expiry_required', message: 'Choose when the protection ends.' })
  }
  if (duration === 'never') return ok({ level, reason, expiresAt: null })
  if (duration === 'date') {
    const raw = typeof fields.expiresOn === 'string' ? fields.expiresOn.trim() : ''
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw)
    const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
      return fail({ path: 'expiresOn', code: 'expiry_invalid', message: 'Enter the end date as YYYY-MM-DD.' })
    }
    if (date <= now) return fail({ path: 'expiresOn', code: 'expiry_past', message: 'The end date must be in the future.' })
    return ok({ level, reason, expiresAt: date.toISOString() })
  }
  return ok({ level, reason, expiresAt: new Date(now.getTime() + DAYS[duration as keyof typeof DAYS] * 86_400_000).toISOString() })
}

/** The protection in force: none once it has expired. */
export function protectionInForce(page: { protection: string | null; protectionExpiresAt: string | null }, now: Date): Protection | null {
  if (!page.protection || !(PROTECTION_LEVELS as readonly string[]).includes(page.protection)) return null
  if (page.protectionExpiresAt && new Date(page.protectionExpiresAt) <= now) return null
  return page.protection as Protection
}
