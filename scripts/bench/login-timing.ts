// BUILD_DIR=/tmp/build-x npx tsx scripts/bench/login-timing.ts [--n 300] [--database postgres://…/db]
//
// Can response times tell an unknown username from a wrong password? Starts the BUILT server (as
// the tests do) on a scratch database with the login throttles lifted, then times N failed logins
// of each kind, interleaved so that load on the machine affects both alike, and prints both
// distributions, the ratio of their medians and means, and how often an unknown-name attempt was
// slower than a wrong-password one (0.5 = indistinguishable). Results go to docs/performance.md.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql, type Kysely } from 'kysely'
import { hashPassword } from '#app/auth/password.server'
import { migrateToLatest, openDatabase } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { insertUser } from '#app/models/users.server'
import type { Database } from '#db/schema'
import { startServer } from '#test/server'

const { values } = parseArgs({ options: { n: { type: 'string', default: '300' }, database: { type: 'string' } } })
const N = Math.max(20, Number(values.n))
const WARM_UP = 10

async function scratchDatabase(): Promise<{ url: string; open: () => Kysely<Database>; cleanup: () => Promise<void> }> {
  const target = values.database
  if (!target) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-login-bench-'))
    const file = path.join(dir, 'bench.sqlite')
    return { url: file, open: () => openDatabase({ engine: 'sqlite', file }), cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) }
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`
  const admin = openDatabase({ engine: 'postgres', url: target })
  await sql`create schema ${sql.id(schema)}`.execute(admin)
  const url = new URL(target)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    open: () => openDatabase({ engine: 'postgres', url: target }, { searchPath: schema }),
    cleanup: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
      await admin.destroy()
    },
  }
}

function summary(xs: number[]) {
  const sorted = [...xs].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length
  return { min: sorted[0]!, p10: at(0.1), p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1)!, mean }
}

/** P(a random unknown-name attempt is slower than a random wrong-password one); 0.5 = no signal. */
function slowerShare(a: number[], b: number[]): number {
  let wins = 0
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0
  return wins / (a.length * b.length)
}

const database = await scratchDatabase()
const db = database.open()
await migrateToLatest(db)
const username = 'timing-target'
await insertUser(db, { id: newId(), username, passwordHash: await hashPassword('the real passphrase'), role: 'editor', createdAt: nowIso() })
await db.destroy()

const lifted = '1000000/60'
const server = await startServer({
  databaseUrl: database.url,
  env: { DEMO_CONTENT: 'false', LOG_LEVEL: 'silent', RATE_LOGIN_ACCOUNT_IP: lifted, RATE_LOGIN_ACCOUNT: lifted, RATE_LOGIN_IP: lifted },
})

async function attempt(name: string): Promise<number> {
  const start = performance.now()
  const response = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: name, password: 'a wrong guess' }),
  })
  await response.arrayBuffer()
  const elapsed = performance.now() - start
  if (response.status !== 401) throw new Error(`expected 401, got ${response.status}`)
  return elapsed
}

try {
  const unknown: number[] = []
  const wrong: number[] = []
  for (let i = 0; i < WARM_UP; i++) await Promise.all([attempt(`nobody-${i}`), attempt(username)])
  for (let i = 0; i < N; i++) {
    // Alternate which goes first, so neither kind always follows the other.
    if (i % 2 === 0) {
      unknown.push(await attempt(`nobody-${i}`))
      wrong.push(await attempt(username))
    } else {
      wrong.push(await attempt(username))
      unknown.push(await attempt(`nobody-${i}`))
    }
  }
  const u = summary(unknown)
  const w = summary(wrong)
  const row = (label: string, s: ReturnType<typeof summary>) =>
    `${label.padEnd(16)} ${[s.min, s.p10, s.p50, s.p90, s.p99, s.max, s.mean].map((x) => x.toFixed(1).padStart(7)).join(' ')}`
  const engine = values.database ? 'postgres' : 'sqlite'
  process.stdout.write(
    [
      `login timing on ${engine}, ${N} attempts of each kind (ms)`,
      `${''.padEnd(16)} ${['min', 'p10', 'p50', 'p90', 'p99', 'max', 'mean'].map((h) => h.padStart(7)).join(' ')}`,
      row('unknown name', u),
      row('wrong password', w),
      `ratio unknown/wrong: median ${(u.p50 / w.p50).toFixed(3)}, mean ${(u.mean / w.mean).toFixed(3)}`,
      `P(unknown slower than wrong) = ${slowerShare(unknown, wrong).toFixed(3)} (0.5 = indistinguishable)`,
      `load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
      '',
    ].join('\n'),
  )
} finally {
  await server.stop()
  await database.cleanup()
}
