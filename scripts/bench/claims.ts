// npx tsx scripts/bench/claims.ts [--requests 40] [--json]
//
// /products/bench-product on the built app (run `npm run build` first), against two SQLite
// databases in one run: the demo plus a product with 20 claims (the baseline), and the demo plus
// the same product with 2,000 claims over five metrics and twenty sources. The bar: the
// page with 2,000 claims answers within 2× of the one with 20. Claims are derived rows (migration
// 0051); they are written here directly, as the index would from 2,000 cited figures. Requests
// alternate between the two servers; each URL carries a distinct query parameter so no cache
// answers. Absolute times on a shared 2-core machine are noise; docs/performance.md keeps ratios.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import type { Kysely } from 'kysely'
import { findConflicts } from '#app/core/claims'
import { ensureClaimsIndex } from '#app/models/claims.server'
import { migrateToLatest, openDatabase } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { ensureProductIndex, indexPageFacts } from '#app/models/products.server'
import { seedDemo } from '#app/services/seed-demo.server'
import type { Database } from '#db/schema'
import { insertApproved } from './insert-approved'
import { startServer } from '#test/server'

const { values } = parseArgs({ options: { requests: { type: 'string', default: '40' }, json: { type: 'boolean', default: false } } })
const REQUESTS = Math.max(10, Number(values.requests))
const METRICS = ['registered-accounts', 'daily-active-users', 'monthly-active-users', 'messages-per-week', 'deployments']

async function database(label: string, claims: number): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sourced-bench-${label}-`))
  const file = path.join(dir, 'bench.sqlite')
  const db = openDatabase({ engine: 'sqlite', file })
  await migrateToLatest(db)
  await seedDemo(db)
  await ensureProductIndex(db)
  await ensureClaimsIndex(db)
  await grow(db, claims)
  await db.destroy()
  return { file, dir }
}

/** The bench product, a comparison citing it, twenty sources (a quarter vendor) and `count` claims. */
async function grow(db: Kysely<Database>, count: number): Promise<void> {
  const author = await db.selectFrom('users').select('id').where('username', '=', 'Sourced').executeTakeFirstOrThrow()
  const emptyBody = { type: 'doc', content: [{ type: 'paragraph' }] }
  await db.transaction().execute(async (trx) => {
    const product = await insertApproved(trx, 'bench-product', 'product', {
      title: 'Bench Product', summary: 'A generated product', lang: 'en', subjects: { proprietary: [], alternatives: [] }, categories: ['messaging'], body: emptyBody,
      product: { kind: 'open-source', license: 'MIT', vendor: 'Bench', homepage: '', repository: '', hosting: 'both', aliases: [], alternativeTo: [] },
    }, author.id)
    await indexPageFacts(trx, product.pageId)
    const page = await insertApproved(trx, 'bench-comparison', 'comparison', {
      title: 'Bench comparison', summary: 'A generated comparison', lang: 'en', categories: [], body: emptyBody, subjects: { proprietary: [], alternatives: [] },
    }, author.id)
    const sources = Array.from({ length: 20 }, (_, i) => ({ id: newId(), i }))
    for (const s of sources) {
      const url = `https://bench.example/report-${s.i}`
      await trx.insertInto('sources').values({
        id: s.id, url, url_key: url, title: `Report ${s.i}`, publisher: `Publisher ${s.i}`, published_at: '2025-06-01', kind: s.i % 4 === 0 ? 'vendor' : 'press', lang: 'en',
        archive_url: null, created_at: nowIso(), created_by: null, link_status: null, link_http_status: null, link_checked_at: null,
      }).execute()
    }
    const rows = Array.from({ length: count }, (_, i) => {
      const undated = i % 17 === 0
      const asOf = `${2015 + (i % 11)}-${String((i % 12) + 1).padStart(2, '0')}`
      return {
        id: newId(), page_id: page.pageId, revision_id: page.revisionId, ordinal: i, product_slug: 'bench-product', metric: METRICS[i % METRICS.length]!,
        text: `${(i + 1) * 1000}`, value: (i + 1) * 1000, unit: null, as_of: undated ? null : asOf, undated: undated ? 1 : 0, sort_date: undated ? '2025-06-01' : asOf,
        source_id: sources[i % sources.length]!.id, quote: `${(i + 1) * 1000} users`, conflict: 0,
      }
    })
    for (let i = 0; i < rows.length; i += 60) await trx.insertInto('claims').values(rows.slice(i, i + 60)).execute()
    // Conflict flags as the index sets them (app/core/claims.ts).
    for (const metric of METRICS) {
      const ids = findConflicts(rows.filter((r) => r.metric === metric).map((r) => ({ id: r.id, value: r.value, asOf: r.as_of }))).flatMap((c) => c.ids)
      for (let i = 0; i < ids.length; i += 60) await trx.updateTable('claims').set({ conflict: 1 }).where('id', 'in', ids.slice(i, i + 60)).execute()
    }
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main() {
  const started = performance.now()
  const small = await database('claims-20', 20)
  const large = await database('claims-2000', 2000)
  const builtIn = performance.now() - started
  const servers = { small: await startServer({ databaseUrl: small.file }), large: await startServer({ databaseUrl: large.file }) }
  const times: Record<string, number[]> = { small: [], large: [] }
  const bytes: Record<string, number> = {}
  try {
    for (const server of Object.values(servers)) await fetch(`${server.url}/products/bench-product`) // warm-up
    for (let i = 0; i < REQUESTS; i++) {
      for (const [label, server] of Object.entries(servers)) {
        const url = `${server.url}/products/bench-product?bench=${i}`
        const start = performance.now()
        const response = await fetch(url)
        const text = await response.text()
        const elapsed = performance.now() - start
        if (response.status !== 200 || !text.includes('timeline__point')) throw new Error(`${url} answered ${response.status}`)
        times[label]!.push(elapsed)
        bytes[label] = text.length
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
    for (const d of [small, large]) fs.rmSync(d.dir, { recursive: true, force: true })
  }
  const smallMs = median(times.small!)
  const largeMs = median(times.large!)
  const ratio = largeMs / smallMs
  const result = { requests: REQUESTS, smallMs: Number(smallMs.toFixed(1)), largeMs: Number(largeMs.toFixed(1)), ratio: Number(ratio.toFixed(2)), within: ratio <= 2, smallBytes: bytes.small, largeBytes: bytes.large }
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  else {
    process.stdout.write(`Built both databases in ${(builtIn / 1000).toFixed(1)} s; ${REQUESTS} requests per database (median).\n`)
    process.stdout.write(`/products/bench-product  20 claims ${result.smallMs} ms (${result.smallBytes} B)  2,000 claims ${result.largeMs} ms (${result.largeBytes} B)  ratio ${result.ratio}  ${result.within ? 'within 2×' : 'OVER 2×'}\n`)
  }
  if (!result.within) process.exitCode = 1
}

await main()
