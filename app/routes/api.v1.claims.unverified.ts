import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { readJsonBody } from '#app/http/api.server'
import { requireAbility } from '#app/auth/actor.server'
import { isUnverifiedStatus } from '#app/core/claims'
import { publicIssue } from '#app/core/result'
import { apiError } from '#app/http/responses.server'
import { getDb } from '#app/models/db.server'
import { listClaimEvents, listUnverifiedClaims } from '#app/models/unverified-claims.server'
import { getOrigins } from '#app/http/origin.server'
import { presentUnverifiedClaim } from '#app/presenters/unverified-claims'
import { recordUnverifiedClaim } from '#app/services/unverified-claims.server'
import { isRecordId } from '#app/core/record-id'

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/

/** GET /api/v1/claims/unverified?status=&product=&cursor= → { claims, next }, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const p = new URL(request.url).searchParams
  const status = p.get('status')
  if (status !== null && !isUnverifiedStatus(status)) return apiError(400, 'invalid_status', '"status" must be open, verified, contradicted or no-source.')
  const product = p.get('product')
  if (product !== null && !SLUG.test(product)) return apiError(400, 'invalid_product', '"product" must be a product slug, e.g. "tchap".')
  const cursor = p.get('cursor')
  if (cursor !== null && !isRecordId(cursor)) return apiError(400, 'invalid_cursor', '"cursor" must be the value of "next" from the previous answer.')
  const page = await listUnverifiedClaims(getDb(), { status: status as Parameters<typeof listUnverifiedClaims>[1]['status'], product, before: cursor }, 50)
  const events = await listClaimEvents(getDb(), page.claims.map((c) => c.id))
  const origin = getOrigins().origin
  return Response.json({ claims: page.claims.map((c) => presentUnverifiedClaim(c, events.get(c.id) ?? [], origin)), next: page.next })
}

/** POST /api/v1/claims/unverified { text, seenAt, product?, metric? } → 201 { claim: { id, status } } */
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') return apiError(405, 'method_not_allowed', 'Use POST to record a claim seen without a source.')
  const author = await requireAbility(request, 'claim.record')
  const body = await readJsonBody(request)
  if (!body.ok) return body.response
  if (!body.value || typeof body.value !== 'object' || Array.isArray(body.value)) return apiError(400, 'invalid_body', 'Send a JSON object: { "text", "seenAt", "product"?, "metric"? }.')
  const result = await recordUnverifiedClaim(getDb(), { authorId: author.id, fields: body.value })
  if (result.ok) return Response.json({ claim: { id: result.id, status: result.status, url: `${getOrigins().origin}/claims/unverified#claim-${result.id}` } }, { status: 201 })
  if (result.status === 429) return Response.json({ error: { code: 'rate_limited', message: `Too many claims recorded; try again in ${result.retryAfterSeconds} s.` } }, { status: 429, headers: { 'Retry-After': String(result.retryAfterSeconds) } })
  return apiError(422, 'invalid_claim', result.issues.map((i) => i.message).join(' '), result.issues.map(publicIssue))
}
