import { CONTENT_LICENCE } from '#app/core/content-licence'
import { getDb } from '#app/models/db.server'
import { listClaims, type ClaimFilters } from '#app/models/claims.server'
import { getOrigins } from '#app/http/origin.server'
import { claimCsvHeader, claimCsvRows, presentClaim, type ClaimView } from '#app/presenters/claims'

const BATCH = 500

/**
 * Every claim as a download, streamed in batches read by keyset so memory stays flat however many
 * claims there are. The licence travels in a Link header and in every row (rows are copied alone).
 */
export function claimsExport(format: 'csv' | 'jsonl', filters: ClaimFilters): Response {
  const origin = getOrigins().origin
  const encoder = new TextEncoder()
  let after: Parameters<typeof listClaims>[2]['after'] = null
  let started = false
  let done = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(format === 'csv' ? claimCsvHeader() : `${JSON.stringify({ type: 'meta', licence: CONTENT_LICENCE, attribution: `Sourced contributors; each claim names its page (${origin}/pages/…) and that page's history lists its authors.`, source: `${origin}/exports/claims.jsonl`, generatedAt: new Date().toISOString() })}\n`))
        return
      }
      if (done) return controller.close()
      const page = await listClaims(getDb(), filters, { limit: BATCH, after })
      const views: ClaimView[] = page.claims.map((c) => presentClaim(c, origin))
      if (views.length > 0) controller.enqueue(encoder.encode(format === 'csv' ? claimCsvRows(views) : views.map((v) => `${JSON.stringify({ type: 'claim', ...v })}\n`).join('')))
      if (page.next === null) done = true
      else after = [page.claims[page.claims.length - 1]!.product, page.claims[page.claims.length - 1]!.metric, page.claims[page.claims.length - 1]!.sortDate, page.claims[page.claims.length - 1]!.id]
    },
  })
  return new Response(stream, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="sourced-claims.${format}"`,
      link: `<${CONTENT_LICENCE.url}>; rel="license"`,
      'cache-control': 'no-cache',
    },
  })
}
