// BUILD_DIR=/tmp/build-i npm run build && ln -s "$PWD/node_modules" /tmp/build-i/node_modules
// BUILD_DIR=/tmp/build-i npx tsx scripts/bench/instances.ts [--duration 10] [--reps 2] [--workers 1]
//        [--staleness 20] [--poll-ms 10] [--page SLUG] [--nginx-workers 1] [--anonymous-mix]
//        [--skip-signed-in] [--skip-loaded-staleness] [--json]
//
// Issue 17, "Several instances": two instances of the built server on one PostgreSQL database
// behind nginx (Debian's package, /usr/sbin/nginx, started and stopped here), on loopback.
//   - Reads: requests per second at c=32 through nginx with an upstream of instance A only and with
//     an upstream of A and B (two server blocks of one nginx, each on its own port), measured back
//     to back, alternating which goes first; the ratio (A+B) ÷ (A only) per repetition, and the CPU
//     time per request of the app processes, their PostgreSQL backends, nginx, the load generator
//     (wrk when installed, else autocannon) and the whole machine. Loads: anonymous reads of --page (stored pages), optionally an anonymous mix
//     of page types (--anonymous-mix), and a signed-in mix (demo-editor; --skip-signed-in skips it).
//   - Staleness (decision 023: "a read that starts 1 s after a write commits sees it"): --staleness N
//     times each, a trusted editor's save through A read back on B, through B read back on A (both
//     directly), a save through the balancer read back through it until both instances show it,
//     and A→B again while wrk reads the page through the balancer at c=32 (--skip-loaded-staleness).
//     The reader has the page stored before each save and is read every --poll-ms while the save
//     is under way and after it; reported: from the save's response to the start of the first read
//     that shows the new text, and from the time in the new revision's id (a ULID made inside the
//     saving transaction, so before its commit) to that read — an upper bound of the staleness.
// The machine this runs on is shared and small: the load generator and nginx compete with the two
// instances for its cores, so the script reports where the CPU went, not only requests per second.
//
// Creates its own database (sourced_bench_instances_<pid>) on the PostgreSQL server at
// 127.0.0.1:5432 (user postgres) and drops only that one at the end, also on failure or Ctrl-C.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { decodeTime } from 'ulid'
import { variantWord } from './bench-document'
import {
  backgroundLoad, children, CONNECTIONS, cpuMs, demoPassword, freePort, idlePercent, loginCookie, machineCpuMs, median,
  ownAndReapedCpuMs, processTree, READER, start, stop, throughput, WRK, type Started,
} from './http-bench'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    reps: { type: 'string', default: '2' },
    workers: { type: 'string', default: '1' },
    staleness: { type: 'string', default: '20' },
    'poll-ms': { type: 'string', default: '10' },
    page: { type: 'string', default: 'microsoft-teams-vs-tchap' },
    'nginx-workers': { type: 'string', default: '1' },
    'anonymous-mix': { type: 'boolean', default: false },
    'skip-signed-in': { type: 'boolean', default: false },
    'skip-loaded-staleness': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
})
const BUILD_DIR = path.resolve(process.env.BUILD_DIR ?? 'build')
const SECONDS = Math.max(2, Number(values.duration))
const REPS = Math.max(1, Number(values.reps))
const WORKERS = Math.max(1, Number(values.workers))
const STALENESS_ROUNDS = Math.max(0, Number(values.staleness))
const POLL_MS = Math.max(0, Number(values['poll-ms']))
const NGINX_WORKERS = Math.max(1, Number(values['nginx-workers']))
const PAGE = values.page
/** Decision 023: a read that starts 1 s after a write commits sees it. */
const STATED_STALENESS_MS = 1000
/** A change not seen after this long counts as never seen (and fails the round). */
const GIVE_UP_MS = 10_000
const NGINX = '/usr/sbin/nginx'
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
const DATABASE = `sourced_bench_instances_${process.pid}`
const DATABASE_URL = `postgres://postgres@127.0.0.1:5432/${DATABASE}`
// Browsers ask for compressed pages; the app keeps brotli and gzip bytes of every stored page.
const BROWSER = { ...READER, 'accept-encoding': 'gzip, deflate, br' }

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-instances-bench-'))
// nginx's workers run as an unprivileged user and must reach their temp directories in here.
fs.chmodSync(work, 0o755)

function log(line: string) {
  process.stderr.write(line + '\n')
}

const LOADED_MODE = 'save on A, read on B, both under c=32 reads'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

// ---------------------------------------------------------------------------------------------
// The database: created here, dropped here, nothing else touched.

let databaseCreated = false

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

async function createDatabase(): Promise<void> {
  await admin((c) => c.query(`create database "${DATABASE}"`))
  databaseCreated = true
}

async function dropDatabase(): Promise<void> {
  if (!databaseCreated) return
  if (!/^sourced_bench_instances_\d+$/.test(DATABASE)) throw new Error(`refusing to drop "${DATABASE}"`)
  // WITH (FORCE) ends the sessions of this database only (a server that did not stop in time).
  await admin((c) => c.query(`drop database if exists "${DATABASE}" with (force)`))
  databaseCreated = false
}

/** The PostgreSQL backends serving this benchmark's database (both instances' pools and feeds). */
async function databaseBackends(): Promise<number[]> {
  return admin(async (c) => (await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [DATABASE])).rows.map((r) => r.pid))
}

let cleaning: Promise<void> | undefined
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(children.map(stop))
    await dropDatabase().catch((error: Error) => log(`could not drop ${DATABASE}: ${error.message} — drop it by hand`))
    fs.rmSync(work, { recursive: true, force: true })
  })()
  return cleaning
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping the servers and nginx, dropping ${DATABASE}…`)
    void cleanup().finally(() => process.exit(130))
  })
}

// ---------------------------------------------------------------------------------------------
// The two instances and the balancer.

interface Ports { onlyA: number; both: number; a: number; b: number }

async function startInstance(port: number, origin: string, backgroundJobs: boolean): Promise<Started> {
  return start([path.join(BUILD_DIR, 'server.js')], {
    PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, TRUST_PROXY: 'true', DATABASE_URL,
    NODE_ENV: 'production', LOG_LEVEL: 'silent', LINK_CHECKER: 'off', BUILD_DIR, WEB_CONCURRENCY: String(WORKERS),
    // Only the first instance runs the sweeper and the mailer (with several workers, the cluster
    // primary sets this for its own first worker, whatever it is given: see the notes printed).
    SOURCED_BACKGROUND_JOBS: backgroundJobs ? 'on' : 'off',
    // The staleness rounds save 3 × N times as one account; the default is 120 an hour.
    RATE_SAVE_USER: '100000/3600',
  }, '"msg":"listening"')
}

function nginxConfig(ports: Ports): string {
  const upstream = (name: string, servers: number[]) => `
  upstream ${name} {
    zone ${name} 64k;
${servers.map((port) => `    server 127.0.0.1:${port};`).join('\n')}
    keepalive 64;
    keepalive_requests 1000000;
  }`
  const server = (port: number, upstreamName: string) => `
  server {
    listen 127.0.0.1:${port};
    location / { proxy_pass http://${upstreamName}; }
  }`
  return `worker_processes ${NGINX_WORKERS};
daemon off;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${work}/nginx-body;
  proxy_temp_path ${work}/nginx-proxy;
  fastcgi_temp_path ${work}/nginx-fastcgi;
  uwsgi_temp_path ${work}/nginx-uwsgi;
  scgi_temp_path ${work}/nginx-scgi;
  keepalive_requests 1000000;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $http_host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_buffer_size 16k;
  proxy_buffers 16 16k;
  proxy_max_temp_file_size 0;
  # Which instance answered: the staleness rounds through the balancer read it.
  add_header X-Upstream $upstream_addr always;
${upstream('only_a', [ports.a])}
${upstream('a_and_b', [ports.a, ports.b])}
${server(ports.onlyA, 'only_a')}
${server(ports.both, 'a_and_b')}
}
`
}

async function startNginx(ports: Ports): Promise<{ pid: number; version: string }> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} is missing: install Debian's package (apt-get install -y nginx-light, or nginx)`)
  const conf = path.join(work, 'nginx.conf')
  fs.writeFileSync(conf, nginxConfig(ports))
  const args = ['-c', conf, '-p', work, '-e', path.join(work, 'nginx-error.log')]
  const checked = spawnSync(NGINX, ['-t', ...args])
  if (checked.status !== 0) throw new Error(`nginx -t: ${checked.stderr.toString()}`)
  const version = spawnSync(NGINX, ['-v']).stderr.toString().trim().replace(/^nginx version: /, '')
  const child = spawn(NGINX, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  children.push(child)
  let stderr = ''
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  const deadline = Date.now() + 10_000
  for (const port of [ports.onlyA, ports.both]) {
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not answer on ${port}: ${stderr}${fs.readFileSync(path.join(work, 'nginx-error.log'), 'utf8')}`)
      await sleep(100)
    }
  }
  return { pid: child.pid!, version }
}

// ---------------------------------------------------------------------------------------------
// Reads through the balancer: A only against A and B.

interface Load { name: string; headers: Record<string, string>; path: string; paths?: string[] }

interface ReadMeasurement {
  load: string
  upstream: 'A only' | 'A+B'
  rep: number
  idleBefore: number
  rps: number
  requests: number
  errors: number
  /** CPU time per request, µs: both instances' processes, this database's PostgreSQL backends, nginx's, the load generator's. */
  appUs: number
  postgresUs: number
  nginxUs: number
  generatorUs: number
  /** Busy CPU of the whole machine per request, µs, and as a share of all cores. */
  machineUs: number
  busyPercent: number
}

async function measureReads(load: Load, upstream: ReadMeasurement['upstream'], rep: number, ports: Ports, appPids: number[], nginxPids: number[]): Promise<ReadMeasurement> {
  const port = upstream === 'A only' ? ports.onlyA : ports.both
  const url = `http://127.0.0.1:${port}${load.path}`
  // Warm-up: JIT, pools, and the stored pages of whichever instances this upstream reaches.
  await throughput(url, load.headers, 3, appPids, { paths: load.paths })
  const idleBefore = await idlePercent()
  const postgresBefore = new Map((await databaseBackends()).map((pid) => [pid, cpuMs([pid])]))
  const [nginxBefore, generatorBefore, machineBefore] = [cpuMs(nginxPids), ownAndReapedCpuMs(), machineCpuMs()]
  const result = await throughput(url, load.headers, SECONDS, appPids, { paths: load.paths })
  const [nginxAfter, generatorAfter, machineAfter] = [cpuMs(nginxPids), ownAndReapedCpuMs(), machineCpuMs()]
  // Backends that opened during the run spent all their time in it; any that closed are not counted.
  const postgresMs = (await databaseBackends()).reduce((sum, pid) => sum + cpuMs([pid]) - (postgresBefore.get(pid) ?? 0), 0)
  const per = (ms: number) => (result.requests > 0 ? (1000 * ms) / result.requests : 0)
  return {
    load: load.name, upstream, rep, idleBefore, rps: result.rps, requests: result.requests, errors: result.errors,
    appUs: 1000 * result.cpuMsPerRequest, postgresUs: per(postgresMs), nginxUs: per(nginxAfter - nginxBefore), generatorUs: per(generatorAfter - generatorBefore),
    machineUs: per(machineAfter.busy - machineBefore.busy),
    busyPercent: Math.round((100 * (machineAfter.busy - machineBefore.busy)) / Math.max(1, machineAfter.total - machineBefore.total)),
  }
}

/** Every path of a load answers 200 through the balancer, and a signed-in one shows the account. */
async function checkLoad(base: string, load: Load, signedInAs?: string): Promise<void> {
  for (const p of load.paths ?? [load.path]) {
    const response = await fetch(base + p, { headers: load.headers })
    const text = await response.text()
    if (response.status !== 200) throw new Error(`${load.name}: ${p} answered ${response.status}`)
    if (signedInAs && !text.includes(signedInAs)) throw new Error(`${load.name}: ${p} is not a signed-in view for ${signedInAs}`)
  }
}

// ---------------------------------------------------------------------------------------------
// Staleness: a save on one instance, read back on the other.

interface PageRead { html: string; etag: string | null; upstream: string | null; ms: number }

async function readPage(base: string): Promise<PageRead> {
  const started = performance.now()
  const response = await fetch(`${base}/pages/${PAGE}`, { headers: BROWSER })
  const html = await response.text()
  if (response.status !== 200) throw new Error(`GET ${base}/pages/${PAGE} answered ${response.status}`)
  return { html, etag: response.headers.get('etag'), upstream: response.headers.get('x-upstream'), ms: performance.now() - started }
}

interface Revision { id: string; content: { body: { content?: unknown[] } } & Record<string, unknown> }

interface Probe {
  mode: string
  round: number
  /** The instance that took the save, and the one whose reads are timed. */
  writer: 'A' | 'B'
  reader: 'A' | 'B'
  saveMs: number
  /** From the save's response to the start of the first read on the reader that showed the new text. */
  delayMs: number
  /** Reads on the reader that started after the save's response and still showed the old page (its stored copy). */
  staleReads: number
  /** Reads on the reader while the save was under way, and how many of them already showed it. */
  readsDuringSave: number
  freshDuringSave: number
  /**
   * The start of the first read on the reader that showed the save (during or after it), from the
   * time in the new revision's id (a ULID made inside the saving transaction, so before the
   * commit): an upper bound on how long after the commit the reader still showed the old page.
   */
  visibleFromIdMs: number
  /** The start of the last read before it that did not show the save, from the same time. */
  lastStaleFromIdMs: number | null
  /** The reader's read just before the save (the stored page), and its first read showing the save. */
  storedReadMs: number
  freshReadMs: number
  etagChanged: boolean
  /** Through the balancer: when a read answered by the instance that took the save first showed it, from the response (poll order, not staleness). */
  writerDelayMs?: number
}

interface Saved { id: string; sent: number; answered: number; upstream: string | null }

/** Epoch milliseconds, sub-millisecond: comparable with the time in a ULID made on this machine. */
const wallNow = () => performance.timeOrigin + performance.now()
const idTime = (id: string) => decodeTime(id.toUpperCase())

class Editor {
  #base: Revision
  #latestId: string
  constructor(private readonly cookie: string, private readonly origin: string, base: Revision) {
    this.#base = base
    this.#latestId = base.id
  }

  /** Saves the page as first read plus one paragraph naming `marker`: every save the same size. */
  async save(base: string, marker: string, round: number): Promise<Saved> {
    const body = { ...this.#base.content.body, content: [...(this.#base.content.body.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: marker }] }] }
    const sent = performance.now()
    const response = await fetch(`${base}/api/v1/pages/${PAGE}/revisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, origin: this.origin },
      body: JSON.stringify({ baseRevisionId: this.#latestId, content: { ...this.#base.content, body }, summary: `benchmark: staleness probe ${variantWord(round)}` }),
    })
    // Answered once the whole answer is in: the commit came before its first byte.
    const text = await response.text()
    const answered = performance.now()
    if (response.status !== 201) throw new Error(`save through ${base} answered ${response.status}: ${text}`)
    const saved = (JSON.parse(text) as { revision: { id: string; status: string } }).revision
    if (saved.status !== 'approved') throw new Error(`the save was not published (status ${saved.status}): readers would never see it: ${text.slice(0, 1000)}`)
    this.#latestId = saved.id
    return { id: saved.id, sent, answered, upstream: response.headers.get('x-upstream') }
  }
}

/** A sentence no revision had before, in letters only: a digit would be an uncited figure, and send the save to review. */
const marker = (round: number) => `Staleness probe ${variantWord(round)} ${[...randomBytes(10)].map((n) => String.fromCharCode(97 + (n % 26))).join('')}.`

interface Sample { at: number; fresh: boolean }

/** The first read that showed the save, and the last before it that did not, from the revision's id time. */
function visibility(samples: Sample[], id: string): { visibleFromIdMs: number; lastStaleFromIdMs: number | null } {
  const first = samples.findIndex((x) => x.fresh)
  if (first === -1) return { visibleFromIdMs: Infinity, lastStaleFromIdMs: null }
  const stale = samples.slice(0, first).at(-1)
  return { visibleFromIdMs: samples[first]!.at - idTime(id), lastStaleFromIdMs: stale ? stale.at - idTime(id) : null }
}

/**
 * A save through the writer, read on the reader every POLL_MS while it is under way and then,
 * from its response on, until the reader shows it.
 */
async function directProbe(mode: string, round: number, editor: Editor, writer: { name: 'A' | 'B'; base: string }, reader: { name: 'A' | 'B'; base: string }): Promise<Probe> {
  // Stored on the reader: the first read stores the page (if the last round's reads had not), the second is served from it.
  await readPage(reader.base)
  const before = await readPage(reader.base)
  const text = marker(round)
  const saving = editor.save(writer.base, text, round)
  const settled = saving.then(() => {}, () => {})
  const samples: Sample[] = []
  let answered = false
  // While the save is under way (it is not awaited here, so no read waits for its response).
  const during = (async () => {
    while (!answered) {
      const at = wallNow()
      const read = await readPage(reader.base)
      samples.push({ at, fresh: read.html.includes(text) })
      await Promise.race([sleep(POLL_MS), settled])
    }
  })()
  let saved: Saved
  try {
    saved = await saving
  } finally {
    answered = true
  }
  const readsDuringSave = samples.length
  const freshDuringSave = samples.filter((x) => x.fresh).length
  let staleReads = 0
  let result: { delayMs: number; read: PageRead | null } = { delayMs: Infinity, read: null }
  for (;;) {
    const started = performance.now()
    const at = wallNow()
    const read = await readPage(reader.base)
    const fresh = read.html.includes(text)
    samples.push({ at, fresh })
    if (fresh) {
      result = { delayMs: started - saved.answered, read }
      break
    }
    staleReads++
    if (started - saved.answered > GIVE_UP_MS) break
    await sleep(POLL_MS)
  }
  await during
  samples.sort((x, y) => x.at - y.at)
  return {
    mode, round, writer: writer.name, reader: reader.name, saveMs: saved.answered - saved.sent,
    delayMs: result.delayMs, staleReads, readsDuringSave, freshDuringSave, ...visibility(samples, saved.id),
    storedReadMs: before.ms, freshReadMs: result.read?.ms ?? NaN, etagChanged: result.read !== null && result.read.etag !== before.etag,
  }
}

/**
 * A save through the balancer (steered to `want` by reading until the other instance has answered:
 * round robin), then reads through it until both instances show it; the delay is the other
 * instance's. No reads while the save is under way: they would move the round robin.
 */
async function balancerProbe(round: number, editor: Editor, base: string, nameOf: (upstream: string | null) => 'A' | 'B', want: 'A' | 'B'): Promise<Probe> {
  // Stored on both instances: two reads each.
  const before: Partial<Record<'A' | 'B', PageRead>> = {}
  for (let i = 0; i < 4; i++) {
    const read = await readPage(base)
    before[nameOf(read.upstream)] = read
  }
  for (let i = 0; i < 4; i++) {
    const read = await readPage(base)
    before[nameOf(read.upstream)] = read
    if (nameOf(read.upstream) !== want) break
  }
  const text = marker(round)
  const saved = await editor.save(base, text, round)
  const writer = nameOf(saved.upstream)
  const reader = writer === 'A' ? 'B' : 'A'
  const seen: Partial<Record<'A' | 'B', { delayMs: number; read: PageRead }>> = {}
  const samples: Sample[] = []
  let staleReads = 0
  for (;;) {
    const started = performance.now()
    const at = wallNow()
    const read = await readPage(base)
    const by = nameOf(read.upstream)
    const fresh = read.html.includes(text)
    if (by === reader) samples.push({ at, fresh })
    if (fresh) seen[by] ??= { delayMs: started - saved.answered, read }
    else staleReads++
    if (seen.A && seen.B) break
    if (started - saved.answered > GIVE_UP_MS) break
    await sleep(POLL_MS)
  }
  const other = seen[reader]
  return {
    mode: 'through the balancer', round, writer, reader, saveMs: saved.answered - saved.sent,
    delayMs: other?.delayMs ?? Infinity, staleReads, readsDuringSave: 0, freshDuringSave: 0, ...visibility(samples, saved.id),
    storedReadMs: before[reader]?.ms ?? NaN, freshReadMs: other?.read.ms ?? NaN,
    etagChanged: other !== undefined && other.read.etag !== before[reader]?.etag,
    writerDelayMs: seen[writer]?.delayMs ?? Infinity,
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.max(0, Math.ceil(q * s.length) - 1)]!
}

function stalenessSummary(probes: Probe[]) {
  const delays = probes.map((p) => p.delayMs)
  return {
    mode: probes[0]!.mode,
    rounds: probes.length,
    writers: `${probes.filter((p) => p.writer === 'A').length} on A, ${probes.filter((p) => p.writer === 'B').length} on B`,
    minMs: Math.min(...delays), medianMs: median(delays), p95Ms: quantile(delays, 0.95), maxMs: Math.max(...delays),
    /** Upper bounds of the staleness after the commit (see Probe.visibleFromIdMs). */
    visibleFromIdMedianMs: median(probes.map((p) => p.visibleFromIdMs)),
    visibleFromIdMaxMs: Math.max(...probes.map((p) => p.visibleFromIdMs)),
    withinBound: probes.filter((p) => p.visibleFromIdMs <= STATED_STALENESS_MS).length,
    readsDuringSave: probes.reduce((n, p) => n + p.readsDuringSave, 0),
    roundsSeenBeforeResponse: probes.filter((p) => p.freshDuringSave > 0).length,
    staleReads: probes.reduce((n, p) => n + p.staleReads, 0),
    roundsWithStaleReads: probes.filter((p) => p.staleReads > 0).length,
    storedReadMedianMs: median(probes.map((p) => p.storedReadMs)),
    freshReadMedianMs: median(probes.map((p) => p.freshReadMs)),
    etagChangedEvery: probes.every((p) => p.etagChanged),
    medianSaveMs: median(probes.map((p) => p.saveMs)),
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(BUILD_DIR, 'server.js'))) throw new Error(`no build in ${BUILD_DIR}: BUILD_DIR=${BUILD_DIR} npm run build first`)
  if (!fs.existsSync(path.join(BUILD_DIR, 'node_modules')) && !fs.existsSync(path.join(path.dirname(BUILD_DIR), 'node_modules'))) {
    throw new Error(`${BUILD_DIR} has no node_modules next to it: ln -s "${process.cwd()}/node_modules" ${BUILD_DIR}/node_modules`)
  }
  const loadBefore = os.loadavg()
  log(`load average before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')} on ${os.availableParallelism()} cores`)

  const ports: Ports = { onlyA: await freePort(), both: await freePort(), a: await freePort(), b: await freePort() }
  // The public origin is the balancer's (the A+B server block): forms and API writes send it.
  const origin = `http://127.0.0.1:${ports.both}`
  await createDatabase()
  log(`database ${DATABASE} created; starting instance A on ${ports.a} (migrates, seeds, background jobs)…`)
  const a = await startInstance(ports.a, origin, true)
  log(`starting instance B on ${ports.b} (background jobs off)…`)
  const b = await startInstance(ports.b, origin, false)
  const nginx = await startNginx(ports)
  const baseA = `http://127.0.0.1:${ports.a}`
  const baseB = `http://127.0.0.1:${ports.b}`
  const nameOf = (upstream: string | null): 'A' | 'B' => {
    if (upstream === `127.0.0.1:${ports.a}`) return 'A'
    if (upstream === `127.0.0.1:${ports.b}`) return 'B'
    throw new Error(`an answer through the balancer names no known instance: ${upstream}`)
  }
  const notes: string[] = []
  if (WORKERS > 1) notes.push(`with WEB_CONCURRENCY=${WORKERS}, instance B's cluster primary starts its first worker with SOURCED_BACKGROUND_JOBS=on whatever B was given (server/cluster.ts), so both instances run the background jobs (which are written to run on several instances at once)`)
  log(`nginx ${nginx.version} (worker_processes ${NGINX_WORKERS}) on ${ports.onlyA} (upstream A) and ${ports.both} (upstream A, B); load from ${WRK ? 'wrk -t2' : 'autocannon'} at c=${CONNECTIONS}`)

  // The loads.
  const slugs = ((await (await fetch(`${baseA}/api/v1/pages`)).json()) as { pages: Array<{ slug: string }> }).pages.map((p) => p.slug)
  const loads: Load[] = [{ name: `anonymous /pages/${PAGE}`, headers: BROWSER, path: `/pages/${PAGE}` }]
  if (values['anonymous-mix']) {
    const paths = ['/', '/pages', '/sources', '/search?q=open', `/pages/${PAGE}/history`, ...slugs.flatMap((s) => [`/pages/${s}`, `/pages/${s}/sources`, `/api/v1/pages/${s}`])]
    loads.push({ name: `anonymous mix (${paths.length} paths)`, headers: BROWSER, path: paths[0]!, paths })
  }
  if (!values['skip-signed-in']) {
    const cookie = await loginCookie(origin, 'demo-editor', demoPassword(a.output(), 'demo-editor'))
    const paths = ['/', '/pages', `/pages/${PAGE}/history`, ...slugs.map((s) => `/pages/${s}`)]
    loads.push({ name: `signed-in mix (demo-editor, ${paths.length} paths)`, headers: { ...BROWSER, cookie }, path: paths[0]!, paths })
  }
  for (const load of loads) await checkLoad(origin, load, load.headers.cookie ? 'demo-editor' : undefined)

  const appPids = () => [...processTree(a.child.pid!), ...processTree(b.child.pid!)]
  const nginxPids = processTree(nginx.pid)
  const reads: ReadMeasurement[] = []
  for (let rep = 1; rep <= REPS; rep++) {
    for (const load of loads) {
      const order = rep % 2 ? (['A only', 'A+B'] as const) : (['A+B', 'A only'] as const)
      for (const upstream of order) {
        const m = await measureReads(load, upstream, rep, ports, appPids(), nginxPids)
        reads.push(m)
        log(`${load.name}, ${upstream.padEnd(6)} rep ${rep}: ${Math.round(m.rps)} req/s; CPU/request app ${m.appUs.toFixed(0)} µs, PostgreSQL ${m.postgresUs.toFixed(0)} µs, nginx ${m.nginxUs.toFixed(0)} µs, ${WRK ? 'wrk' : 'autocannon'} ${m.generatorUs.toFixed(0)} µs, whole machine ${m.machineUs.toFixed(0)} µs (busy ${m.busyPercent}%, idle before ${m.idleBefore}%, errors ${m.errors})`)
      }
    }
  }
  const readSummary = loads.map((load) => {
    const of = (upstream: ReadMeasurement['upstream']) => reads.filter((m) => m.load === load.name && m.upstream === upstream)
    const [one, two] = [of('A only'), of('A+B')]
    const med = (ms: ReadMeasurement[], f: (m: ReadMeasurement) => number) => median(ms.map(f))
    return {
      load: load.name,
      onlyARps: med(one, (m) => m.rps), bothRps: med(two, (m) => m.rps),
      // Per repetition (each pair back to back), then the median.
      ratio: median(one.map((m, i) => two[i]!.rps / (m.rps || 1))),
      ratios: one.map((m, i) => two[i]!.rps / (m.rps || 1)),
      appUs: [med(one, (m) => m.appUs), med(two, (m) => m.appUs)],
      /** Cores the two instances kept busy: at most 1 with A alone (WEB_CONCURRENCY=1). */
      appCores: [med(one, (m) => (m.appUs * m.rps) / 1e6), med(two, (m) => (m.appUs * m.rps) / 1e6)],
      postgresUs: [med(one, (m) => m.postgresUs), med(two, (m) => m.postgresUs)],
      nginxUs: [med(one, (m) => m.nginxUs), med(two, (m) => m.nginxUs)],
      generatorUs: [med(one, (m) => m.generatorUs), med(two, (m) => m.generatorUs)],
      machineUs: [med(one, (m) => m.machineUs), med(two, (m) => m.machineUs)],
      busyPercent: [med(one, (m) => m.busyPercent), med(two, (m) => m.busyPercent)],
      idleBefore: [...one, ...two].map((m) => m.idleBefore),
      errors: [...one, ...two].reduce((n, m) => n + m.errors, 0),
    }
  })

  // Staleness.
  const probes: Probe[] = []
  let backgroundResult: { requests: number; errors: number } | null = null
  if (STALENESS_ROUNDS > 0) {
    const current = (await (await fetch(`${baseA}/api/v1/pages/${PAGE}`)).json()) as { revision: Revision; latestRevision?: Revision }
    const latest = current.latestRevision ?? current.revision
    if (latest.id !== current.revision.id) throw new Error(`${PAGE} has a pending revision: a trusted editor's save would not be published`)
    // Signed in directly on A (sessions are in the database, so the cookie works on B and through nginx).
    const editor = new Editor(await loginCookie(baseA, 'demo-trusted', demoPassword(a.output(), 'demo-trusted'), origin), origin, latest)
    const A = { name: 'A' as const, base: baseA }
    const B = { name: 'B' as const, base: baseB }
    let round = 0
    log(`staleness: ${STALENESS_ROUNDS} saves each A→B, B→A and through the balancer; reads every ${POLL_MS} ms`)
    for (let i = 0; i < STALENESS_ROUNDS; i++) probes.push(await directProbe('save on A, read on B', ++round, editor, A, B))
    for (let i = 0; i < STALENESS_ROUNDS; i++) probes.push(await directProbe('save on B, read on A', ++round, editor, B, A))
    for (let i = 0; i < STALENESS_ROUNDS; i++) probes.push(await balancerProbe(++round, editor, origin, nameOf, i % 2 ? 'B' : 'A'))
    if (!values['skip-loaded-staleness']) {
      // The same with both instances busy: anonymous reads of the page through the balancer at c=32.
      log('staleness under load: the same A→B saves while wrk reads the page through the balancer at c=32')
      const background = backgroundLoad(`${origin}/pages/${PAGE}`, BROWSER)
      await sleep(1000)
      for (let i = 0; i < STALENESS_ROUNDS; i++) probes.push(await directProbe(LOADED_MODE, ++round, editor, A, B))
      backgroundResult = await background.stop()
      notes.push(`under load: the background reads got ${backgroundResult.requests} answers (${backgroundResult.errors} errors) while the saves went on`)
    }
  }
  const modes = [...new Set(probes.map((p) => p.mode))]
  const stalenessRows = modes.map((mode) => stalenessSummary(probes.filter((p) => p.mode === mode)))
  const loadAfter = os.loadavg()

  const meta = {
    date: new Date().toISOString(), cores: os.availableParallelism(), loadAverageBefore: loadBefore, loadAverageAfter: loadAfter,
    nginx: nginx.version, nginxWorkers: NGINX_WORKERS, workersPerInstance: WORKERS, loadGenerator: WRK ? 'wrk -t2' : 'autocannon',
    connections: CONNECTIONS, seconds: SECONDS, reps: REPS, pollMs: POLL_MS, statedStalenessMs: STATED_STALENESS_MS, page: PAGE, notes,
  }
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...meta, reads: readSummary, readMeasurements: reads, staleness: stalenessRows, backgroundLoad: backgroundResult, probes }, (_k, v: unknown) => (v === Infinity ? null : v), 2) + '\n')
    return
  }
  const out = (line: string) => process.stdout.write(line + '\n')
  const us = (pair: number[]) => pair.map((v) => `${v.toFixed(0)}`).join(' → ') + ' µs'
  out(`\nTwo instances (WEB_CONCURRENCY=${WORKERS} each) on one PostgreSQL behind nginx ${nginx.version} (worker_processes ${NGINX_WORKERS}), ${meta.cores} cores;`)
  out(`load from ${meta.loadGenerator} at c=${CONNECTIONS}, ${REPS} × ${SECONDS} s per upstream, alternating which goes first; load average ${loadBefore.map((l) => l.toFixed(2)).join(', ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(', ')} after`)
  out('\nmedians; each pair A only → A+B')
  out('load | A only req/s | A+B req/s | A+B ÷ A only (per rep) | app cores busy | CPU/request: app | PostgreSQL | nginx | load generator | whole machine | machine busy | idle before | errors')
  for (const s of readSummary) {
    out(`${s.load} | ${Math.round(s.onlyARps)} | ${Math.round(s.bothRps)} | **${s.ratio.toFixed(2)}** (${s.ratios.map((r) => r.toFixed(2)).join(', ')}) | ${s.appCores.map((c) => c.toFixed(2)).join(' → ')} | ${us(s.appUs)} | ${us(s.postgresUs)} | ${us(s.nginxUs)} | ${us(s.generatorUs)} | ${us(s.machineUs)} | ${s.busyPercent.join(' → ')}% | ${s.idleBefore.join(', ')}% | ${s.errors}`)
  }
  out(`"app cores busy": CPU time of both instances' processes per second (one process can exceed 1: GC and compression threads); "whole machine": all busy CPU time on the machine per request — the columns before it, the kernel's network work, and whatever else runs here`)
  if (stalenessRows.length > 0) {
    out(`\nStaleness (stated: a read that starts ${STATED_STALENESS_MS} ms after a write commits sees it, decision 023). "after the response": from the save's response to the start of the first read on the other instance that showed it (reads every ${POLL_MS} ms); "after the id": from the time in the new revision's id (made in the saving transaction, before its commit) to the start of the first read that showed it, during the save or after — an upper bound of the staleness after the commit`)
    out('mode | saves | after the response: min | median | p95 | max | after the id: median | max | within 1 s | rounds seen before the response (reads during the saves) | reads after the response still showing the old page (rounds) | stored read before → first fresh read (median) | ETag changed | save (median)')
    for (const s of stalenessRows) {
      const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'never')
      const during = s.mode === 'through the balancer' ? '– (no reads during the save)' : `${s.roundsSeenBeforeResponse}/${s.rounds} (${s.readsDuringSave})`
      out(`${s.mode} | ${s.rounds} (${s.writers}) | ${ms(s.minMs)} | ${ms(s.medianMs)} | ${ms(s.p95Ms)} | ${ms(s.maxMs)} | ${ms(s.visibleFromIdMedianMs)} | ${ms(s.visibleFromIdMaxMs)} | ${s.withinBound}/${s.rounds} | ${during} | ${s.staleReads} (${s.roundsWithStaleReads}) | ${ms(s.storedReadMedianMs)} → ${ms(s.freshReadMedianMs)} | ${s.etagChangedEvery ? 'every time' : 'NOT every time'} | ${ms(s.medianSaveMs)}`)
    }
    out('through the balancer, "still showing the old page" counts the reads of both instances')
  }
  for (const note of notes) out(`\nnote: ${note}`)
}

try {
  await main()
} finally {
  await cleanup()
}
