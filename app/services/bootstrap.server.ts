import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { getDb, getDbConfig, healthOf, migrateToLatest, openDatabase } from '#app/models/db.server'
import { contentVersion } from '#app/models/content-version.server'
import { watchByPolling, watchPostgres, type ContentFeed, type ContentFeedHandlers } from '#app/models/content-feed.server'
import { hasPages } from '#app/models/pages.server'
import { ensureClaimsIndex } from '#app/models/claims.server'
import { holdMaintenanceLock } from '#app/models/meta.server'
import { ensureProductIndex } from '#app/models/products.server'
import { ensureSearchIndex } from '#app/models/search.server'
import { ensureSourceUsesIndex } from '#app/models/sources.server'
import { config as appConfig } from '#app/infra/config.server'
import { log } from '#app/infra/logger.server'
import { linkCheckerSettingsFromEnv, startLinkChecker, type RunningLinkChecker } from './link-checker.server'
import { seedDemo } from './seed-demo.server'
import { startSweeper } from './sweep.server'
import { queueDigests } from './mail-digest.server'
import { startMailer, type RunningMailer } from './mailer.server'

let linkChecker: RunningLinkChecker | undefined
let sweeper: { stop(): void } | undefined
let mailer: RunningMailer | undefined

/**
 * Start-up: migrate, and on an empty database load the demo comparisons (unless DEMO_CONTENT is
 * "false"). The demo accounts' passwords are printed here, once; they are stored only hashed.
 * With several workers (server/cluster.ts) only one runs the background jobs.
 */
export async function bootstrap(options: { backgroundJobs: boolean } = { backgroundJobs: true }): Promise<void> {
  const db = getDb()
  const config = getDbConfig()
  // Migrations and a search index rebuild may take longer than any request should: on
  // PostgreSQL they run on a connection of their own without the statement timeouts.
  const maintenance = config.engine === 'postgres' ? openDatabase(config, { maintenance: true }) : db
  try {
    const applied = await migrateToLatest(maintenance)
    log('info', 'database ready', { engine: config.engine, migrationsApplied: applied })
    await ensureDerivedIndexes(maintenance)
  } finally {
    if (maintenance !== db) await maintenance.destroy()
  }
  healthOf(db).start()
  // Ended sessions and spent rate-limit windows, hourly.
  if (options.backgroundJobs) sweeper ??= startSweeper(db)
  await seedIfEmpty(db)
  // Started after seeding, so that its first pass never competes with it: the demo's revisions
  // queue checks of their sources, and a running checker would be woken by each.
  if (options.backgroundJobs && appConfig.linkChecker.enabled && !linkChecker) linkChecker = startLinkChecker(db, linkCheckerSettingsFromEnv())
  // Mail waits in the job table and goes out from here (one process), never from the request that caused it.
  if (options.backgroundJobs) mailer ??= startMailer(db, { beforeEachPass: queueDigests })
}

/**
 * Rebuilds the indexes derived from the pages when they lag behind (after a migration or a
 * restore). Instances that start together take turns (holdMaintenanceLock), so the second finds
 * the work done instead of redoing it alongside the first.
 */
export async function ensureDerivedIndexes(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await holdMaintenanceLock(trx)
    const reindexed = await ensureSearchIndex(trx)
    if (reindexed > 0) log('info', 'search index rebuilt', { pages: reindexed })
    const facts = await ensureProductIndex(trx)
    if (facts > 0) log('info', 'product and category index rebuilt', { pages: facts })
    const claims = await ensureClaimsIndex(trx)
    if (claims > 0) log('info', 'claims rebuilt', { pages: claims })
    if (await ensureSourceUsesIndex(trx)) log('info', 'source uses rebuilt')
  })
}

async function seedIfEmpty(db: ReturnType<typeof getDb>): Promise<void> {
  if (!appConfig.demoContent || (await hasPages(db))) return
  const accounts = await seedDemo(db)
  if (!accounts) return
  log('info', 'demo content loaded', { accounts: accounts.map((a) => a.username) })
  const lines = accounts.map((a) => `  ${a.role.padEnd(10)} ${a.username.padEnd(16)} ${a.password}`)
  process.stdout.write(
    `\nDemo accounts (passwords shown once; they are stored only hashed):\n${lines.join('\n')}\n\n`,
  )
}

export async function shutdown(): Promise<void> {
  await linkChecker?.stop()
  linkChecker = undefined
  await mailer?.stop()
  mailer = undefined
  sweeper?.stop()
  sweeper = undefined
  await getDb().destroy()
}

/** For the HTTP server's anonymous page cache: see app/models/content-version.server.ts. */
export function currentContentVersion(): Promise<string> {
  return contentVersion(getDb())
}

/** For the same cache: tells it when the version may have moved (app/models/content-feed.server.ts). */
export function watchContent(handlers: ContentFeedHandlers): ContentFeed {
  const config = getDbConfig()
  return config.engine === 'postgres' ? watchPostgres(config.url, handlers, (message, fields) => log('warn', message, fields)) : watchByPolling(getDb(), handlers)
}
