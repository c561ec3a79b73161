import { publicIssue, type Issue } from '#app/core/result'
import { apiError } from '#app/http/responses.server'
import type { SaveRevisionResult } from '#app/services/save-revision.server'
import { presentConflict } from '#app/presenters/revision'
import { isRecordId } from '#app/core/record-id'

/**
 * The request side of the JSON API's two save endpoints (POST /api/v1/pages and
 * POST /api/v1/pages/:slug/revisions): the body's fields, the Idempotency-Key, and the
 * answers for a save the service refused. docs/api.md documents every code used here.
 */

interface SaveRequest {
  content: unknown
  summary: string
  baseRevisionId: string | null
  idempotencyKey: string | null
}

type Parsed = { ok: true; value: SaveRequest } | { ok: false; response: Response }

// Control characters (but tab) hide text from moderators; a summary is one line.
const CONTROL_CHARS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/
// Visible ASCII, as in the IETF Idempotency-Key draft's examples (UUIDs, random tokens).
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/
const MAX_SUMMARY = 500

/**
 * Checks the fields of a save request. `needsBase` is true for an edit of an existing page,
 * whose base revision is required: without it a stale editor could not be told about a conflict.
 */
export function parseSaveRequest(request: Request, body: unknown, options: { needsBase: boolean }): Parsed {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return refuse(422, 'invalid_request', 'The body must be a JSON object.')
  }
  const fields = body as Record<string, unknown>
  const allowed = options.needsBase ? ['baseRevisionId', 'content', 'summary', 'idempotencyKey'] : ['content', 'summary', 'idempotencyKey']
  const unknown = Object.keys(fields).filter((k) => !allowed.includes(k))
  if (unknown.length > 0) {
    return refuse(422, 'unknown_field', `Unknown field ${quote(unknown[0]!)}; send ${allowed.join(', ')}.`, unknown.map((k): Issue => ({ path: k.slice(0, 60), code: 'unknown_field', message: 'Not a field of this request.' })))
  }
  if (fields.content === undefined) return refuse(422, 'missing_field', 'Send the page as "content": { title, summary, lang, subjects, categories, body }.')

  const summary = fields.summary ?? ''
  if (typeof summary !== 'string') return refuse(422, 'invalid_summary', '"summary" must be a string.')
  if (summary.length > MAX_SUMMARY) return refuse(422, 'invalid_summary', `"summary" has ${summary.length} characters; keep it to ${MAX_SUMMARY}.`)
  if (CONTROL_CHARS.test(summary)) return refuse(422, 'invalid_summary', '"summary" contains a control character (such as NUL or a line break); remove it.')

  let baseRevisionId: string | null = null
  if (options.needsBase) {
    if (fields.baseRevisionId === undefined || fields.baseRevisionId === null) {
      return refuse(422, 'missing_field', 'Send "baseRevisionId": the id of the revision whose content you edited (latestRevision.id from GET /api/v1/pages/:slug).')
    }
    if (typeof fields.baseRevisionId !== 'string' || !isRecordId(fields.baseRevisionId)) {
      return refuse(422, 'invalid_base_revision', '"baseRevisionId" must be a revision id (26 lower-case letters and digits).')
    }
    baseRevisionId = fields.baseRevisionId
  }

  const key = idempotencyKey(request, fields.idempotencyKey)
  if (!key.ok) return key
  return { ok: true, value: { content: fields.content, summary, baseRevisionId, idempotencyKey: key.value } }
}

/**
 * The key from the `Idempotency-Key` header (a bare token, or the quoted string the IETF draft
 * uses) or the body's `idempotencyKey`; both may be sent if they agree.
 */
function idempotencyKey(request: Request, inBody: unknown): { ok: true; value: string | null } | { ok: false; response: Response } {
  const header = request.headers.get('idempotency-key')
  const fromHeader = header === null ? null : header.trim().replace(/^"(.*)"$/, '$1')
  if (inBody !== undefined && inBody !== null && typeof inBody !== 'string') {
    return refuse(400, 'invalid_idempotency_key', '"idempotencyKey" must be a string.')
  }
  const fromBody = (inBody as string | null | undefined) ?? null
  if (fromHeader !== null && fromBody !== null && fromHeader !== fromBody) {
    return refuse(400, 'invalid_idempotency_key', 'The Idempotency-Key header and the "idempotencyKey" field differ; send one key.')
  }
  const key = fromHeader ?? fromBody
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    return refuse(400, 'invalid_idempotency_key', 'An idempotency key is 1 to 255 visible ASCII characters, e.g. a UUID.')
  }
  return { ok: true, value: key }
}

/** The answer to a save the service refused: the status it chose and the API's error shape. */
export function refusedSave(result: Exclude<SaveRevisionResult, { ok: true }>): Response {
  switch (result.code) {
    case 'invalid_content': {
      const issues = result.issues.map((i) => ({ ...publicIssue(i), path: i.path ? `content.${i.path}` : 'content' }))
      const first = issues[0]
      const message = first ? `${first.message} (at ${first.path})` : 'The page content is not valid.'
      return apiError(422, 'invalid_content', message, issues)
    }
    case 'edit_conflict':
      return Response.json({ error: { code: result.code, message: result.message }, conflict: presentConflict(result.conflict) }, { status: 409 })
    case 'rate_limited':
      return Response.json({ error: { code: result.code, message: result.message } }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
    case 'slug_taken':
      return apiError(409, result.code, result.message, { slug: result.slug })
    default:
      return apiError(result.status, result.code, result.message)
  }
}

function refuse(status: number, code: string, message: string, details?: unknown): { ok: false; response: Response } {
  return { ok: false, response: apiError(status, code, message, details) }
}

function quote(name: string): string {
  return JSON.stringify(name.slice(0, 60))
}
