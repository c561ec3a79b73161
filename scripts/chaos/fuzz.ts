/**
 * The long form of the hostile-request fuzz (the test suite runs a short one): N random
 * requests — methods, targets, headers, bodies, framings — over every route of the built app,
 * against a server started here on a private database. Passes when no answer is ≥ 500 and the
 * server logged no error.
 *
 *   npm run build && npx tsx scripts/chaos/fuzz.ts [--requests 10000] [--seed N] [--concurrency 6]
 *
 * FUZZ_DATABASE_URL=postgres://…/db runs it on PostgreSQL (in a schema of its own, dropped after);
 * the default is a temporary SQLite file. Only 127.0.0.1 is ever contacted.
 */
import { parseArgs } from 'node:util'
import fc from 'fast-check'
import { createTestDatabase } from '#test/db'
import { builtRoutes, describeRequest, hostileRequestArbitrary, prepareFuzzContext, runAll, tally } from '#test/fixtures/hostile-requests'
import { startServer } from '#test/server'

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '6' },
  },
})
const count = Number(values.requests)
const seed = Number(values.seed ?? Date.now() % 2 ** 31)
const concurrency = Number(values.concurrency)

const url = process.env.FUZZ_DATABASE_URL
const t = await createTestDatabase(url ? { engine: 'postgres', url } : { engine: 'sqlite' })
const server = await startServer({ databaseUrl: t.url, env: { LOG_LEVEL: 'warn' } })
let failed = false
try {
  const routes = await builtRoutes()
  const ctx = await prepareFuzzContext(server, t.db)
  const requests = fc.sample(hostileRequestArbitrary(routes, ctx), { numRuns: count, seed })
  const started = performance.now()
  const answers = await runAll(server.port, requests, concurrency)
  const seconds = (performance.now() - started) / 1000
  const serverErrors = answers.filter((a) => a.status !== null && a.status >= 500)
  const unanswered = answers.filter((a) => a.status === null && a.request.framing !== 'short')
  const errorLines = server.stdout().split('\n').filter((line) => line.includes('"level":"error"'))
  const summary = {
    engine: url ? 'postgres' : 'sqlite',
    seed,
    requests: count,
    routes: routes.length,
    seconds: Math.round(seconds),
    statuses: tally(answers),
    serverErrors: serverErrors.length,
    unanswered: unanswered.length,
    errorLogLines: errorLines.length,
  }
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n')
  for (const a of serverErrors.slice(0, 20)) process.stdout.write(`${a.status} ← ${describeRequest(a.request)}\n`)
  for (const a of unanswered.slice(0, 20)) process.stdout.write(`no answer ← ${describeRequest(a.request)}\n`)
  for (const line of errorLines.slice(0, 20)) process.stdout.write(`log: ${line.slice(0, 500)}\n`)
  failed = serverErrors.length > 0 || unanswered.length > 0 || errorLines.length > 0
} finally {
  await server.stop()
  await t.destroy()
}
process.exit(failed ? 1 : 0)
