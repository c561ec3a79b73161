// BUILD_DIR=/tmp/build-x npx tsx scripts/bench/serve.ts [--build] [--duration 10] [--reps 2]
//        [--page SLUG] [--workers N] [--mixed SECONDS] [--profile] [--json]
//
// Anonymous reads of a demo page from the built server against bare node:http serving the same
// bytes (scripts/bench/baseline-server.mjs), measured in the same run, alternating, on loopback:
//   - one process each (WEB_CONCURRENCY=1 against one node:http process): p50 latency at
//     concurrency 1 (one keep-alive connection), and under concurrency 32 the requests per second
//     and the CPU time the server's processes spent per request,
//   - all workers (WEB_CONCURRENCY=N, default the number of cores) against node:http with as many
//     processes: requests per second at concurrency 32,
// for a full 200 and for the 304 a client with the ETag gets. Load comes from wrk when installed
// (apt-get install wrk; what the peers run used), else autocannon. Reports ratios to the baseline;
// absolute figures on a shared 2-core machine are noise (docs/performance.md).
// --mixed SECONDS then puts the all-workers server under mixed load (anonymous reads of every
// page type, signed-in page views, a trusted editor's save every few seconds) and samples the
// resident memory of all its processes every second.
// --profile then runs the one-process app under --cpu-prof at c=32 and prints the top costs.
// --mediawiki URL then compares a signed-in page view (a trusted editor, all workers) of a
// comparison enlarged to --signed-in-bytes (default 95,000) with MediaWiki's logged-in view of its
// page at URL, alternating, at c=32 (issue 17). --peers DIR starts MediaWiki's php-fpm and nginx
// as set up by ../shared/bench/peers/peer-setup.sh in DIR (else they must be running); the account
// is --mediawiki-user / --mediawiki-password (the peers' defaults). --skip-anonymous skips the rest.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { children, CONNECTIONS, demoPassword, freePort, idlePercent, loginCookie, median, processTree, READER, start, stop, throughput, WRK, type Started } from './http-bench'

const { values } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    reps: { type: 'string', default: '2' },
    page: { type: 'string', default: 'microsoft-teams-vs-tchap' },
    workers: { type: 'string', default: String(os.availableParallelism()) },
    mixed: { type: 'string', default: '0' },
    profile: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    mediawiki: { type: 'string' },
    peers: { type: 'string' },
    'mediawiki-user': { type: 'string', default: 'Admin' },
    'mediawiki-password': { type: 'string', default: 'bench-admin-pass-2024' },
    'signed-in-bytes': { type: 'string', default: '95000' },
    'skip-anonymous': { type: 'boolean', default: false },
  },
})
const BUILD_DIR = path.resolve(process.env.BUILD_DIR ?? 'build')
const SECONDS = Math.max(2, Number(values.duration))
const REPS = Math.max(1, Number(values.reps))
const WORKERS = Math.max(1, Number(values.workers))
const MIXED_SECONDS = Math.max(0, Number(values.mixed))
const here = path.dirname(new URL(import.meta.url).pathname)
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-serve-bench-'))

function log(line: string) {
  process.stderr.write(line + '\n')
}

async function startApp(port: number, database: string, workers: number, extraArgs: string[] = []): Promise<Started> {
  return start([...extraArgs, path.join(BUILD_DIR, 'server.js')], {
    PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, DATABASE_URL: database,
    NODE_ENV: 'production', LOG_LEVEL: 'silent', LINK_CHECKER: 'off', BUILD_DIR, WEB_CONCURRENCY: String(workers),
  }, '"msg":"listening"')
}

/** Resident memory (bytes) of each process of a tree. */
function rssBytes(pids: number[]): number[] {
  return pids.map((pid) => {
    try {
      return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024
    } catch {
      return 0
    }
  })
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

interface Measurement {
  target: string
  path: '200' | '304'
  rep: number
  idleBefore: number
  p50: number | null
  rps: number
  cpuMsPerRequest: number
  errors: number
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

/**
 * Mixed load on the all-workers server for `seconds`: 24 clients, each request drawn at random —
 * mostly anonymous reads of every page type (cached and not), a quarter signed-in page views —
 * and a trusted editor's save every 3 s, which retires every stored page. Samples the resident
 * memory of every process of the server each second.
 */
async function mixedLoad(base: string, pid: number, seconds: number, cookie: string): Promise<{ requests: number; saves: number; errors: number; peakTotal: number; peakProcess: number; endTotal: number; samples: number[] }> {
  const pages = ((await (await fetch(`${base}/api/v1/pages`)).json()) as { pages: Array<{ slug: string }> }).pages.map((p) => p.slug)
  const anonymous = [
    '/', '/pages', '/sources', '/search?q=open', '/search?q=users', '/recent',
    ...pages.flatMap((slug) => [`/pages/${slug}`, `/pages/${slug}`, `/pages/${slug}/history`, `/pages/${slug}/sources`, `/api/v1/pages/${slug}`]),
  ]
  const signedIn = pages.map((slug) => `/pages/${slug}`)
  const end = Date.now() + seconds * 1000
  let requests = 0
  let errors = 0
  let saves = 0
  const samples: number[] = []
  let peakProcess = 0
  const sampler = setInterval(() => {
    const each = rssBytes(processTree(pid))
    peakProcess = Math.max(peakProcess, ...each)
    samples.push(each.reduce((a, b) => a + b, 0))
  }, 1000)
  const client = async () => {
    while (Date.now() < end) {
      const asMember = Math.random() < 0.25
      const list = asMember ? signedIn : anonymous
      const target = list[Math.floor(Math.random() * list.length)]!
      const language = ['en', 'de', 'fr'][Math.floor(Math.random() * 3)]!
      const response = await fetch(base + target, { headers: { ...READER, 'accept-encoding': 'br, gzip', 'accept-language': language, ...(asMember ? { cookie } : {}) } }).catch(() => null)
      if (!response || response.status >= 500) errors++
      await response?.arrayBuffer().catch(() => errors++)
      requests++
    }
  }
  const editor = async () => {
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, 3000))
      const slug = pages[saves % pages.length]!
      const current = (await (await fetch(`${base}/api/v1/pages/${slug}`, { headers: { cookie } })).json()) as { revision: { id: string; content: { body: { content?: unknown[] } } } }
      const content = current.revision.content
      const body = { ...content.body, content: [...(content.body.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: `Benchmark paragraph ${saves}.` }] }] }
      const saved = await fetch(`${base}/api/v1/pages/${slug}/revisions`, {
        method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: base },
        body: JSON.stringify({ baseRevisionId: current.revision.id, content: { ...content, body }, summary: 'benchmark' }),
      })
      if (saved.status === 201) saves++
      else errors++
    }
  }
  await Promise.all([...Array.from({ length: 24 }, client), editor()])
  clearInterval(sampler)
  return { requests, saves, errors, peakTotal: Math.max(...samples), peakProcess, endTotal: samples.at(-1) ?? 0, samples }
}

/**
 * A signed-in trusted editor's view of a comparison of about `--signed-in-bytes`, against
 * MediaWiki's logged-in view of its page: requests per second at c=32, alternating which goes
 * first. The comparison is the demo page enlarged with plain paragraphs (no numbers, so it stays
 * publishable), saved through the API; both views are checked to be signed in before measuring.
 */
async function signedInAgainstMediaWiki(base: string, pid: number, password: string, mediawikiUrl: string) {
  if (values.peers) await startPeers(values.peers, mediawikiUrl)
  const mediawikiCookie = await mediawikiLogin(mediawikiUrl, values['mediawiki-user'], values['mediawiki-password'])
  const cookie = await loginCookie(base, 'demo-trusted', password)
  const pagePath = await enlargedPage(base, cookie, values.page, Number(values['signed-in-bytes']))
  const appUrl = base + pagePath
  const signedInAs = async (url: string, headers: Record<string, string>, name: string) => {
    const response = await fetch(url, { headers })
    const text = await response.text()
    if (response.status !== 200 || !text.includes(name)) throw new Error(`${url} is not a signed-in view for ${name} (${response.status})`)
    return Buffer.byteLength(text)
  }
  const appHeaders = { ...READER, cookie }
  const mediawikiHeaders = { ...READER, cookie: mediawikiCookie }
  const appBytes = await signedInAs(appUrl, appHeaders, 'demo-trusted')
  const mediawikiBytes = await signedInAs(mediawikiUrl, mediawikiHeaders, values['mediawiki-user'])
  const mediawikiPids = [...new Set(spawnSync('pgrep', ['-f', 'php-fpm|nginx']).stdout.toString().split('\n').filter(Boolean).map(Number))]
  const reps: Array<{ rep: number; app: number; mediawiki: number; cpuMs: number[]; idle: number[]; errors: number[] }> = []
  for (let rep = 1; rep <= REPS; rep++) {
    const run = async (which: 'app' | 'mediawiki') => {
      const [url, headers, pids] = which === 'app' ? [appUrl, appHeaders, processTree(pid)] as const : [mediawikiUrl, mediawikiHeaders, mediawikiPids] as const
      await throughput(url, headers, 3, pids)
      const idle = await idlePercent()
      const load = await throughput(url, headers, SECONDS, pids)
      return { rps: load.rps, idle, errors: load.errors, cpuMs: load.cpuMsPerRequest }
    }
    const order = rep % 2 ? (['app', 'mediawiki'] as const) : (['mediawiki', 'app'] as const)
    const results: Record<string, { rps: number; idle: number; errors: number; cpuMs: number }> = {}
    for (const which of order) results[which] = await run(which)
    const [app, mediawiki] = [results.app!, results.mediawiki!]
    reps.push({ rep, app: app.rps, mediawiki: mediawiki.rps, cpuMs: [app.cpuMs, mediawiki.cpuMs], idle: [app.idle, mediawiki.idle], errors: [app.errors, mediawiki.errors] })
    log(`signed-in rep ${rep}: app ${Math.round(app.rps)} req/s, ${app.cpuMs.toFixed(3)} ms CPU/request; MediaWiki ${Math.round(mediawiki.rps)} req/s, ${mediawiki.cpuMs.toFixed(3)} ms CPU/request (idle before ${app.idle}%, ${mediawiki.idle}%; errors ${app.errors}, ${mediawiki.errors})`)
  }
  return { appBytes, mediawikiBytes, reps, ratio: median(reps.map((r) => r.app / r.mediawiki)), cpuRatio: median(reps.map((r) => r.cpuMs[1]! / r.cpuMs[0]!)) }
}

/** MediaWiki's php-fpm and nginx as peer-setup.sh configured them in `dir`; stopped at the end. */
async function startPeers(dir: string, url: string): Promise<void> {
  for (const [command, args] of [['php-fpm8.2', ['-F', '-y', `${dir}/php-fpm.conf`]], ['nginx', ['-c', `${dir}/nginx.conf`]]] as const) {
    const child = spawn(command, [...args], { stdio: 'ignore' })
    children.push(child)
  }
  const deadline = Date.now() + 20_000
  while (!(await fetch(url).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`MediaWiki did not answer at ${url}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Logs in through MediaWiki's action API (clientlogin) and returns the Cookie header. */
async function mediawikiLogin(pageUrl: string, user: string, password: string): Promise<string> {
  const api = new URL('/api.php', pageUrl).toString()
  const jar = new Map<string, string>()
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const [name, value] = pair!.split('=')
      if (value && value !== 'deleted') jar.set(name!, value)
    }
  }
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const tokens = await fetch(`${api}?action=query&meta=tokens&type=login&format=json`)
  keep(tokens)
  const token = ((await tokens.json()) as { query: { tokens: { logintoken: string } } }).query.tokens.logintoken
  const login = await fetch(api, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
    body: new URLSearchParams({ action: 'clientlogin', username: user, password, logintoken: token, loginreturnurl: pageUrl, format: 'json' }),
  })
  keep(login)
  const status = ((await login.json()) as { clientlogin?: { status: string } }).clientlogin?.status
  if (status !== 'PASS') throw new Error(`MediaWiki login as ${user}: ${status ?? 'no answer'}`)
  return header()
}

/** Saves `slug`'s newest revision with plain paragraphs appended until its page is about `bytes`. */
async function enlargedPage(base: string, cookie: string, slug: string, bytes: number): Promise<string> {
  const pagePath = `/pages/${slug}`
  // As a browser would, the next read carries the cookie the save set (sourced_wrote): without it
  // the read may come from a worker the change feed has not told yet, and the page grew twice.
  let wrote = ''
  const size = async () => Buffer.byteLength(await (await fetch(base + pagePath, { headers: { ...READER, cookie: cookie + wrote } })).text())
  const paragraph = 'The administration compared hosting, directory integration, archive migration and staff training before it set a timetable for the switch, and it published what it learned for other public bodies.'
  for (let attempt = 0; attempt < 5; attempt++) {
    const missing = bytes - (await size())
    if (missing < bytes * 0.02) return pagePath
    const current = (await (await fetch(`${base}/api/v1/pages/${slug}`, { headers: { cookie } })).json()) as { latestRevision?: { id: string }; revision: { id: string; content: { body: { content?: unknown[] } } } }
    const content = current.revision.content
    const extra = Array.from({ length: Math.max(1, Math.ceil(missing / (paragraph.length + 7))) }, () => ({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] }))
    const saved = await fetch(`${base}/api/v1/pages/${slug}/revisions`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: base },
      body: JSON.stringify({ baseRevisionId: current.latestRevision?.id ?? current.revision.id, content: { ...content, body: { ...content.body, content: [...(content.body.content ?? []), ...extra] } }, summary: 'benchmark: enlarged' }),
    })
    if (saved.status !== 201) throw new Error(`enlarging ${slug} answered ${saved.status}: ${await saved.text()}`)
    wrote = saved.headers.getSetCookie().map((c) => `; ${c.split(';')[0]}`).join('')
  }
  return pagePath
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

async function main() {
  if (values.build) {
    log(`building into ${BUILD_DIR}…`)
    const built = spawnSync('npm', ['run', 'build', '--silent'], { env: { ...process.env, BUILD_DIR }, stdio: 'inherit' })
    if (built.status !== 0) throw new Error('npm run build failed')
  }
  if (!fs.existsSync(path.join(BUILD_DIR, 'server.js'))) throw new Error(`no build in ${BUILD_DIR}: run with --build, or BUILD_DIR=… npm run build`)

  const database = path.join(work, 'bench.sqlite')
  const oneProcessPort = await freePort()
  // The first start migrates and seeds the database, and prints the demo accounts.
  const oneProcess = await startApp(oneProcessPort, database, 1)
  const allWorkersPort = await freePort()
  const allWorkers = await startApp(allWorkersPort, database, WORKERS)
  const pagePath = `/pages/${values.page}`
  const first = await fetch(`http://127.0.0.1:${oneProcessPort}${pagePath}`, { headers: READER })
  if (first.status !== 200) throw new Error(`${pagePath} answered ${first.status}`)
  const etag = first.headers.get('etag')
  if (!etag) throw new Error('the page carries no ETag')
  const html = Buffer.from(await first.arrayBuffer())
  fs.writeFileSync(path.join(work, 'page.html'), html)
  const [basePort, baseAllPort] = [await freePort(), await freePort()]
  const base = await start([path.join(here, 'baseline-server.mjs'), path.join(work, 'page.html'), String(basePort), etag, '1'], {}, 'listening')
  const baseAll = await start([path.join(here, 'baseline-server.mjs'), path.join(work, 'page.html'), String(baseAllPort), etag, String(WORKERS)], {}, 'listening')
  log(`page ${values.page}: ${html.length} bytes; ${REPS} × ${SECONDS} s per measurement, alternating app and node:http; load from ${WRK ? 'wrk' : 'autocannon'}; ${WORKERS} workers`)

  const targets: Record<string, { url: string; pid: number; latency: boolean }> = {
    app: { url: `http://127.0.0.1:${oneProcessPort}${pagePath}`, pid: oneProcess.child.pid!, latency: true },
    'node:http': { url: `http://127.0.0.1:${basePort}/`, pid: base.child.pid!, latency: true },
    [`app ×${WORKERS}`]: { url: `http://127.0.0.1:${allWorkersPort}${pagePath}`, pid: allWorkers.child.pid!, latency: false },
    [`node:http ×${WORKERS}`]: { url: `http://127.0.0.1:${baseAllPort}/`, pid: baseAll.child.pid!, latency: false },
  }
  const pairs: Array<{ kind: '200' | '304'; pair: [string, string] }> = values['skip-anonymous'] ? [] : [
    { kind: '200', pair: ['app', 'node:http'] },
    { kind: '200', pair: [`app ×${WORKERS}`, `node:http ×${WORKERS}`] },
    { kind: '304', pair: ['app', 'node:http'] },
  ]
  const measurements: Measurement[] = []
  for (let rep = 1; rep <= REPS; rep++) {
    for (const { kind, pair } of pairs) {
      const order = rep % 2 ? pair : ([pair[1], pair[0]] as const)
      for (const name of order) {
        const target = targets[name]!
        const headers: Record<string, string> = kind === '304' ? { ...READER, 'if-none-match': etag } : READER
        const pids = processTree(target.pid)
        // Warm-up: JIT, connection pools, the caches — of every worker, each of which warms alone.
        await throughput(target.url, headers, 3, pids)
        const idleBefore = await idlePercent()
        const latency = target.latency ? await latencyProbe(target.url, headers, SECONDS) : null
        if (latency && String(latency.status) !== kind) throw new Error(`${name} answered ${latency.status}, expected ${kind}`)
        const load = await throughput(target.url, headers, SECONDS, pids)
        measurements.push({ target: name, path: kind, rep, idleBefore, p50: latency?.p50 ?? null, rps: load.rps, cpuMsPerRequest: load.cpuMsPerRequest, errors: load.errors })
        log(`${kind} ${name.padEnd(13)} rep ${rep}: ${latency ? `p50 ${latency.p50.toFixed(3)} ms, ` : ''}${Math.round(load.rps)} req/s c=${CONNECTIONS}, CPU ${(load.cpuMsPerRequest * 1000).toFixed(0)} µs/request (idle before ${idleBefore}%, errors ${load.errors})`)
      }
    }
  }

  const summary = pairs.map(({ kind, pair: [app, baseline] }) => {
    const of = (target: string) => measurements.filter((m) => m.path === kind && m.target === target)
    const [a, b] = [of(app), of(baseline)]
    // Per repetition, then the median: each pair was measured back to back.
    const ratio = (f: (m: Measurement) => number | null) => median(a.map((m, i) => (f(m) ?? 0) / (f(b[i]!) || 1)))
    return {
      path: kind, app, baseline,
      appP50: a[0]!.p50 === null ? null : median(a.map((m) => m.p50!)), baselineP50: b[0]!.p50 === null ? null : median(b.map((m) => m.p50!)),
      appRps: median(a.map((m) => m.rps)), baselineRps: median(b.map((m) => m.rps)),
      appCpuUs: 1000 * median(a.map((m) => m.cpuMsPerRequest)), baselineCpuUs: 1000 * median(b.map((m) => m.cpuMsPerRequest)),
      latencyRatio: a[0]!.p50 === null ? null : ratio((m) => m.p50), throughputRatio: ratio((m) => m.rps), cpuRatio: ratio((m) => m.cpuMsPerRequest),
    }
  })

  const signedIn = values.mediawiki
    ? await signedInAgainstMediaWiki(`http://127.0.0.1:${allWorkersPort}`, allWorkers.child.pid!, demoPassword(oneProcess.output(), 'demo-trusted'), values.mediawiki)
    : null

  let mixed: Awaited<ReturnType<typeof mixedLoad>> | null = null
  if (MIXED_SECONDS > 0) {
    await Promise.all([stop(base.child), stop(baseAll.child), stop(oneProcess.child)])
    const cookie = await loginCookie(`http://127.0.0.1:${allWorkersPort}`, 'demo-trusted', demoPassword(oneProcess.output(), 'demo-trusted'))
    log(`mixed load on ${WORKERS} workers for ${MIXED_SECONDS} s…`)
    mixed = await mixedLoad(`http://127.0.0.1:${allWorkersPort}`, allWorkers.child.pid!, MIXED_SECONDS, cookie)
  }

  let profile: ReturnType<typeof topCosts> | null = null
  if (values.profile) {
    await Promise.all([stop(allWorkers.child), stop(oneProcess.child)])
    const dir = path.join(work, 'profile')
    const port = await freePort()
    const profiled = await startApp(port, database, 1, ['--cpu-prof', `--cpu-prof-dir=${dir}`])
    const pids = processTree(profiled.child.pid!)
    await throughput(`http://127.0.0.1:${port}${pagePath}`, READER, 1, pids)
    await throughput(`http://127.0.0.1:${port}${pagePath}`, READER, SECONDS, pids)
    await stop(profiled.child)
    const file = fs.readdirSync(dir).map((f) => path.join(dir, f)).sort((x, y) => fs.statSync(y).size - fs.statSync(x).size)[0]
    if (file) profile = topCosts(file)
  }

  if (values.json) process.stdout.write(JSON.stringify({ page: values.page, bytes: html.length, seconds: SECONDS, reps: REPS, workers: WORKERS, load: WRK ? 'wrk' : 'autocannon', summary, measurements, signedIn, mixed, profile }, null, 2) + '\n')
  else {
    process.stdout.write(`\nanonymous GET ${pagePath} (${html.length} bytes), median of ${REPS} runs of ${SECONDS} s, load from ${WRK ? 'wrk -t2' : 'autocannon'}\n`)
    process.stdout.write('path | app | baseline | app p50 c=1 | baseline p50 c=1 | latency × | app req/s c=32 | baseline req/s c=32 | throughput ÷ | app CPU/request | baseline CPU/request | CPU ×\n')
    for (const s of summary) {
      const ms = (v: number | null) => (v === null ? '–' : `${v.toFixed(3)} ms`)
      process.stdout.write(`${s.path} | ${s.app} | ${s.baseline} | ${ms(s.appP50)} | ${ms(s.baselineP50)} | ${s.latencyRatio?.toFixed(1) ?? '–'} | ${Math.round(s.appRps)} | ${Math.round(s.baselineRps)} | ${s.throughputRatio.toFixed(2)} | ${s.appCpuUs.toFixed(0)} µs | ${s.baselineCpuUs.toFixed(0)} µs | ${s.cpuRatio.toFixed(2)}\n`)
    }
    if (signedIn) {
      process.stdout.write(`\nsigned-in page view (${signedIn.appBytes} bytes, ${WORKERS} workers) against MediaWiki logged in (${signedIn.mediawikiBytes} bytes), c=${CONNECTIONS}, ${REPS} × ${SECONDS} s alternating\n`)
      process.stdout.write('rep | app req/s | MediaWiki req/s | ratio | CPU/request (app, MediaWiki) | idle before (app, MediaWiki) | errors or timeouts (app, MediaWiki)\n')
      for (const r of signedIn.reps) process.stdout.write(`${r.rep} | ${Math.round(r.app)} | ${Math.round(r.mediawiki)} | ${(r.app / r.mediawiki).toFixed(1)}× | ${r.cpuMs.map((ms) => `${ms.toFixed(2)} ms`).join(', ')} | ${r.idle.join(', ')}% | ${r.errors.join(', ')}\n`)
      process.stdout.write(`median ratio: ${signedIn.ratio.toFixed(1)}× in req/s; MediaWiki spends ${signedIn.cpuRatio.toFixed(1)}× the app's CPU per request\n`)
    }
    if (mixed) {
      process.stdout.write(`\nmixed load, ${WORKERS} workers, ${MIXED_SECONDS} s: ${mixed.requests} requests, ${mixed.saves} saves, ${mixed.errors} errors; resident memory of all processes: peak ${mb(mixed.peakTotal)}, at the end ${mb(mixed.endTotal)}, largest single process ${mb(mixed.peakProcess)}\n`)
      process.stdout.write(`per minute (all processes): ${mixed.samples.filter((_, i) => i % 60 === 59).map(mb).join(', ')}\n`)
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
