// npx tsx scripts/bench/alternatives.ts [--requests 40] [--json]
//
// /alternatives/microsoft-teams (and ?license=copyleft) on the built app (run `npm run build`
// first), against two SQLite databases in one run: the demo data alone (the baseline), and the
// demo plus 1,000 products and 10,000 comparisons naming them. The bar: the large
// database answers within 1.5× of the baseline. Requests alternate between the two servers so
// that machine noise falls on both; each URL carries a distinct query parameter so no cache
// answers. Absolute times on a shared 2-core machine are noise; docs/performance.md keeps ratios.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import type { Kysely } from 'kysely'
import { migrateToLatest, openDatabase } from '#app/models/db.server'
import { ensureProductIndex, indexPageFacts } from '#app/models/products.server'
import { indexPageForSearch } from '#app/models/search.server'
import { seedDemo } from '#app/services/seed-demo.server'
import type { Database } from '#db/schema'
import { insertApproved } from './insert-approved'
import { startServer } from '#test/server'

const { values } = parseArgs({ options: { requests: { type: 'string', default: '40' }, json: { type: 'boolean', default: false } } })
const REQUESTS = Math.max(10, Number(values.requests))
const PRODUCTS = 1_000
const COMPARISONS = 10_000
const CATEGORIES = ['messaging', 'team-chat', 'video-conferencing', 'office-suite', 'documents', 'file-sharing', 'email', 'collaboration']
const LICENCES = ['AGPL-3.0-only', 'GPL-3.0-or-later', 'MPL-2.0', 'Apache-2.0', 'MIT', 'LGPL-2.1-or-later', 'BSD-3-Clause']

async function database(label: string): Promise<{ db: Kysely<Database>; file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sourced-bench-${label}-`))
  const file = path.join(dir, 'bench.sqlite')
  const db = openDatabase({ engine: 'sqlite', file })
  await migrateToLatest(db)
  await seedDemo(db)
  // What start-up would otherwise do (the server must start within its deadline).
  await ensureProductIndex(db)
  return { db, file, dir }
}

const emptyBody = { type: 'doc', content: [{ type: 'paragraph' }] }

/** 1,000 products (a fifth proprietary) and 10,000 comparisons; one in a thousand names a demo messenger. */
async function grow(db: Kysely<Database>): Promise<void> {
  const author = await db.selectFrom('users').select('id').where('username', '=', 'Sourced').executeTakeFirstOrThrow()
  const proprietary = Array.from({ length: PRODUCTS / 5 }, (_, i) => `bench-proprietary-${i}`)
  const open = Array.from({ length: PRODUCTS - proprietary.length }, (_, i) => `bench-open-${i}`)
  const pageIds: string[] = []
  await db.transaction().execute(async (trx) => {
    for (const [i, slug] of proprietary.entries()) {
      pageIds.push((await insertApproved(trx, slug, 'product', {
        title: `Bench Proprietary ${i}`, summary: 'A generated product', lang: 'en', subjects: { proprietary: [], alternatives: [] }, categories: [CATEGORIES[i % CATEGORIES.length]!], body: emptyBody,
        product: { kind: 'proprietary', license: 'LicenseRef-Proprietary', vendor: `Vendor ${i % 50}`, homepage: '', repository: '', hosting: 'saas', aliases: [`BP${i}`], alternativeTo: [] },
      }, author.id)).pageId)
    }
    for (const [i, slug] of open.entries()) {
      pageIds.push((await insertApproved(trx, slug, 'product', {
        title: `Bench Open ${i}`, summary: 'A generated product', lang: 'en', subjects: { proprietary: [], alternatives: [] }, categories: [CATEGORIES[i % CATEGORIES.length]!], body: emptyBody,
        product: { kind: 'open-source', license: LICENCES[i % LICENCES.length]!, vendor: `Project ${i}`, homepage: '', repository: '', hosting: 'both', aliases: [], alternativeTo: [proprietary[i % proprietary.length]!, proprietary[(i * 7) % proprietary.length]!] },
      }, author.id)).pageId)
    }
    for (let i = 0; i < COMPARISONS; i++) {
      const demo = i % 1000 === 0
      pageIds.push((await insertApproved(trx, `bench-comparison-${i}`, 'comparison', {
        title: `Bench comparison ${i}`, summary: 'A generated comparison', lang: 'en', categories: [CATEGORIES[i % CATEGORIES.length]!], body: emptyBody,
        subjects: {
          proprietary: [{ name: `Bench Proprietary ${i % proprietary.length}`, vendor: '', homepage: '', product: proprietary[i % proprietary.length]! }],
          alternatives: [
            { name: `Bench Open ${i % open.length}`, vendor: '', homepage: '', license: 'MIT', repository: '', product: open[i % open.length]! },
            ...(demo ? [{ name: 'Element', vendor: 'Element', homepage: '', license: 'AGPL-3.0-only', repository: '', product: 'element' }] : []),
            // Half the comparisons are "old": subjects without a product slug, matched by name.
            { name: `Bench Open ${(i * 3) % open.length}`, vendor: '', homepage: '', license: 'MIT', repository: '' },
          ],
        },
      }, author.id)).pageId)
    }
    for (const id of pageIds) {
      await indexPageFacts(trx, id)
      await indexPageForSearch(trx, id)
    }
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main() {
  const demo = await database('demo')
  const large = await database('large')
  const started = performance.now()
  await grow(large.db)
  const grewIn = performance.now() - started
  await Promise.all([demo.db.destroy(), large.db.destroy()])
  const servers = { demo: await startServer({ databaseUrl: demo.file }), large: await startServer({ databaseUrl: large.file }) }
  const paths = ['/alternatives/microsoft-teams', '/alternatives/microsoft-teams?license=copyleft']
  const times: Record<string, number[]> = {}
  try {
    for (const server of Object.values(servers)) for (const p of paths) await fetch(`${server.url}${p}`) // warm-up
    for (let i = 0; i < REQUESTS; i++) {
      for (const p of paths) {
        for (const [label, server] of Object.entries(servers)) {
          const url = `${server.url}${p}${p.includes('?') ? '&' : '?'}bench=${i}`
          const start = performance.now()
          const response = await fetch(url)
          const text = await response.text()
          const elapsed = performance.now() - start
          if (response.status !== 200 || !text.includes('Synapse')) throw new Error(`${url} answered ${response.status}`)
          ;(times[`${label} ${p}`] ??= []).push(elapsed)
        }
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
    for (const d of [demo, large]) fs.rmSync(d.dir, { recursive: true, force: true })
  }
  const rows = paths.map((p) => {
    const base = median(times[`demo ${p}`]!)
    const big = median(times[`large ${p}`]!)
    return { path: p, demoMs: Number(base.toFixed(1)), largeMs: Number(big.toFixed(1)), ratio: Number((big / base).toFixed(2)), within: big / base <= 1.5 }
  })
  if (values.json) process.stdout.write(`${JSON.stringify({ requests: REQUESTS, products: PRODUCTS, comparisons: COMPARISONS, rows }, null, 2)}\n`)
  else {
    process.stdout.write(`Built ${PRODUCTS} products and ${COMPARISONS} comparisons in ${(grewIn / 1000).toFixed(1)} s; ${REQUESTS} requests per URL and database (median).\n`)
    for (const r of rows) process.stdout.write(`${r.path.padEnd(48)} demo ${r.demoMs} ms  large ${r.largeMs} ms  ratio ${r.ratio}  ${r.within ? 'within 1.5×' : 'OVER 1.5×'}\n`)
  }
  if (rows.some((r) => !r.within)) process.exitCode = 1
}

await main()
