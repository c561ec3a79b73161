import { getDb, getDbConfig, healthOf } from '#app/models/db.server'
import { linkCheckerHealth } from '#app/services/link-checker.server'

/**
 * Liveness and readiness in one, for a load balancer: 503 while the database does not answer its
 * probe (a connection of its own with a short timeout, so this never waits behind busy pools),
 * 200 otherwise — with status "degraded" while the disk is full (reads are still served).
 */
export async function loader() {
  const report = await healthOf(getDb()).report()
  const headers = { 'Cache-Control': 'no-store' }
  if (report.status === 'unavailable') {
    return Response.json({ status: 'unavailable', database: 'unreachable', engine: getDbConfig().engine, reason: report.reason, storage: report.storage, linkChecker: linkCheckerHealth() }, { status: 503, headers: { ...headers, 'Retry-After': '5' } })
  }
  return Response.json(
    {
      status: report.status,
      database: getDbConfig().engine,
      latencyMs: report.latencyMs,
      storage: report.storage,
      linkChecker: linkCheckerHealth(),
      ...(report.storageFullSince ? { storageFullSince: report.storageFullSince } : {}),
    },
    { headers },
  )
}
