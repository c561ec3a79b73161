import { config as appConfig } from '#app/config.server'
import { getDb, getDbConfig, migrateToLatest } from '#app/models/db.server'
import { contentVersion } from '#app/models/content-version.server'
import { countPages } from '#app/models/pages.server'
import { ensureSearchIndex } from '#app/models/search.server'
import { log } from '#app/infra/logger.server'
import { linkCheckerSettings, startLinkChecker, type RunningLinkChecker } from './link-checker.server'
import { seedDemo } from './seed-demo.server'
import { startSweeper } from './sweep.server'

let linkChecker: RunningLinkChecker | undefined
let sweeper: { stop(): void } | undefined

/**
 * Start-up: migrate, and on an empty database load the demo comparisons (unless DEMO_CONTENT is
 * "false"). The demo accounts' passwords are printed here, once; they are stored only hashed.
 */
export async function bootstrap(): Promise<void> {
  const db = getDb()
  const config = getDbConfig()
  const applied = await migrateToLatest(db)
  log('info', 'database ready', { engine: config.engine, migrationsApplied: applied })
  const reindexed = await ensureSearchIndex(db)
  if (reindexed > 0) log('info', 'search index rebuilt', { pages: reindexed })
  // Ended sessions and spent rate-limit windows, hourly.
  sweeper ??= startSweeper(db)
  await seedIfEmpty(db)
  // Started after seeding, so that its first pass never competes with it: the demo's revisions
  // queue checks of their sources, and a running checker would be woken by each.
  if (appConfig.env.LINK_CHECKER && !linkChecker) linkChecker = startLinkChecker(db, linkCheckerSettings())
}

async function seedIfEmpty(db: ReturnType<typeof getDb>): Promise<void> {
  if (!appConfig.demoContent || (await countPages(db)) > 0) return
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
  sweeper?.stop()
  sweeper = undefined
  await getDb().destroy()
}

/** For the HTTP server's anonymous page cache: see app/models/content-version.server.ts. */
export function currentContentVersion(): Promise<string> {
  return contentVersion(getDb())
}
