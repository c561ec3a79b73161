/**
 * The date a figure is "as of" (DESIGN.md, "As of, honestly"): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * naming a real calendar date, or `undated` when the source gives no date for its number. An
 * undated figure is still cited; readers see the source's own publication date as the upper bound.
 */

/** The as-of value of a figure whose source gives no date (stored as is in `figures.as_of`). */
export const UNDATED = 'undated'

export type AsOf =
  | { kind: 'undated' }
  | {
      kind: 'dated'
      text: string
      precision: 'year' | 'month' | 'day'
      /** First and last day of the period the value names, as YYYY-MM-DD. */
      first: string
      last: string
    }

export type AsOfProblem = 'format' | 'calendar' | 'future' | 'after-source'

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The period a date of the form YYYY, YYYY-MM or YYYY-MM-DD names; null when it names none. */
function datePeriod(value: string): { first: string; last: string; precision: 'year' | 'month' | 'day' } | 'format' | 'calendar' {
  const m = SHAPE.exec(value)
  if (!m) return 'format'
  const year = Number(m[1])
  if (m[2] === undefined) return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31`, precision: 'year' }
  const month = Number(m[2])
  if (month < 1 || month > 12) return 'calendar'
  const last = daysInMonth(year, month)
  if (m[3] === undefined) return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(last)}`, precision: 'month' }
  const day = Number(m[3])
  if (day < 1 || day > last) return 'calendar'
  return { first: value, last: value, precision: 'day' }
}

/** Parses an as-of value; a string naming no real date is a problem, not a date. */
export function parseAsOf(value: string): AsOf | Extract<AsOfProblem, 'format' | 'calendar'> {
  if (value === UNDATED) return { kind: 'undated' }
  const period = datePeriod(value)
  if (typeof period === 'string') return period
  return { kind: 'dated', text: value, ...period }
}

export function isUndated(value: string | null | undefined): boolean {
  return value === UNDATED
}

/**
 * Checks an as-of value against the calendar, today and the source's own publication date: a
 * number cannot be "as of" a period that starts after its source was published (or after today).
 * Source dates may be partial (YYYY, YYYY-MM) or full timestamps; only their date part counts,
 * and a partial one is read at its latest day, so only what is impossible is refused.
 */
export function checkAsOf(value: string, context: { today: string; sourcePublishedAt?: string | null }): AsOfProblem | null {
  const parsed = parseAsOf(value)
  if (typeof parsed === 'string') return parsed
  if (parsed.kind === 'undated') return null
  if (parsed.first > context.today.slice(0, 10)) return 'future'
  const published = context.sourcePublishedAt ? datePeriod(context.sourcePublishedAt.slice(0, 10)) : null
  if (published && typeof published !== 'string' && parsed.first > published.last) return 'after-source'
  return null
}

/** Today as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}
