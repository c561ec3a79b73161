/**
 * Lighthouse 12 (mobile preset: a mid-range phone on slow 4G) on the reader's main pages of the
 * built app, with the demo content on a fresh SQLite file. Writes the scores to
 * docs/performance.md (section "Lighthouse") and prints them.
 *
 *   npm run build && npx tsx scripts/lighthouse.ts [--runs 1]
 *
 * Chromium from CHROME_PATH (default /usr/bin/chromium), started with the flags STACK.md lists.
 * Targets (issue 15): performance ≥ 95, accessibility 100, best practices ≥ 95.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { freePort } from './bench/http-bench'

const PAGES: Array<[string, string]> = [
  ['home', '/'],
  ['a comparison (Tchap)', '/pages/microsoft-teams-vs-tchap'],
  ['all comparisons', '/pages'],
  ['history', '/pages/microsoft-teams-vs-tchap/history'],
  ['search', '/search?q=users'],
]
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const value = at > 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number ≥ 1`)
  return value
}


async function startApp(): Promise<{ url: string; stop: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-lighthouse-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [path.resolve(process.env.BUILD_DIR ?? 'build', 'server.js')], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, DATABASE_URL: path.join(dir, 'demo.sqlite'), LINK_CHECKER: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`)
    const up = await fetch(url + '/healthz').then((r) => r.ok, () => false)
    if (up) break
    if (Date.now() > deadline) throw new Error(`the app did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM')
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

type Scores = Record<(typeof CATEGORIES)[number], number>

async function audit(url: string, port: number): Promise<Scores & { transferKb: number }> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] })
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
  const { categories, audits } = result.lhr
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
  const transfer = audits['total-byte-weight']?.numericValue ?? 0
  return { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), transferKb: Math.round(transfer / 1024) }
}

async function main(): Promise<void> {
  const runs = argument('runs', 1)
  const loadAtStart = os.loadavg()[0] ?? 0
  const app = await startApp()
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS })
  const rows: string[] = []
  try {
    // One visit first so the page cache and the render cache are warm, as for a real reader.
    for (const [, pagePath] of PAGES) await fetch(app.url + pagePath)
    for (const [name, pagePath] of PAGES) {
      const results: Array<Scores & { transferKb: number }> = []
      for (let i = 0; i < runs; i++) results.push(await audit(app.url + pagePath, chrome.port))
      // The median run by performance: the other categories hardly vary between runs.
      const median = [...results].sort((a, b) => a.performance - b.performance)[Math.floor(results.length / 2)]!
      const row = `| ${name} | \`${pagePath}\` | ${median.performance} | ${median.accessibility} | ${median['best-practices']} | ${median.transferKb} KB |`
      console.log(row)
      rows.push(row)
    }
  } finally {
    await chrome.kill()
    app.stop()
  }
  const today = new Date().toISOString().slice(0, 10)
  const section = [
    '## Lighthouse, mobile preset (`scripts/lighthouse.ts`)',
    '',
    'Lighthouse 12.2.3, its default mobile preset (a mid-range phone, slow 4G, 4× CPU slowdown), on the',
    'built app with the demo content, after one warming request per page. Targets: performance ≥ 95,',
    'accessibility 100, best practices ≥ 95. "Weight" is what the browser downloaded, as served',
    '(compressed). Performance is simulated from the trace, so a busy machine lowers it: the load',
    'average at the start of the run is recorded with the scores.',
    '',
    '```',
    'npm run build && npx tsx scripts/lighthouse.ts --runs 3',
    '```',
    '',
    `Measured ${today}, median of ${runs} run${runs === 1 ? '' : 's'} per page, load average ${loadAtStart.toFixed(1)} on ${os.cpus().length} cores.`,
    '',
    '| page | path | performance | accessibility | best practices | weight |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
  const file = path.resolve('docs/performance.md')
  const doc = fs.readFileSync(file, 'utf8')
  const start = doc.indexOf('## Lighthouse, mobile preset')
  const end = start < 0 ? -1 : doc.indexOf('\n## ', start + 1)
  const next = start < 0 ? `${doc.trimEnd()}\n\n${section}` : `${doc.slice(0, start)}${section}${end < 0 ? '' : `\n${doc.slice(end + 1)}`}`
  fs.writeFileSync(file, next)
  console.log(`written to ${path.relative(process.cwd(), file)}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
