import { fail, ok, type Result } from './result'

/**
 * The rules of moves and suppression (DESIGN.md, "Moves and suppression"; decision 028), pure so
 * the forms, the JSON API and the services agree.
 */

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SLUG_MAX = 80
/** Addresses taken by the app's own routes (/pages/new, /products/new). */
const RESERVED = new Set(['new'])

/** A page's new address: lower-case letters, digits and single dashes, as slugify makes them. */
export function validateMoveTarget(from: string, to: string): Result<string> {
  const slug = to.trim()
  if (slug === '') return fail({ path: 'to', code: 'required', message: 'Give the new address.' })
  if (slug.length > SLUG_MAX) return fail({ path: 'to', code: 'too_long', message: `An address has at most ${SLUG_MAX} characters.`, params: { rule: 'too_long', limit: SLUG_MAX } })
  if (!SLUG.test(slug)) return fail({ path: 'to', code: 'invalid_slug', message: 'Use lower-case letters a–z, digits and single dashes between words (e.g. "microsoft-teams-vs-tchap").' })
  if (RESERVED.has(slug)) return fail({ path: 'to', code: 'reserved', message: `"${slug}" is an address the site itself uses; choose another.` })
  if (slug === from) return fail({ path: 'to', code: 'same', message: 'That is the current address; give a different one.' })
  return ok(slug)
}

export const MOVE_REASON_MAX = 500

/** Why a revision is hidden: the reasons the log shows, plus a free note. */
export const HIDE_REASONS = ['libel', 'copyright', 'personal-data', 'other'] as const
type HideReason = (typeof HIDE_REASONS)[number]
const HIDE_FIELDS = ['content', 'summary'] as const
type HideField = (typeof HIDE_FIELDS)[number]

export interface VisibilityChange {
  hide: HideField[]
  reason: HideReason
  note: string
}

/**
 * A request to hide parts of a revision. At least one field; a listed reason; "other" needs a
 * note. An empty `hide` list means "show everything again" (an admin's unhide).
 */
export function parseVisibilityChange(input: { hide: unknown; reason: unknown; note?: unknown }): Result<VisibilityChange> {
  const fields = Array.isArray(input.hide) ? input.hide : input.hide === undefined || input.hide === null ? [] : [input.hide]
  const hide: HideField[] = []
  for (const f of fields) {
    if (!(HIDE_FIELDS as readonly unknown[]).includes(f)) return fail({ path: 'hide', code: 'invalid_field', message: 'hide lists "content" and/or "summary".' })
    if (!hide.includes(f as HideField)) hide.push(f as HideField)
  }
  const note = typeof input.note === 'string' ? input.note.trim() : ''
  if (note.length > MOVE_REASON_MAX) return fail({ path: 'note', code: 'too_long', message: `A note has at most ${MOVE_REASON_MAX} characters.`, params: { rule: 'too_long', limit: MOVE_REASON_MAX } })
  // The API's `reason` may be one of the listed reasons or free text (then it is the note).
  const raw = typeof input.reason === 'string' ? input.reason.trim() : ''
  if ((HIDE_REASONS as readonly string[]).includes(raw)) {
    if (raw === 'other' && note === '') return fail({ path: 'note', code: 'required', message: 'Say why in the note when the reason is "other".' })
    return ok({ hide, reason: raw as HideReason, note })
  }
  if (raw === '') return fail({ path: 'reason', code: 'required', message: `Give a reason: ${HIDE_REASONS.join(', ')} (with a note for "other").` })
  if (raw.length > MOVE_REASON_MAX) return fail({ path: 'reason', code: 'too_long', message: `A reason has at most ${MOVE_REASON_MAX} characters.`, params: { rule: 'too_long', limit: MOVE_REASON_MAX } })
  return ok({ hide, reason: 'other', note: note ? `${raw} — ${note}` : raw })
}

/**
 * Whether a revision's content may be hidden. The page's latest revision may not (MediaWiki's
 * rule): the next edit would start from text nobody may see. Edit or revert first, then hide.
 * A hidden stable revision is replaced for readers by the newest earlier approved revision whose
 * content is visible (the service moves the page's stable pointer back).
 */
export function contentHideRefusal(revision: { id: string }, page: { latestRevisionId: string }): string | null {
  return revision.id === page.latestRevisionId ? 'This is the page\u2019s current revision: edit or revert the page first, then hide this revision.' : null
}

/**
 * The reader-facing path of a request to a page's former address: the same path with the slug
 * segment replaced, or null when the path is not one of a page's or a product's.
 */
const PAGE_PATH = /^(\/(?:api\/v1\/)?(?:pages|products|alternatives)\/|\/(?:api\/v1\/)?talk\/(?:page|product)\/)([^/]+)(\/.*)?$/

export function slugOfPagePath(pathname: string): { prefix: string; slug: string; rest: string } | null {
  const m = PAGE_PATH.exec(pathname)
  if (!m) return null
  let slug: string
  try {
    slug = decodeURIComponent(m[2]!)
  } catch {
    return null
  }
  return { prefix: m[1]!, slug, rest: m[3] ?? '' }
}

export function movedPath(pathname: string, search: string, to: string): string | null {
  const parts = slugOfPagePath(pathname)
  if (!parts) return null
  return `${parts.prefix}${encodeURIComponent(to)}${parts.rest}${search}`
}
