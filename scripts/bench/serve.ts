// BUILD_DIR=/tmp/build-x npx tsx scripts/bench/serve.ts [--build] [--duration 10] [--reps 2]
//                                                       [--page SLUG] [--profile]
//
// Anonymous reads of a demo page from the built server against bare node:http serving the same
// bytes (scripts/bench/baseline-server.mjs), measured in the same run, alternating, on loopback:
//   - p50/p99 latency at concurrency 1 (one keep-alive connection, sequential GETs),
//   - requests per second at concurrency 32 (autocannon),
// each for a full 200 and for the 304 a client with the ETag gets. Reports ratios to the baseline;
// absolute figures on a shared 2-core machine are noise (docs/performance.md).
// --profile then runs the app once more under --cpu-prof at c=32 and prints the top costs.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    reps: { type: 'string', default: '2' },
    page: { type: 'string', default: 'microsoft-teams-vs-tchap' },
    profile: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const BUILD_DIR = path.resolve(process.env.BUILD_DIR ?? 'build')
const SECONDS = Math.max(2, Number(values.duration))
const REPS = Math.max(1, Number(values.reps))
const CONNECTIONS = 32
const here = path.dirname(new URL(import.meta.url).pathname)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-serve-bench-'))
const children: ChildProcess[] = []
// A reader's browser: the app streams its HTML to browsers and renders it whole for bots
// (isbot), so the body — and its ETag — depends on the User-Agent. Every request sends this one.
const READER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }

function log(line: string) {
  process.stderr.write(line + '\n')
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
    server.on('error', reject)
  })
}

/** Starts a child and resolves once it prints `marker`; it is stopped (by its pid) at the end. */
async function start(args: string[], env: Record<string, string>, marker: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const deadline = Date.now() + 60_000
  while (!output.includes(marker)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${args.join(' ')} did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return child
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((r) => child.on('exit', r))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
  if (child.exitCode === null) child.kill('SIGKILL')
}

async function startApp(port: number, database: string, extraArgs: string[] = []): Promise<ChildProcess> {
  return start([...extraArgs, path.join(BUILD_DIR, 'server.js')], {
    PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: database,
    NODE_ENV: 'production', LOG_LEVEL: 'silent', LINK_CHECKER: 'off', BUILD_DIR,
  }, '"msg":"listening"')
}

/** Share of CPU time idle over one second: the machine is shared, so each run records it. */
async function idlePercent(): Promise<number> {
  const read = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const a = read()
  await new Promise((r) => setTimeout(r, 1000))
  const b = read()
  const delta = b.map((v, i) => v - a[i]!)
  const total = delta.slice(0, 8).reduce((x, y) => x + y, 0)
  return Math.round((100 * delta[3]!) / Math.max(1, total))
}

/** Latency at concurrency 1: sequential GETs on one keep-alive connection, without coordinated-omission correction. */
async function latencyProbe(url: string, headers: Record<string, string>, seconds: number): Promise<{ n: number; p50: number; p99: number; status: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  let status = 0
  const get = () =>
    new Promise<void>((resolve, reject) =>
      http
        .get(url, { agent, headers }, (res) => {
          status = res.statusCode ?? 0
          res.on('data', () => {})
          res.on('end', resolve)
          res.on('error', reject)
        })
        .on('error', reject),
    )
  const samples: number[] = []
  const end = Date.now() + seconds * 1000
  while (Date.now() < end) {
    const t = process.hrtime.bigint()
    await get()
    samples.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  agent.destroy()
  samples.sort((a, b) => a - b)
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!
  return { n: samples.length, p50: q(0.5), p99: q(0.99), status }
}

async function throughput(url: string, headers: Record<string, string>, seconds: number): Promise<{ rps: number; errors: number; statuses: Record<string, number> }> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers })
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]))
  return { rps: result.requests.average, errors: result.errors + result.timeouts, statuses }
}

interface Measurement {
  target: 'app' | 'node:http'
  path: '200' | '304'
  rep: number
  idleBefore: number
  p50: number
  p99: number
  rps: number
  errors: number
  statuses: Record<string, number>
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/** The top self-time functions of a V8 CPU profile, folded by function and file. */
function topCosts(file: string, limit = 25): Array<{ ms: number; share: number; frame: string }> {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
    samples: number[]
    timeDeltas: number[]
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame
    const url = frame.url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '').replace(BUILD_DIR, 'build')
    const key = `${frame.functionName || '(anonymous)'} ${url}`.trim()
    const dt = profile.timeDeltas[i] ?? 0
    total += dt
    self.set(key, (self.get(key) ?? 0) + dt)
  })
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([frame, us]) => ({ ms: Math.round(us / 1000), share: Math.round((1000 * us) / total) / 10, frame: frame.slice(0, 140) }))
}

async function main() {
  if (values.build) {
    log(`building into ${BUILD_DIR}…`)
    const built = spawnSync('npm', ['run', 'build', '--silent'], { env: { ...process.env, BUILD_DIR }, stdio: 'inherit' })
    if (built.status !== 0) throw new Error('npm run build failed')
  }
  if (!fs.existsSync(path.join(BUILD_DIR, 'server.js'))) throw new Error(`no build in ${BUILD_DIR}: run with --build, or BUILD_DIR=… npm run build`)

  const database = path.join(work, 'bench.sqlite')
  const appPort = await freePort()
  const app = await startApp(appPort, database)
  const pageUrl = `http://127.0.0.1:${appPort}/pages/${values.page}`
  const first = await fetch(pageUrl, { headers: READER })
  if (first.status !== 200) throw new Error(`${pageUrl} answered ${first.status}`)
  const etag = first.headers.get('etag')
  if (!etag) throw new Error('the page carries no ETag')
  const html = await first.text()
  fs.writeFileSync(path.join(work, 'page.html'), html)
  const basePort = await freePort()
  await start([path.join(here, 'baseline-server.mjs'), path.join(work, 'page.html'), String(basePort), etag], {}, 'listening')
  log(`page ${values.page}: ${Buffer.byteLength(html)} bytes; ${REPS} × ${SECONDS} s per measurement, alternating app and node:http`)

  const targets = { app: `http://127.0.0.1:${appPort}/pages/${values.page}`, 'node:http': `http://127.0.0.1:${basePort}/` } as const
  const measurements: Measurement[] = []
  for (let rep = 1; rep <= REPS; rep++) {
    const order = (rep % 2 ? ['app', 'node:http'] : ['node:http', 'app']) as Array<keyof typeof targets>
    for (const kind of ['200', '304'] as const) {
      for (const target of order) {
        const headers: Record<string, string> = kind === '304' ? { ...READER, 'if-none-match': etag } : READER
        // Warm-up: JIT, connection pools, the render cache.
        await throughput(targets[target], headers, 1)
        const idleBefore = await idlePercent()
        const latency = await latencyProbe(targets[target], headers, SECONDS)
        const load = await throughput(targets[target], headers, SECONDS)
        if (String(latency.status) !== kind) throw new Error(`${target} answered ${latency.status}, expected ${kind}`)
        measurements.push({ target, path: kind, rep, idleBefore, p50: latency.p50, p99: latency.p99, rps: load.rps, errors: load.errors, statuses: load.statuses })
        log(`${kind} ${target.padEnd(9)} rep ${rep}: p50 ${latency.p50.toFixed(3)} ms, p99 ${latency.p99.toFixed(3)} ms, ${Math.round(load.rps)} req/s c=${CONNECTIONS} (idle before ${idleBefore}%, errors ${load.errors})`)
      }
    }
  }

  const summary = (['200', '304'] as const).map((kind) => {
    const of = (target: string) => measurements.filter((m) => m.path === kind && m.target === target)
    const [a, b] = [of('app'), of('node:http')]
    return {
      path: kind,
      app: { p50: median(a.map((m) => m.p50)), rps: median(a.map((m) => m.rps)) },
      baseline: { p50: median(b.map((m) => m.p50)), rps: median(b.map((m) => m.rps)) },
      // Per repetition, then the median: each pair was measured back to back.
      latencyRatio: median(a.map((m, i) => m.p50 / b[i]!.p50)),
      throughputRatio: median(a.map((m, i) => m.rps / b[i]!.rps)),
    }
  })

  let profile: ReturnType<typeof topCosts> | null = null
  if (values.profile) {
    await stop(app)
    const dir = path.join(work, 'profile')
    const port = await freePort()
    const profiled = await startApp(port, database, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
    await throughput(`http://127.0.0.1:${port}/pages/${values.page}`, READER, 1)
    await throughput(`http://127.0.0.1:${port}/pages/${values.page}`, READER, SECONDS)
    await stop(profiled)
    const file = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((x, y) => fs.statSync(y).size - fs.statSync(x).size)[0]
    if (file) profile = topCosts(file)
  }

  if (values.json) process.stdout.write(JSON.stringify({ page: values.page, bytes: Buffer.byteLength(html), seconds: SECONDS, reps: REPS, summary, measurements, profile }, null, 2) + '\n')
  else {
    process.stdout.write(`\nanonymous GET /pages/${values.page} (${Buffer.byteLength(html)} bytes), median of ${REPS} runs of ${SECONDS} s\n`)
    process.stdout.write('path | app p50 c=1 | node:http p50 c=1 | latency × baseline | app req/s c=32 | node:http req/s c=32 | throughput ÷ baseline\n')
    for (const s of summary) {
      process.stdout.write(`${s.path} | ${s.app.p50.toFixed(3)} ms | ${s.baseline.p50.toFixed(3)} ms | ${s.latencyRatio.toFixed(1)} | ${Math.round(s.app.rps)} | ${Math.round(s.baseline.rps)} | ${s.throughputRatio.toFixed(3)}\n`)
    }
    if (profile) {
      process.stdout.write(`\ntop self time of the app under c=${CONNECTIONS} (${SECONDS} s):\n`)
      for (const p of profile) process.stdout.write(`${String(p.ms).padStart(6)} ms ${String(p.share).padStart(5)}%  ${p.frame}\n`)
    }
  }
}

try {
  await main()
} finally {
  await Promise.all(children.map(stop))
  fs.rmSync(work, { recursive: true, force: true })
}
