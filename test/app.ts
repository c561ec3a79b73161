import { afterAll, beforeAll } from 'vitest'
import { withTestDatabase, type TestDatabase, type TestEngine } from './db'
import { startServer, type RunningServer } from './server'

export interface TestApp {
  /** The block's database: filled in by the block's first beforeAll, the same object throughout. */
  t: TestDatabase
  /** The built app running against it (test/server.ts), likewise. */
  server: RunningServer
}

/**
 * A private database on `engine` and the built app running against it, for the describe block this
 * is called in (call it at the top of the block, before the block's own hooks):
 *
 *   describe.each(TEST_ENGINES)('… on $engine', (engine) => {
 *     const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
 *     beforeAll(async () => { editor = await createUser(t.db) })
 *
 * One database and one server per block, as each file had before: made in a beforeAll that runs
 * before the block's own (hooks run in the order they are registered), stopped and dropped in an
 * afterAll that runs after the block's own (after hooks run in reverse). `t` and `server` are
 * filled in place, so they can be taken apart at once and read in hooks and tests later.
 *
 * `seed` writes to the database before the server starts, for blocks whose server must find the
 * rows there from the start; `env` may be a function, read when the server starts, for settings
 * that are only known then (an SMTP listener's address).
 */
export function withTestApp(
  engine: TestEngine,
  options: { env?: Record<string, string> | (() => Record<string, string>); seed?: (t: TestDatabase) => Promise<void> } = {},
): TestApp {
  const t = withTestDatabase(engine)
  const server = {} as RunningServer
  beforeAll(async () => {
    await options.seed?.(t)
    const env = typeof options.env === 'function' ? options.env() : options.env
    Object.assign(server, await startServer({ databaseUrl: t.url, ...(env ? { env } : {}) }))
  })
  afterAll(async () => {
    // Missing if the set-up above failed part of the way.
    if ('stop' in server) await server.stop()
  })
  return { t, server }
}
