import { sql, type Kysely } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { classifyDbFailure } from '#app/core/db-failure'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import type { Database } from '#db/schema'
import { loadConfig, parseDatabaseUrl } from '#app/infra/config.server'
import { asReader, healthOf, openDatabase } from './db.server'

/** Opens the test database again with the settings of an environment with these variables. */
function openWith(url: string, env: Record<string, string>): Kysely<Database> {
  return openDatabase(parseDatabaseUrl(url), { settings: loadConfig(env).database })
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe.each(TEST_ENGINES)('database faults on $engine', (engine) => {
  const t = withTestDatabase(engine)

  it('refuses settings that make no sense, naming the variable', () => {
    expect(() => openWith(t.url, { DATABASE_POOL_SIZE: '4', DATABASE_WRITE_POOL_SIZE: '4' })).toThrow(/DATABASE_WRITE_POOL_SIZE \(4\) must be less than DATABASE_POOL_SIZE \(4\)/)
    expect(() => openWith(t.url, { DATABASE_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS must be a non-negative number/)
    expect(() => openWith(t.url, { DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE must be a whole number from 2/)
  })

  it('keeps the real cause when the transaction was already rolled back underneath (no "cannot rollback")', async () => {
    const error = await failureOf(
      t.db.transaction().execute(async (trx) => {
        await sql`rollback`.execute(trx)
        throw new Error('the real cause')
      }),
    )
    expect((error as Error).message).toBe('the real cause')
    // And the connection is usable afterwards.
    expect((await sql<{ one: number }>`select 1 as one`.execute(t.db)).rows).toEqual([{ one: 1 }])
  })

  it('reports healthy, and degraded (not down) while the disk is full, until a write succeeds a while after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const health = healthOf(t.db)
      expect(await health.check()).toMatchObject({ status: 'ok', storage: 'ok' })
      health.noteError(Object.assign(new Error('database or disk is full'), { code: engine.engine === 'sqlite' ? 'SQLITE_FULL' : '53100' }))
      expect(await health.check()).toMatchObject({ status: 'degraded', storage: 'full' })
      // A small write right after may fit where a save did not: still degraded.
      await t.db.insertInto('meta').values({ key: `k${Math.random()}`, value: 'v' }).execute()
      expect(await health.check()).toMatchObject({ status: 'degraded', storage: 'full' })
      vi.setSystemTime(Date.now() + 11_000)
      await t.db.insertInto('meta').values({ key: `k${Math.random()}`, value: 'v' }).execute()
      expect(await health.check()).toMatchObject({ status: 'ok', storage: 'ok' })
    } finally {
      vi.useRealTimers()
    }
  })
})

const postgres = TEST_ENGINES.find((e) => e.engine === 'postgres')

describe.skipIf(!postgres)('PostgreSQL connections and timeouts', () => {
  const t = withTestDatabase(postgres!)

  it('ends a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS as a timeout, and the next query works', async () => {
    const db = openWith(t.url, { DATABASE_STATEMENT_TIMEOUT_MS: '200' })
    try {
      const error = await failureOf(sql`select pg_sleep(5)`.execute(db))
      expect(classifyDbFailure(error)).toBe('timeout')
      expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }])
    } finally {
      await db.destroy()
    }
  })

  it('survives its connections being terminated (pg_terminate_backend, 57P01) and reconnects', async () => {
    const db = openWith(t.url, { DATABASE_POOL_SIZE: '2', DATABASE_WRITE_POOL_SIZE: '1' })
    try {
      const pidOf = async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid
      const pids = [await pidOf(), await asReader(pidOf)]
      // Idle in the pool now: their loss arrives as an 'error' event nobody is waiting for.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where pid in (${sql.join(pids)})`.execute(t.db)
      let answered = false
      for (let attempt = 0; attempt < 50 && !answered; attempt++) {
        try {
          expect(pids).not.toContain(await pidOf())
          expect(pids).not.toContain(await asReader(pidOf))
          answered = true
        } catch (error) {
          expect(classifyDbFailure(error)).toBe('unavailable')
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
      expect(answered).toBe(true)
    } finally {
      await db.destroy()
    }
  })

  it('keeps connections for writes that readers cannot take, however many readers wait', async () => {
    const db = openWith(t.url, { DATABASE_POOL_SIZE: '3', DATABASE_WRITE_POOL_SIZE: '1' })
    const holder = openWith(t.url, {})
    try {
      // A lock held elsewhere keeps every reader waiting on its connection, and more in the queue.
      await holder.connection().execute(async (conn) => {
        await sql`select pg_advisory_lock(4242)`.execute(conn)
        let readersDone = 0
        const readers = Array.from({ length: 6 }, () => asReader(() => sql`select pg_advisory_lock_shared(4242), pg_advisory_unlock_shared(4242)`.execute(db)).then(() => readersDone++))
        // Once both read connections are taken, a write still goes through.
        for (let i = 0; i < 200; i++) {
          const waiting = (await sql<{ n: number }>`select count(*)::int as n from pg_locks where locktype = 'advisory' and objid = 4242 and not granted`.execute(holder)).rows[0]!.n
          if (waiting >= 2) break
          await new Promise((resolve) => setTimeout(resolve, 25))
        }
        await db.insertInto('meta').values({ key: 'written while readers wait', value: 'yes' }).execute()
        expect(readersDone).toBe(0)
        await sql`select pg_advisory_unlock(4242)`.execute(conn)
        await Promise.all(readers)
        expect(readersDone).toBe(6)
      })
      expect(await db.selectFrom('meta').select('value').where('key', '=', 'written while readers wait').executeTakeFirst()).toEqual({ value: 'yes' })
    } finally {
      await db.destroy()
      await holder.destroy()
    }
  })
})
