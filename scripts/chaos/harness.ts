import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { sql } from 'kysely'
import type { PageContent } from '#app/core/content'
import { parseDatabaseUrl } from '#app/infra/config.server'
import { migrateToLatest, openDatabase } from '#app/models/db.server'
import { createAccount } from '#app/services/create-account.server'
import { createPersonalToken } from '#app/services/create-api-token.server'

/**
 * What every chaos run shares: the built app started as a child process (so it can be killed),
 * editors with API tokens, a load of readers and editors that records every answer, and the
 * check that every save the app acknowledged is in the database afterwards.
 */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface App {
  url: string
  output(): string
  /**
   * How long the app itself took over each save (POST …/revisions), from its request log, in ms:
   * beside the times measured by the load's clients, which also wait for their own event loop.
   */
  serverSaveMs(): number[]
  /** The exit code or signal, once the process has ended (null while it runs). */
  exited(): string | null
  kill(signal: NodeJS.Signals): Promise<void>
  /** Resident memory of the app's processes (the primary and its workers), from /proc; null elsewhere. */
  rssBytes(): number | null
}

function residentBytes(rootPid: number): number | null {
  // Each entry read on its own: a process that ends between the listing and the read (the
  // machine's other work) must not void the whole measurement.
  const status = (pid: string) => {
    try {
      return fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    } catch {
      return null
    }
  }
  let entries: string[]
  try {
    entries = fs.readdirSync('/proc')
  } catch {
    return null
  }
  const own = status(String(rootPid))
  if (own === null) return null
  const children = entries.filter((entry) => /^\d+$/.test(entry)).map(status).filter((text): text is string => text !== null && new RegExp(`^PPid:\\s+${rootPid}$`, 'm').test(text))
  let total = 0
  for (const text of [own, ...children]) total += Number(/^VmRSS:\s+(\d+) kB$/m.exec(text)?.[1] ?? 0) * 1024
  return total
}

/** Starts build/server.js on a free port against databaseUrl; resolves once it listens. */
export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<App> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let output = ''
  let pending = ''
  const serverSaveMs: number[] = []
  let ended: string | null = null
  const child: ChildProcess = spawn(process.execPath, [path.resolve(process.env.BUILD_DIR ?? 'build', 'server.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      ORIGIN: url,
      DATABASE_URL: databaseUrl,
      DEMO_CONTENT: 'false',
      LINK_CHECKER: 'off',
      LOG_LEVEL: 'warn',
      // The load saves far more often than a person could.
      RATE_SAVE_USER: '1000000/3600',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk: Buffer) => {
    const text = chunk.toString()
    output += text
    const lines = (pending + text).split('\n')
    pending = lines.pop()!
    for (const line of lines) {
      if (!line.includes('"method":"POST"') || !line.includes('/revisions"')) continue
      const ms = /"durationMs":([\d.]+)/.exec(line)?.[1]
      if (ms) serverSaveMs.push(Number(ms))
    }
    // Bounded: a long run must not hold every log line.
    if (output.length > 2_000_000) output = output.slice(-1_000_000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const done = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      ended = signal ?? String(code)
      resolve()
    }),
  )
  const deadline = Date.now() + 60_000
  for (;;) {
    if (ended !== null) throw new Error(`app exited (${ended}) during start-up:\n${output.slice(-4000)}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`app did not start within 60 s:\n${output.slice(-4000)}`)
    }
    // "listening" comes once every worker listens: one answering /healthz is not enough, as the
    // others could still be starting when a scenario takes the database away.
    if (output.includes('"msg":"listening"')) {
      try {
        if ((await fetch(url + '/healthz', { signal: AbortSignal.timeout(2000) })).status === 200) break
      } catch {
        // Not answering yet.
      }
    }
    await sleep(100)
  }
  return {
    url,
    output: () => output,
    serverSaveMs: () => serverSaveMs,
    exited: () => ended,
    rssBytes: () => (child.pid === undefined || ended !== null ? null : residentBytes(child.pid)),
    kill: async (signal) => {
      if (ended !== null) return
      child.kill(signal)
      await Promise.race([done, sleep(10_000)])
      if (ended === null) {
        child.kill('SIGKILL')
        await done
      }
    },
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
const word = (n: number) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * 26)]!).join('')

/** Letters only: a digit would be an uncited figure and hold every save for review. */
function label(i: number): string {
  return LETTERS[i % 26]!.toUpperCase() + LETTERS[Math.floor(i / 26) % 26]!
}

export const BLOCKS = 8

export function pageContent(title: string, blocks: string[]): PageContent {
  return {
    title,
    summary: 'A page the chaos runs edit.',
    lang: 'en',
    subjects: { proprietary: [{ name: 'Microsoft Teams', vendor: 'Microsoft', homepage: '' }], alternatives: [{ name: 'Element', vendor: 'Element', homepage: '', license: 'AGPL-3.0-only', repository: '' }] },
    categories: ['messaging'],
    body: { type: 'doc', content: blocks.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) },
  }
}

export interface Fixture {
  slug: string
  tokens: string[]
}

/** Editors (trusted, so clean saves publish) with a token each, and one page they all edit. */
export async function prepare(databaseUrl: string, app: App, editors: number): Promise<Fixture> {
  const db = openDatabase(parseDatabaseUrl(databaseUrl), { maintenance: true })
  const tokens: string[] = []
  try {
    await migrateToLatest(db)
    const run = word(6)
    for (let i = 0; i < editors; i++) {
      const created = await createAccount(db, { username: `chaos${run}${label(i)}`, password: `chaos-${word(16)}`, role: 'trusted' })
      if (!created.ok) throw new Error(JSON.stringify(created.issues))
      const token = await createPersonalToken(db, { user: created.value, name: 'chaos', ip: null, via: 'cli' })
      if (!token.ok) throw new Error(token.code)
      tokens.push(token.token)
    }
    const title = `Chaos ${run}`
    const response = await fetch(app.url + '/api/v1/pages', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[0]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: pageContent(title, Array.from({ length: BLOCKS }, (_, b) => `Block ${label(b)} as first written.`)) }),
    })
    if (response.status !== 201) throw new Error(`creating the page answered ${response.status}: ${await response.text()}`)
    return { slug: ((await response.json()) as { page: { slug: string } }).page.slug, tokens }
  } finally {
    await db.destroy()
  }
}

export interface Answer {
  at: number
  kind: 'read' | 'api-read' | 'save' | 'health'
  status: number
  ms: number
  contentType?: string
  retryAfter?: string | null
}

export interface Ack {
  revisionId: string
  marker: string
  conflict: boolean
}

export interface LoadResult {
  answers: Answer[]
  acks: Ack[]
  /** Saves that got no answer at all (connection refused or reset: the app was killed). */
  unanswered: number
}

const REQUEST_TIMEOUT_MS = 30_000

async function timed(kind: Answer['kind'], url: string, init: RequestInit = {}): Promise<{ answer: Answer; body: string } | null> {
  const started = performance.now()
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    const body = await response.text()
    return {
      answer: { at: Date.now(), kind, status: response.status, ms: performance.now() - started, contentType: response.headers.get('content-type') ?? '', retryAfter: response.headers.get('retry-after') },
      body,
    }
  } catch {
    return null
  }
}

/**
 * Readers and editors against one page until `until()` says stop or maxMs passes. Each editor
 * reads the page's latest revision id and saves a new text of its own block (editors sharing a
 * block conflict, the rest merge). Every 201/200 and every 409 conflict is an acknowledged save.
 */
export async function runLoad(options: {
  app: () => App
  fixture: Fixture
  readers: number
  maxMs: number
  until?: () => boolean
  healthEveryMs?: number
}): Promise<LoadResult> {
  const { fixture } = options
  const answers: Answer[] = []
  const acks: Ack[] = []
  let unanswered = 0
  const started = Date.now()
  const running = () => Date.now() - started < options.maxMs && !(options.until?.() ?? false)
  const editor = async (i: number) => {
    const token = fixture.tokens[i]!
    const block = i % BLOCKS
    for (let n = 0; running(); n++) {
      const base = options.app().url
      const read = await timed('api-read', `${base}/api/v1/pages/${fixture.slug}`)
      if (!read) {
        await sleep(100)
        continue
      }
      answers.push(read.answer)
      if (read.answer.status !== 200) {
        await sleep(100)
        continue
      }
      // As an editor would: the text as read, with one block of its own rewritten, saved on the
      // latest revision (when a pending one lies above the text read, the merge sorts it out or
      // the save is stored as a conflict — acknowledged either way).
      const { page, revision } = JSON.parse(read.body) as { page: { latestRevisionId: string }; revision: { content: PageContent } }
      const marker = `Editor ${label(i)} save ${label(n)} ${word(8)}.`
      const body = structuredClone(revision.content)
      body.body.content![block] = { type: 'paragraph', content: [{ type: 'text', text: marker }] }
      const save = await timed('save', `${base}/api/v1/pages/${fixture.slug}/revisions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ baseRevisionId: page.latestRevisionId, content: body, summary: `chaos ${label(i)} ${label(n)}` }),
      })
      if (!save) {
        unanswered++
        await sleep(100)
        continue
      }
      answers.push(save.answer)
      if (save.answer.status === 201 || save.answer.status === 200) {
        acks.push({ revisionId: (JSON.parse(save.body) as { revision: { id: string } }).revision.id, marker, conflict: false })
      } else if (save.answer.status === 409) {
        const conflict = (JSON.parse(save.body) as { conflict?: { revisionId: string } }).conflict
        if (conflict) acks.push({ revisionId: conflict.revisionId, marker, conflict: true })
      } else {
        await sleep(50)
      }
    }
  }
  const reader = async (i: number) => {
    while (running()) {
      const base = options.app().url
      const html = i % 2 === 0
      const got = await timed(html ? 'read' : 'api-read', html ? `${base}/pages/${fixture.slug}` : `${base}/api/v1/pages/${fixture.slug}`, { headers: { 'accept-language': ['en', 'de', 'fr'][i % 3]! } })
      if (got) answers.push(got.answer)
      else await sleep(100)
    }
  }
  const health = async () => {
    while (running()) {
      const got = await timed('health', `${options.app().url}/healthz`)
      if (got) answers.push(got.answer)
      await sleep(options.healthEveryMs ?? 250)
    }
  }
  await Promise.all([...fixture.tokens.map((_, i) => editor(i)), ...Array.from({ length: options.readers }, (_, i) => reader(i)), health()])
  return { answers, acks, unanswered }
}

/** Acknowledged saves missing from the database, or stored without the text they were sent with. */
export async function lostSaves(databaseUrl: string, acks: Ack[]): Promise<Ack[]> {
  const db = openDatabase(parseDatabaseUrl(databaseUrl), { maintenance: true })
  try {
    const lost: Ack[] = []
    for (let i = 0; i < acks.length; i += 500) {
      const chunk = acks.slice(i, i + 500)
      const rows = await db.selectFrom('revisions').select(['id', 'content']).where('id', 'in', chunk.map((a) => a.revisionId)).execute()
      const byId = new Map(rows.map((r) => [r.id, r.content]))
      for (const ack of chunk) if (!(byId.get(ack.revisionId) ?? '').includes(ack.marker)) lost.push(ack)
    }
    return lost
  } finally {
    await db.destroy()
  }
}

/** The database answers a query (used to check it is intact after a crash). */
export async function integrityCheck(databaseUrl: string): Promise<string> {
  const config = parseDatabaseUrl(databaseUrl)
  const db = openDatabase(config, { maintenance: true })
  try {
    if (config.engine === 'sqlite') return (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows[0]?.integrity_check ?? 'no answer'
    await db.selectFrom('revisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()
    return 'ok'
  } finally {
    await db.destroy()
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** Status counts, e.g. { "200": 812, "503": 97 }. */
export function statusCounts(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1
  return counts
}
