import type { Lang } from './lang'

// Building an Intl formatter costs tens of microseconds, and a page with a hundred figures
// formats hundreds of dates; formatters are immutable, so one per language and style is kept.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dateFormat(lang: Lang, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${style}`
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(lang, options)))
  return format
}

/** Numbers and dates for people go through Intl, in the reader's UI language. */
export function formatNumber(lang: Lang, value: number): string {
  const key = `${lang}|number`
  let format = formatters.get(key) as Intl.NumberFormat | undefined
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(lang)))
  return format.format(value)
}

export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return dateFormat(lang, 'date', { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return dateFormat(lang, 'datetime', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date)
}

/**
 * An as-of date (YYYY, YYYY-MM or YYYY-MM-DD) at the precision it was given: "2021", "March
 * 2021", "12 March 2021" — a year must not be shown as 1 January.
 */
export function formatAsOf(lang: Lang, asOf: string): string {
  const [y, m, d] = asOf.split('-').map(Number)
  if (!y) return asOf
  if (!m) return String(y)
  const date = new Date(Date.UTC(y, m - 1, d ?? 1))
  return d
    ? dateFormat(lang, 'day', { dateStyle: 'long', timeZone: 'UTC' }).format(date)
    : dateFormat(lang, 'month', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date)
}

/**
 * Whole months between an as-of date and `now`, counting from the end of the stated period
 * (an as-of of "2021" is at least as fresh as December 2021), so age is never overstated.
 */
export function monthsSince(asOf: string, now: Date): number | null {
  const [y, m] = asOf.split('-').map(Number)
  if (!y) return null
  const month = m ?? 12
  const months = (now.getUTCFullYear() - y) * 12 + (now.getUTCMonth() + 1 - month)
  return Math.max(0, months)
}

/**
 * A revision's short number, shown beside its date and author so people can tell two revisions of
 * one minute apart and say which one they mean: the id's last six characters (a ULID's random
 * part, so two revisions of one page practically never share it), with a "#".
 */
export function revisionNumber(id: string): string {
  return `#${id.slice(-6)}`
}

/**
 * A revision named in a stored edit summary ("the revision of 2026-12-03 14:05 UTC by alice
 * (#7xq2mz)"): summaries are stored once, in no interface language, so the date is ISO and UTC.
 */
export function revisionInSummary(ref: { id: string; createdAt: string; authorName: string }): string {
  return `the revision of ${ref.createdAt.slice(0, 16).replace('T', ' ')} UTC by ${ref.authorName} (${revisionNumber(ref.id)})`
}
