// npm run chaos [-- --only=editors,kill,stop,freeze,kill-postgres,disk-full,mixed] [--seconds=60] [--outage=20] [--cycles=20] [--kill-load-ms=5000]
// Runs the chaos scenarios against the built app (npm run build first) and a PostgreSQL cluster it
// starts itself on a spare port (never the shared one), then prints one JSON line per result.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { clusterUnavailableReason, startCluster, type Cluster } from './cluster'
import { freePort } from './harness'
import { concurrentEditors, killApp, outage, sqliteDiskFull } from './scenarios'

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'editors,kill,stop,freeze,kill-postgres,disk-full' },
    seconds: { type: 'string', default: '60' },
    outage: { type: 'string', default: '20' },
    cycles: { type: 'string', default: '20' },
    editors: { type: 'string', default: '20' },
    readers: { type: 'string', default: '20' },
    // Long enough for saves to complete between kills (PostgreSQL saves take longer under load).
    'kill-load-ms': { type: 'string', default: '5000' },
  },
})
const only = new Set(values.only.split(','))
const seconds = Number(values.seconds)
const outageMs = Number(values.outage) * 1000
const cycles = Number(values.cycles)
const editors = Number(values.editors)
const readers = Number(values.readers)
const killLoadMs = Number(values['kill-load-ms'])
for (const [name, value] of Object.entries({ seconds, outage: outageMs, cycles, editors, readers, 'kill-load-ms': killLoadMs })) {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`)
}
if (!fs.existsSync(path.resolve('build/server.js'))) throw new Error('Build the app first: npm run build')

// The machine's load average beside each result: on a shared machine, latencies follow it.
const report = (name: string, result: unknown) =>
  process.stdout.write(JSON.stringify({ scenario: name, at: new Date().toISOString(), loadAverage1m: Math.round(os.loadavg()[0]! * 10) / 10, cpus: os.cpus().length, ...(result as object) }) + '\n')

function sqliteFile(): { url: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-chaos-sqlite-'))
  return { url: path.join(dir, 'chaos.sqlite'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

const unavailable = clusterUnavailableReason()
let cluster: Cluster | undefined
const needsPostgres = ['editors', 'kill', 'stop', 'freeze', 'kill-postgres', 'mixed'].some((s) => only.has(s))
if (needsPostgres && unavailable) process.stderr.write(`PostgreSQL scenarios skipped: ${unavailable}\n`)
else if (needsPostgres) cluster = startCluster(await freePort())

try {
  // Opt-in (--only=mixed): 200 readers and 5 editors on PostgreSQL for --seconds.
  if (only.has('mixed') && cluster) {
    // The request log at info, as in production, and so the app's own save times can be read from it.
    report('readers-and-editors', await concurrentEditors({ databaseUrl: cluster.url, engine: 'postgres', editors: 5, readers: 200, seconds, env: { LOG_LEVEL: 'info' } }))
  }
  if (only.has('editors')) {
    const file = sqliteFile()
    try {
      report('concurrent-editors', await concurrentEditors({ databaseUrl: file.url, engine: 'sqlite', editors, seconds }))
    } finally {
      file.cleanup()
    }
    if (cluster) report('concurrent-editors', await concurrentEditors({ databaseUrl: cluster.url, engine: 'postgres', editors, seconds }))
  }
  if (only.has('kill')) {
    const file = sqliteFile()
    try {
      report('kill-9-app', await killApp({ databaseUrl: file.url, engine: 'sqlite', cycles, editors: 5, loadMs: killLoadMs }))
    } finally {
      file.cleanup()
    }
    if (cluster) report('kill-9-app', await killApp({ databaseUrl: cluster.url, engine: 'postgres', cycles, editors: 5, loadMs: killLoadMs }))
  }
  if (cluster && only.has('stop')) report('postgres-stopped', await outage({ cluster, mode: 'stop', outageMs, readers, editors: 5, warmupMs: 5000, afterMs: 15_000 }))
  if (cluster && only.has('freeze')) report('postgres-frozen', await outage({ cluster, mode: 'freeze', outageMs, readers, editors: 5, warmupMs: 5000, afterMs: 15_000 }))
  if (cluster && only.has('kill-postgres')) report('postgres-killed', await outage({ cluster, mode: 'kill', outageMs, readers, editors: 5, warmupMs: 5000, afterMs: 15_000 }))
  if (only.has('disk-full')) report('sqlite-disk-full', await sqliteDiskFull())
} finally {
  cluster?.destroy()
}
