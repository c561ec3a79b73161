import { getDb, getDbConfig, pingDatabase } from '#app/models/db.server'
import { log } from '#app/infra/logger.server'

/** Liveness and readiness in one: answers 200 only when the database answers a query. */
export async function loader() {
  const started = performance.now()
  try {
    await pingDatabase(getDb())
    return Response.json(
      { status: 'ok', database: getDbConfig().engine, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  } catch (error) {
    log('error', 'health check failed', { error })
    return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
  }
}
