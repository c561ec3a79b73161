import type { LoaderFunctionArgs } from '@remix-run/node'
import { comparableSlugs } from '#app/core/metrics'
import { getDb } from '#app/models/db.server'
import { listMetrics } from '#app/models/metrics.server'

/**
 * GET /api/v1/metrics — the metric registry (DESIGN.md): name, definition and unit in every
 * language ({ en, de, fr }), and the metrics each may be compared with (both ways).
 */
export async function loader(_: LoaderFunctionArgs) {
  const metrics = await listMetrics(getDb())
  return Response.json({
    metrics: metrics.map((m) => ({ slug: m.slug, name: m.name, definition: m.definition, unit: m.unit, quantity: m.quantity, comparableWith: comparableSlugs(metrics, m.slug) })),
  })
}
