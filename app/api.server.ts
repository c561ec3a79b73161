import { parseJson } from '#app/core/document'
import { LIMITS } from '#app/core/limits'
import { apiError } from '#app/http.server'

/**
 * Reads a JSON API body: 415 unless it is JSON, 413 over the size limit (also checked on the
 * stream, for bodies that lie about their length), 400 when it is not JSON, 422 when too deep.
 */
export async function readJsonBody(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get('content-type') ?? ''
  if (!type.includes('application/json')) {
    return { ok: false, response: apiError(415, 'unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json".') }
  }
  const text = await request.text()
  if (Buffer.byteLength(text) > LIMITS.maxRequestBytes) {
    return { ok: false, response: apiError(413, 'payload_too_large', `The request body is larger than ${LIMITS.maxRequestBytes / 1024 / 1024} MiB.`) }
  }
  const parsed = parseJson(text)
  if (!parsed.ok) {
    const issue = parsed.issues[0]!
    return { ok: false, response: apiError(issue.code === 'too_deep' ? 422 : 400, issue.code, issue.message) }
  }
  // PostgreSQL refuses a NUL in any text it stores or compares; no field of the API takes one.
  if (containsNul(parsed.value)) {
    return { ok: false, response: apiError(400, 'invalid_character', 'The body contains a NUL character (\\u0000), which no field accepts. Remove it.') }
  }
  return { ok: true, value: parsed.value }
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0')
  if (Array.isArray(value)) return value.some(containsNul)
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, v]) => key.includes('\0') || containsNul(v))
  return false
}
