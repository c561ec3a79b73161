import type { Migration, MigrationProvider } from 'kysely'
import * as m0001 from './0001-initial'
import * as m0002 from './0002-session-activity'
import * as m0004 from './0004-report-collapse'
import * as m0005 from './0005-idempotency-fingerprint'
import * as m0006 from './0006-page-search'

/**
 * The static list of migrations. Kysely's FileMigrationProvider imports files at run time, which
 * the bundled server cannot do (STACK.md), so every migration is listed here in order.
 * db/migrations/index.test.ts checks this list against the folder.
 *
 * There is no 0003: numbers are handed out before the work, and the change 0003 was kept for
 * never landed. A gap is harmless; filling it later is not (Kysely refuses a migration older than
 * ones a database has already run), so a new migration always takes a new, higher number.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-session-activity': m0002,
  '0004-report-collapse': m0004,
  '0005-idempotency-fingerprint': m0005,
  '0006-page-search': m0006,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
}
