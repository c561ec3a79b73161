import { parseJson } from '#app/core/document'
import { LIMITS } from '#app/core/limits'
import { apiError } from '#app/http/responses.server'

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
  return { ok: true, value: parsed.value }
}
