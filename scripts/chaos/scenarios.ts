import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Cluster } from './cluster'
import { integrityCheck, lostSaves, pageContent, percentile, prepare, runLoad, sleep, startApp, statusCounts, type Answer, type App } from './harness'

/**
 * The chaos scenarios, each measured from outside the app, as a load balancer and its users would
 * see it. Each returns plain numbers; scripts/chaos/run.ts prints them and the CI test asserts on
 * the short forms.
 */

export interface OutageResult {
  engine: 'postgres'
  mode: 'stop' | 'freeze' | 'kill'
  outageMs: number
  appExited: string | null
  /** The app's last output, when it exited: why it did. */
  appExitOutput: string | null
  saves: number
  conflicts: number
  lost: number
  /** Answers to requests sent while the database was out (health checks aside). */
  duringOutage: { count: number; statuses: Record<string, number>; maxMs: number; p99Ms: number; htmlErrorsWithRetryAfter: number; htmlErrors: number; apiErrorsJson: number; apiErrors: number }
  /** ms from the outage's start to the first /healthz 503. */
  healthDownAfterMs: number | null
  /** ms from the database's return to the first /healthz 200 that stayed. */
  healthUpAfterMs: number | null
  healthDuringOutage: Record<string, number>
  statuses: Record<string, number>
}

const startedDuring = (a: Answer, from: number, to: number) => a.at - a.ms >= from && a.at - a.ms < to

/**
 * Stops (pg_ctl stop), freezes (SIGSTOP) or kills (SIGKILL, then a crash recovery at start) the
 * cluster for outageMs while readers and editors work.
 */
export async function outage(options: {
  cluster: Cluster
  mode: 'stop' | 'freeze' | 'kill'
  outageMs: number
  readers: number
  editors: number
  warmupMs: number
  afterMs: number
  env?: Record<string, string>
  /** Called once while the database is out, with the app's URL (a test looks at a page then). */
  whileOut?: (url: string) => Promise<void>
}): Promise<OutageResult> {
  const { cluster } = options
  const app = await startApp(cluster.url, options.env)
  try {
    const fixture = await prepare(cluster.url, app, options.editors)
    let outageStart = 0
    let outageEnd = 0
    const total = options.warmupMs + options.outageMs + options.afterMs
    const load = runLoad({ app: () => app, fixture, readers: options.readers, maxMs: total, until: () => app.exited() !== null })
    await sleep(options.warmupMs)
    outageStart = Date.now()
    if (options.mode === 'stop') cluster.stop()
    else if (options.mode === 'kill') cluster.kill()
    else cluster.freeze()
    await options.whileOut?.(app.url)
    await sleep(Math.max(0, options.outageMs - (Date.now() - outageStart)))
    outageEnd = Date.now()
    if (options.mode === 'freeze') cluster.thaw()
    else cluster.start()
    const result = await load
    const lost = await lostSaves(cluster.url, result.acks)
    const work = result.answers.filter((a) => a.kind !== 'health')
    const during = work.filter((a) => startedDuring(a, outageStart, outageEnd))
    const failed = during.filter((a) => a.status >= 500)
    const html = failed.filter((a) => a.kind === 'read')
    const api = failed.filter((a) => a.kind !== 'read')
    const health = result.answers.filter((a) => a.kind === 'health')
    const firstDown = health.find((a) => a.at >= outageStart && a.status === 503)
    // Healthy again: the first 200 after the database returned with no 503 after it.
    const afterReturn = health.filter((a) => a.at >= outageEnd)
    let upAt: number | null = null
    for (const a of afterReturn) {
      if (a.status === 200 && upAt === null) upAt = a.at
      else if (a.status !== 200) upAt = null
    }
    return {
      engine: 'postgres',
      mode: options.mode,
      outageMs: outageEnd - outageStart,
      appExited: app.exited(),
      appExitOutput: app.exited() === null ? null : app.output().slice(-4000),
      saves: result.acks.filter((a) => !a.conflict).length,
      conflicts: result.acks.filter((a) => a.conflict).length,
      lost: lost.length,
      duringOutage: {
        count: during.length,
        statuses: statusCounts(during),
        maxMs: Math.round(Math.max(0, ...during.map((a) => a.ms))),
        p99Ms: Math.round(percentile(during.map((a) => a.ms), 99)),
        htmlErrors: html.length,
        htmlErrorsWithRetryAfter: html.filter((a) => a.status === 503 && a.retryAfter !== null && (a.contentType ?? '').startsWith('text/html')).length,
        apiErrors: api.length,
        apiErrorsJson: api.filter((a) => a.status === 503 && (a.contentType ?? '').startsWith('application/json')).length,
      },
      healthDownAfterMs: firstDown ? firstDown.at - outageStart : null,
      healthUpAfterMs: upAt === null ? null : upAt - outageEnd,
      healthDuringOutage: statusCounts(health.filter((a) => a.at - a.ms >= outageStart + 5000 && a.at < outageEnd)),
      statuses: statusCounts(work),
    }
  } finally {
    await app.kill('SIGTERM')
  }
}

export interface EditorsResult {
  engine: string
  editors: number
  readers: number
  seconds: number
  saves: number
  conflicts: number
  lost: number
  savesPerSecond: number
  saveP50Ms: number
  saveP99Ms: number
  /** The same, as the app's request log timed them (without the load clients' own delays). */
  serverSaveP50Ms: number
  serverSaveP99Ms: number
  readP50Ms: number
  readP99Ms: number
  /** Resident memory of the app's processes right after the load, in MiB. */
  rssAfterMiB: number | null
  statuses: Record<string, number>
}

/**
 * N editors saving one page at once for a while, with `readers` reading beside them: every
 * acknowledged save must be stored, and saves must not queue behind reads (issue 10: 200 readers
 * and 5 editors on PostgreSQL, save p99 under 1 s).
 */
export async function concurrentEditors(options: { databaseUrl: string; engine: string; editors: number; readers?: number; seconds: number; env?: Record<string, string> }): Promise<EditorsResult> {
  const app = await startApp(options.databaseUrl, options.env)
  try {
    const fixture = await prepare(options.databaseUrl, app, options.editors)
    const result = await runLoad({ app: () => app, fixture, readers: options.readers ?? 0, maxMs: options.seconds * 1000, healthEveryMs: 1000 })
    const rss = app.rssBytes()
    const lost = await lostSaves(options.databaseUrl, result.acks)
    const saves = result.answers.filter((a) => a.kind === 'save')
    const reads = result.answers.filter((a) => a.kind !== 'save' && a.kind !== 'health')
    return {
      engine: options.engine,
      editors: options.editors,
      readers: options.readers ?? 0,
      seconds: options.seconds,
      saves: result.acks.filter((a) => !a.conflict).length,
      conflicts: result.acks.filter((a) => a.conflict).length,
      lost: lost.length,
      savesPerSecond: Math.round((result.acks.length / options.seconds) * 10) / 10,
      saveP50Ms: Math.round(percentile(saves.map((a) => a.ms), 50)),
      saveP99Ms: Math.round(percentile(saves.map((a) => a.ms), 99)),
      serverSaveP50Ms: Math.round(percentile(app.serverSaveMs(), 50)),
      serverSaveP99Ms: Math.round(percentile(app.serverSaveMs(), 99)),
      readP50Ms: Math.round(percentile(reads.map((a) => a.ms), 50)),
      readP99Ms: Math.round(percentile(reads.map((a) => a.ms), 99)),
      rssAfterMiB: rss === null ? null : Math.round(rss / 1024 / 1024),
      statuses: statusCounts(result.answers.filter((a) => a.kind !== 'health')),
    }
  } finally {
    await app.kill('SIGTERM')
  }
}

export interface KillResult {
  engine: string
  cycles: number
  acknowledged: number
  unanswered: number
  lost: number
  integrity: string
}

/** kill -9 of the app mid-load, `cycles` times, restarting it each time: no acknowledged save lost. */
export async function killApp(options: { databaseUrl: string; engine: string; cycles: number; editors: number; loadMs: number; env?: Record<string, string> }): Promise<KillResult> {
  let app: App = await startApp(options.databaseUrl, options.env)
  const fixture = await prepare(options.databaseUrl, app, options.editors)
  const acks: Awaited<ReturnType<typeof runLoad>>['acks'] = []
  let unanswered = 0
  try {
    for (let cycle = 0; cycle < options.cycles; cycle++) {
      const current = app
      const load = runLoad({ app: () => current, fixture, readers: 2, maxMs: options.loadMs + 5000, until: () => current.exited() !== null, healthEveryMs: 1000 })
      // Kill at a random moment in the load, so saves are caught at every stage of a transaction.
      await sleep(options.loadMs * (0.3 + 0.7 * Math.random()))
      await current.kill('SIGKILL')
      const result = await load
      acks.push(...result.acks)
      unanswered += result.unanswered
      app = await startApp(options.databaseUrl, options.env)
    }
  } finally {
    await app.kill('SIGTERM')
  }
  const lost = await lostSaves(options.databaseUrl, acks)
  return { engine: options.engine, cycles: options.cycles, acknowledged: acks.length, unanswered, lost: lost.length, integrity: await integrityCheck(options.databaseUrl) }
}

export interface DiskFullResult {
  engine: 'sqlite'
  skipped?: string
  saveWhileFull?: { status: number; code: string | null }
  /** The editor's form post while full: its status, and whether the answer gives the text back. */
  formSaveWhileFull?: { status: number; textKept: boolean }
  readWhileFull?: number
  apiReadWhileFull?: number
  healthWhileFull?: { status: number; body: unknown }
  saveAfterFreeing?: number
  healthAfterFreeing?: { status: number; body: unknown }
  fullLogLines?: number
  rollbackNoiseLines?: number
  lost?: number
}

/** SQLite on a tiny tmpfs, filled up: saves 507, reads 200, health degraded, then recovery. */
export async function sqliteDiskFull(): Promise<DiskFullResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-chaos-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'pipe' })
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    return { engine: 'sqlite', skipped: `mounting a tmpfs is not permitted here (${(error as Error).message.split('\n')[0]})` }
  }
  const file = path.join(dir, 'full.sqlite')
  let app: App | undefined
  try {
    app = await startApp(file)
    const fixture = await prepare(file, app, 1)
    const current = app
    const save = async (marker: string) => {
      const page = (await (await fetch(`${current.url}/api/v1/pages/${fixture.slug}`)).json()) as { page: { latestRevisionId: string } }
      const response = await fetch(`${current.url}/api/v1/pages/${fixture.slug}/revisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${fixture.tokens[0]}`, 'content-type': 'application/json' },
        body: JSON.stringify({ baseRevisionId: page.page.latestRevisionId, content: pageContent('Chaos page', [marker]) }),
      })
      const body = (await response.json()) as { error?: { code: string }; revision?: { id: string } }
      return { status: response.status, code: body.error?.code ?? null, id: body.revision?.id ?? null }
    }
    const stored: { revisionId: string; marker: string; conflict: boolean }[] = []
    const first = await save('Written before the disk filled up.')
    if (first.id) stored.push({ revisionId: first.id, marker: 'Written before the disk filled up.', conflict: false })
    // Fill the disk: one file, grown until the file system refuses (bounded by the tmpfs size).
    const filler = path.join(dir, 'filler')
    const fd = fs.openSync(filler, 'w')
    const chunk = Buffer.alloc(64 * 1024, 1)
    for (let i = 0; i < 1000; i++) {
      try {
        fs.writeSync(fd, chunk)
      } catch {
        break
      }
    }
    for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
      try {
        fs.writeSync(fd, Buffer.alloc(size, 1))
      } catch {
        // Smaller pieces until nothing fits.
      }
    }
    fs.closeSync(fd)
    let whileFull = await save(`Written while the disk is full ${'and long enough to need new pages. '.repeat(200)}`)
    // The first refusal may come from a page SQLite had room for; a second save certainly needs more.
    if (whileFull.status === 201) whileFull = await save(`Written while the disk is full, again ${'with more text. '.repeat(400)}`)
    const formText = `Typed in the editor while the disk is full ${'so it must come back. '.repeat(300)}`
    const latest = (await (await fetch(`${current.url}/api/v1/pages/${fixture.slug}`)).json()) as { page: { latestRevisionId: string } }
    const form = await fetch(`${current.url}/pages/${fixture.slug}/edit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fixture.tokens[0]}`, origin: current.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ content: JSON.stringify(pageContent('Chaos page', [formText])), summary: 'while full', baseRevisionId: latest.page.latestRevisionId, idempotencyKey: `full-${Date.now()}` }),
    })
    const formSaveWhileFull = { status: form.status, textKept: (await form.text()).includes('so it must come back.') }
    const readWhileFull = (await fetch(`${current.url}/pages/${fixture.slug}`)).status
    const apiReadWhileFull = (await fetch(`${current.url}/api/v1/pages/${fixture.slug}`)).status
    const healthFull = await fetch(`${current.url}/healthz`)
    const healthWhileFull = { status: healthFull.status, body: await healthFull.json() }
    fs.rmSync(filler)
    const after = await save('Written after space was freed.')
    if (after.id) stored.push({ revisionId: after.id, marker: 'Written after space was freed.', conflict: false })
    // Health stays degraded until a write succeeds a while after the last refusal: keep saving.
    let healthAfter = await fetch(`${current.url}/healthz`)
    for (let i = 0; i < 30 && ((await healthAfter.clone().json()) as { status: string }).status !== 'ok'; i++) {
      await sleep(1000)
      const marker = `Written after space was freed, ${i}.`
      const again = await save(marker)
      if (again.id) stored.push({ revisionId: again.id, marker, conflict: false })
      healthAfter = await fetch(`${current.url}/healthz`)
    }
    const output = app.output()
    return {
      engine: 'sqlite',
      saveWhileFull: { status: whileFull.status, code: whileFull.code },
      formSaveWhileFull,
      readWhileFull,
      apiReadWhileFull,
      healthWhileFull,
      saveAfterFreeing: after.status,
      healthAfterFreeing: { status: healthAfter.status, body: await healthAfter.json() },
      fullLogLines: output.split('\n').filter((l) => l.includes('database storage full')).length,
      rollbackNoiseLines: output.split('\n').filter((l) => l.includes('cannot rollback')).length,
      lost: (await lostSaves(file, stored)).length,
    }
  } finally {
    await app?.kill('SIGTERM')
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' })
    } catch {
      // Already unmounted.
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
