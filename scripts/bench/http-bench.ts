// Helpers of the HTTP benchmarks (scripts/bench/serve.ts, scripts/bench/instances.ts): start a
// built server or any child and stop it again by its pid, free ports, load at concurrency 32 from
// wrk (when installed) or autocannon, CPU time of process trees from /proc, the idle share of the
// machine, and the demo accounts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'

export const CONNECTIONS = 32
export const READER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }
export const WRK = spawnSync('wrk', ['--version']).error === undefined
const TICK_MS = 1000 / Number(spawnSync('getconf', ['CLK_TCK']).stdout?.toString().trim() || 100)

/** Every child started here (and any a script adds), to be stopped by its pid at the end. */
export const children: ChildProcess[] = []

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
    server.on('error', reject)
  })
}

export interface Started {
  child: ChildProcess
  output: () => string
}

/**
 * Starts a child (node, unless `command` is given) and resolves once it prints `marker`; it is
 * stopped (by its pid) at the end.
 */
export async function start(args: string[], env: Record<string, string>, marker: string, command = process.execPath): Promise<Started> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const deadline = Date.now() + 120_000
  while (!output.includes(marker)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${args.join(' ')} did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return { child, output: () => output }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.on('exit', r))
  child.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))])
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}

/** A process and its children (a cluster's workers, nginx's workers): pids, from /proc. */
export function processTree(pid: number): number[] {
  const pids = [pid]
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) pids.push(Number(name))
    } catch {
      // exited while listed
    }
  }
  return pids
}

/** CPU time (user + system, ms) spent so far by a process tree's live processes. */
export function cpuMs(pids: number[]): number {
  let ticks = 0
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // exited
    }
  }
  return ticks * TICK_MS
}

/**
 * CPU time (ms) of this process and of its children that have exited and been waited for: across
 * a run of wrk, the load generator's time (with autocannon, which runs in this process, its time).
 */
export function ownAndReapedCpuMs(): number {
  const stat = fs.readFileSync('/proc/self/stat', 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS
}

/** The machine's CPU time so far (ms, all cores): busy and total, from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
  const total = fields.reduce((x, y) => x + y, 0)
  // idle and iowait
  return { busy: (total - fields[3]! - fields[4]!) * TICK_MS, total: total * TICK_MS }
}

/** Share of CPU time idle over one second: the machine is shared, so each run records it. */
export async function idlePercent(): Promise<number> {
  const read = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
  const a = read()
  await new Promise((r) => setTimeout(r, 1000))
  const b = read()
  const delta = b.map((v, i) => v - a[i]!)
  const total = delta.slice(0, 8).reduce((x, y) => x + y, 0)
  return Math.round((100 * delta[3]!) / Math.max(1, total))
}

/** A wrk script that sends GETs of `paths` in turn (each of wrk's threads from its own start). */
function wrkPathsScript(paths: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-wrk-')), 'paths.lua')
  fs.writeFileSync(file, `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
`)
  return file
}

/**
 * Load at concurrency 32 for `seconds`: requests per second, and the CPU time `pids` spent per
 * request. `paths`: GET these in turn on `url`'s origin instead of `url` itself.
 */
export async function throughput(url: string, headers: Record<string, string>, seconds: number, pids: number[], options: { paths?: string[] } = {}): Promise<{ rps: number; requests: number; errors: number; cpuMsPerRequest: number }> {
  const cpuBefore = cpuMs(pids)
  let rps: number
  let requests: number
  let errors: number
  const paths = options.paths && options.paths.length > 0 ? options.paths : undefined
  if (WRK) {
    const script = paths ? wrkPathsScript(paths) : undefined
    const args = ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), ...(script ? ['-s', script] : []), url]
    try {
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] })
        children.push(child)
        let text = ''
        child.stdout.on('data', (c: Buffer) => (text += c.toString()))
        child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}`))))
      })
      requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0)
      rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)
      errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + [...out.matchAll(/(?:connect|read|write|timeout) (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0)
    } finally {
      if (script) fs.rmSync(path.dirname(script), { recursive: true, force: true })
    }
  } else {
    const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers, ...(paths ? { requests: paths.map((p) => ({ method: 'GET' as const, path: p })) } : {}) })
    rps = result.requests.average
    requests = result.requests.total
    errors = result.errors + result.timeouts
  }
  const cpu = cpuMs(pids) - cpuBefore
  return { rps, requests, errors, cpuMsPerRequest: requests > 0 ? cpu / requests : 0 }
}

/**
 * Load at concurrency 32 until stopped (wrk, killed by its pid; or autocannon): requests answered
 * and errors, once stopped.
 */
export function backgroundLoad(url: string, headers: Record<string, string>): { stop(): Promise<{ requests: number; errors: number }> } {
  if (WRK) {
    const args = ['-t2', `-c${CONNECTIONS}`, '-d3600s', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url]
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'ignore'] })
    children.push(child)
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    return {
      async stop() {
        // SIGINT: wrk prints its summary and exits.
        const exited = new Promise((r) => child.once('exit', r))
        if (child.exitCode === null) child.kill('SIGINT')
        await exited
        const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + [...out.matchAll(/(?:connect|read|write|timeout) (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0)
        return { requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0), errors }
      },
    }
  }
  let finish: (result: autocannon.Result) => void = () => {}
  const done = new Promise<autocannon.Result>((resolve) => (finish = resolve))
  const instance = autocannon({ url, connections: CONNECTIONS, duration: 3600, headers }, (_error, result) => finish(result))
  return {
    async stop() {
      instance.stop()
      const result = await done
      return { requests: result.requests.total, errors: result.errors + result.timeouts }
    },
  }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

/** The demo accounts' passwords, as the first start printed them. */
export function demoPassword(output: string, username: string): string {
  const match = new RegExp(`^\\s+\\S+\\s+${username}\\s+(\\S+)$`, 'm').exec(output)
  if (!match) throw new Error(`no password for ${username} in the server's output`)
  return match[1]!
}

/** Signs in through the login form at `base`; `origin` is the Origin the browser would send (the server's ORIGIN). */
export async function loginCookie(base: string, username: string, password: string, origin = base): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, redirectTo: '/' }),
  })
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ')
  if (response.status !== 302 || !cookie) throw new Error(`login as ${username} answered ${response.status}`)
  return cookie
}
