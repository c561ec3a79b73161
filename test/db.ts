import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import fs from 'node:fs'
import { sql, type Kysely } from 'kysely'
import { afterAll, beforeAll } from 'vitest'
import { migrateToLatest, openDatabase } from '#app/models/db.server'
import type { Database } from '#db/schema'

/**
 * The engines database tests run on: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set
 * (STYLE.md §13). Each test database is private: a temporary SQLite file, or a PostgreSQL schema
 * of its own in the shared test database, so test files can run in parallel.
 */
export type TestEngine = { engine: 'sqlite' } | { engine: 'postgres'; url: string }

export const TEST_ENGINES: TestEngine[] = [
  { engine: 'sqlite' },
  ...(process.env.TEST_DATABASE_URL ? [{ engine: 'postgres' as const, url: process.env.TEST_DATABASE_URL }] : []),
]

export interface TestDatabase {
  db: Kysely<Database>
  /** A DATABASE_URL that reaches this same database from another process. */
  url: string
  /** Opens a second, independent connection (pool) to the same database. */
  reopen(): Kysely<Database>
  destroy(): Promise<void>
}

export async function createTestDatabase(target: TestEngine): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`
  if (target.engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-test-'))
    const file = path.join(dir, 'test.sqlite')
    const db = openDatabase({ engine: 'sqlite', file })
    await migrateToLatest(db)
    const others: Kysely<Database>[] = []
    return {
      db,
      url: file,
      reopen: () => {
        const other = openDatabase({ engine: 'sqlite', file })
        others.push(other)
        return other
      },
      destroy: async () => {
        await Promise.all([db, ...others].map((d) => d.destroy()))
        fs.rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const admin = openDatabase({ engine: 'postgres', url: target.url })
  await sql`create schema ${sql.id(name)}`.execute(admin)
  const db = openDatabase({ engine: 'postgres', url: target.url }, { searchPath: name })
  await migrateToLatest(db)
  const others: Kysely<Database>[] = []
  const url = new URL(target.url)
  url.searchParams.set('options', `-c search_path=${name}`)
  return {
    db,
    url: url.toString(),
    reopen: () => {
      const other = openDatabase({ engine: 'postgres', url: target.url }, { searchPath: name })
      others.push(other)
      return other
    },
    destroy: async () => {
      await Promise.all([db, ...others].map((d) => d.destroy()))
      await sql`drop schema ${sql.id(name)} cascade`.execute(admin)
      await admin.destroy()
    },
  }
}

/**
 * A private database on `engine` for the describe block this is called in (at the top of the
 * block, before its own hooks), dropped after the block:
 *
 *   describe.each(TEST_ENGINES)('… on $engine', (engine) => {
 *     const t = withTestDatabase(engine)
 *     beforeAll(async () => { editor = await createUser(t.db) })
 *
 * Made in a beforeAll that runs before the block's own and dropped in an afterAll that runs after
 * them (hooks run in the order they are registered, after hooks in reverse); `t` is filled in
 * place, so it can be read in hooks and tests later.
 */
export function withTestDatabase(engine: TestEngine): TestDatabase {
  const t = {} as TestDatabase
  beforeAll(async () => {
    Object.assign(t, await createTestDatabase(engine))
  })
  afterAll(async () => {
    // Missing if the set-up above failed.
    if ('destroy' in t) await t.destroy()
  })
  return t
}
