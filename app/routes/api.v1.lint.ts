import type { ActionFunctionArgs } from '@remix-run/node'
import { readJsonBody } from '#app/http/api.server'
import { lintRequest } from '#app/core/lint'
import { publicIssue } from '#app/core/result'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { loadMetricRegistry } from '#app/models/metrics.server'
import { existingSourceIds } from '#app/models/sources.server'

/** POST /api/v1/lint — figures and promotional language in a text or a document (DESIGN.md). */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST.')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  const result = await lintRequest(body.value, (ids) => existingSourceIds(getDb(), ids), await loadMetricRegistry(getDb()))
  if (!result.ok) return apiError(422, 'invalid_request', result.issues.map((i) => i.message).join(' '), result.issues.map(publicIssue))
  return Response.json(result.value)
}

/** POST only: the HTTP server answers any other method with 405 and `Allow: POST` (server/request-guard.ts). */
export const handle = { methods: ['POST'] }
