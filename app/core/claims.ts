import { z } from 'zod'
import { cleanText } from './reports'
import { fail, ok, type Issue, type Result } from './result'

/**
 * Claims (DESIGN.md "Facts beyond the text", decision 027): what a cited figure of a stable
 * revision says about a product — product × metric × value × as-of (or undated) × source.
 */

/** The smallest a claim needs to be compared with others of its product and metric. */
export interface DatedValue {
  id: string
  value: number
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the source gives no date. */
  asOf: string | null
}

const AS_OF = /^\d{4}(-\d{2}(-\d{2})?)?$/

/**
 * Whether two as-of dates name the same period: compared at the coarser precision of the two, so
 * "2020" and "2020-10" are one period, "2020-03" and "2020-10" are not. Undated claims are in no
 * period: nothing can conflict with a number whose date is unknown.
 */
export function samePeriod(a: string | null, b: string | null): boolean {
  if (a === null || b === null || !AS_OF.test(a) || !AS_OF.test(b)) return false
  const length = Math.min(a.length, b.length)
  return a.slice(0, length) === b.slice(0, length)
}

export interface Conflict {
  /** The coarser period the claims share. */
  period: string
  /** The ids of the claims whose values differ within that period, in input order. */
  ids: string[]
}

/**
 * Conflicts among the claims of one product and metric: claims in the same period with different
 * values. Each conflict names the period at the coarser precision and every claim involved; a
 * claim may be in more than one (a yearly claim against two monthly ones of different months).
 */
export function findConflicts(claims: readonly DatedValue[]): Conflict[] {
  // Two claims share a period when the coarser date is a prefix of the finer, so every pair in
  // conflict is either two claims of one exact date, or a claim of a date P and one of a finer
  // date inside P. Per date, then, a claim conflicts when its own date or the dates inside it hold
  // another value: linear in the claims, where comparing pairs was quadratic (hours for a product
  // cited by 100,000 pages, as every save re-checks its product and metric).
  const byDate = new Map<string, DatedValue[]>()
  for (const c of claims) {
    if (c.asOf === null || !AS_OF.test(c.asOf)) continue
    const group = byDate.get(c.asOf)
    if (group) group.push(c)
    else byDate.set(c.asOf, [c])
  }
  const inside = new Map<string, DatedValue[]>()
  for (const [date, group] of byDate) {
    for (const length of [4, 7]) {
      const enclosing = date.slice(0, length)
      if (date.length <= length || !byDate.has(enclosing)) continue
      const finer = inside.get(enclosing)
      if (finer) finer.push(...group)
      else inside.set(enclosing, [...group])
    }
  }
  // Whether a set of values holds one other than `value`.
  const another = (values: Set<number>, value: number) => values.size > 1 || (values.size === 1 && !values.has(value))
  const conflicts: Array<{ period: string; ids: Set<string> }> = []
  for (const [period, own] of byDate) {
    const finer = inside.get(period) ?? []
    const ownValues = new Set(own.map((c) => c.value))
    const finerValues = new Set(finer.map((c) => c.value))
    const ids = new Set<string>()
    for (const c of own) if (ownValues.size > 1 || another(finerValues, c.value)) ids.add(c.id)
    for (const c of finer) if (another(ownValues, c.value)) ids.add(c.id)
    if (ids.size > 0) conflicts.push({ period, ids })
  }
  const order = new Map(claims.map((c, i) => [c.id, i]))
  return conflicts
    .map(({ period, ids }) => ({ period, ids: [...ids].sort((x, y) => order.get(x)! - order.get(y)!) }))
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
}

/** Source kinds whose figures are the maker's own word about its product (see the reader's marks). */
export function isVendorReported(sourceKind: string): boolean {
  return sourceKind === 'vendor'
}

// ————— Unverified claims —————

export const UNVERIFIED_STATUSES = ['open', 'verified', 'contradicted', 'no-source'] as const
export type UnverifiedStatus = (typeof UNVERIFIED_STATUSES)[number]
export type SettledStatus = Exclude<UnverifiedStatus, 'open'>

export function isUnverifiedStatus(value: string): value is UnverifiedStatus {
  return (UNVERIFIED_STATUSES as readonly string[]).includes(value)
}

export const CLAIM_TEXT_MAX = 500
export const SEEN_AT_MAX = 1000
export const NOTE_MAX = 2000
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

export interface UnverifiedClaimInput {
  text: string
  seenAt: string
  product: string | null
  metric: string | null
}

const optionalSlug = (field: string) =>
  z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : typeof v === 'string' ? v.trim() : v),
    z.string().max(100, `"${field}" is too long.`).regex(SLUG, `"${field}" must be a slug (lower-case letters, digits and hyphens).`).nullable(),
  )

const claimSchema = z.object({
  text: z.preprocess((v) => cleanText(v, CLAIM_TEXT_MAX + 1), z.string().min(1, 'Write the claim as it was seen.').max(CLAIM_TEXT_MAX, `A claim can be at most ${CLAIM_TEXT_MAX} characters.`)),
  seenAt: z.preprocess((v) => cleanText(v, SEEN_AT_MAX + 1), z.string().min(1, 'Say where the claim was seen: a URL or a description.').max(SEEN_AT_MAX, `"Where it was seen" can be at most ${SEEN_AT_MAX} characters.`)),
  product: optionalSlug('product'),
  metric: optionalSlug('metric'),
})

/** A claim seen without a source, from form fields or a JSON body. */
export function parseUnverifiedClaim(fields: unknown): Result<UnverifiedClaimInput> {
  return parseWith(claimSchema, fields)
}

export type Settlement =
  | { status: 'verified' | 'contradicted'; figure: { page: string; ordinal: number }; note: string | null }
  | { status: 'no-source'; note: string }

const noteSchema = z.preprocess((v) => cleanText(v, NOTE_MAX + 1), z.string().max(NOTE_MAX, `A note can be at most ${NOTE_MAX} characters.`))

/**
 * How an editor settles a claim: linking a cited figure (named by page slug and figure number, or
 * pasted as the figure's address "/pages/slug#fig-3") as verified or contradicted, or closing it as
 * "no source found" with a note of where they looked.
 */
export function parseSettlement(fields: Record<string, unknown>): Result<Settlement> {
  const status = typeof fields.status === 'string' ? fields.status : ''
  const note = noteSchema.safeParse(fields.note ?? '')
  if (!note.success) return fail({ path: 'note', code: 'too_long', message: note.error.issues[0]!.message })
  if (status === 'no-source') {
    if (note.data === '') return fail({ path: 'note', code: 'required', message: 'Say where you looked for a source.' })
    return ok({ status, note: note.data })
  }
  if (status !== 'verified' && status !== 'contradicted') {
    return fail({ path: 'status', code: 'invalid', message: '"status" must be verified, contradicted or no-source.' })
  }
  const figure = parseFigureRef(fields.figure)
  if (!figure) return fail({ path: 'figure', code: 'invalid', message: 'Name the cited figure as its address, e.g. "/pages/microsoft-teams-vs-tchap#fig-3".' })
  return ok({ status, figure, note: note.data === '' ? null : note.data })
}

/** "/pages/slug#fig-3", a full URL to it, or "slug#fig-3" → { page, ordinal }. */
export function parseFigureRef(value: unknown): { page: string; ordinal: number } | null {
  if (typeof value !== 'string') return null
  const match = /(?:^|\/pages\/)([a-z0-9]+(?:-[a-z0-9]+)*)\/?#fig-(\d{1,6})\s*$/.exec(value.trim())
  if (!match) return null
  return { page: match[1]!, ordinal: Number(match[2]) }
}

function parseWith<T>(schema: z.ZodType<T>, fields: unknown): Result<T> {
  const parsed = schema.safeParse(fields && typeof fields === 'object' ? fields : {})
  if (parsed.success) return ok(parsed.data)
  const issues: Issue[] = parsed.error.issues.map((i) => ({
    path: i.path.join('.') || 'body',
    code: i.code === 'too_big' ? 'too_long' : i.code === 'too_small' ? 'required' : 'invalid',
    message: i.message,
  }))
  return fail(...issues)
}
