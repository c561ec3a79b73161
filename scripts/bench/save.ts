// npx tsx scripts/bench/save.ts [--runs 9] [--json]
//
// What one save of a large comparison costs, stage by stage, as ratios to a baseline measured in
// the same run: JSON.parse of the request text plus a plain insert of the same bytes into a
// one-column table. Runs on SQLite always, and on PostgreSQL too when DATABASE_URL or
// TEST_DATABASE_URL is a postgres:// URL (in a scratch schema, dropped afterwards).
// Stages: parse, validate, analyse (text this process has not seen), analyse-edit (the same page
// with one paragraph changed), write (revision, derived rows, heads, search index), and the whole
// service — save (every text new) and save-edit (one paragraph changed).
// Absolute times on a shared 2-core machine are noise; the ratios are what docs/performance.md keeps.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { randomBytes } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { analyseContent } from '#app/core/analyse'
import { validateContent } from '#app/core/document'
import type { DatabaseConfig } from '#app/infra/config.server'
import { migrateToLatest, openDatabase } from '#app/models/db.server'
import { newId, nowIso } from '#app/models/ids.server'
import { insertPage, updatePageHeads } from '#app/models/pages.server'
import { insertSource } from '#app/models/sources.server'
import { insertUser } from '#app/models/users.server'
import { sourceUrlKey } from '#app/core/source-url'
import { recordRevision } from '#app/services/record-revision.server'
import { saveRevision } from '#app/services/save-revision.server'
import type { Database } from '#db/schema'
import { benchDocument, FIGURES, variantWord } from './bench-document'
import type { PageContent } from '#app/core/content'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, json: { type: 'boolean', default: false } } })
const RUNS = Math.max(3, Number(values.runs))
const SOURCES = 30

type Stage = 'baseline' | 'parse' | 'validate' | 'analyse' | 'analyse-edit' | 'write' | 'save' | 'save-edit'

function expectSaved(result: Awaited<ReturnType<typeof saveRevision>>): void {
  if (!result.ok) throw new Error(`bench save refused: ${JSON.stringify(result).slice(0, 300)}`)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

interface Target {
  engine: 'sqlite' | 'postgres'
  db: Kysely<Database>
  cleanup(): Promise<void>
}

async function openTarget(engine: 'sqlite' | 'postgres', url?: string): Promise<Target> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-bench-'))
    const db = openDatabase({ engine: 'sqlite', file: path.join(dir, 'bench.sqlite') })
    await migrateToLatest(db)
    return { engine, db, cleanup: async () => (await db.destroy(), fs.rmSync(dir, { recursive: true, force: true })) }
  }
  const config: DatabaseConfig = { engine: 'postgres', url: url! }
  const schema = `bench_${randomBytes(5).toString('hex')}`
  const admin = openDatabase(config)
  await sql`create schema ${sql.id(schema)}`.execute(admin)
  const db = openDatabase(config, { searchPath: schema })
  await migrateToLatest(db)
  return {
    engine,
    db,
    cleanup: async () => {
      await db.destroy()
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin)
      await admin.destroy()
    },
  }
}

async function measure(target: Target) {
  const { db } = target
  await sql`create table bench_blob (id text primary key, body text not null)`.execute(db)
  const sourceIds: string[] = []
  for (let i = 0; i < SOURCES; i++) {
    const id = newId()
    const url = `https://example.org/report-${i}`
    await insertSource(db, { id, url, urlKey: sourceUrlKey(url)!, title: `Report ${i}`, publisher: 'Example', publishedAt: '2024', kind: 'official', lang: 'en', archiveUrl: null, createdAt: nowIso(), createdBy: null })
    sourceIds.push(id)
  }
  const author = newId()
  await insertUser(db, { id: author, username: `bench-${author.slice(-6)}`, passwordHash: null, role: 'trusted', createdAt: nowIso() })
  const actor = { id: author, role: 'trusted' as const, blockedUntil: null }
  const known = new Set(sourceIds)
  // Variants never repeat, so every "new text" stage reads text this process has not seen.
  let variant = 0
  const fresh = () => benchDocument(sourceIds, variant++)
  /** The same page with one paragraph rewritten: what an ordinary edit sends. */
  const editOne = (content: PageContent, run: number): PageContent => {
    const blocks = [...content.body.content!]
    blocks[3] = { type: 'paragraph', content: [{ type: 'text', text: `An ordinary edit rewrote this paragraph (${variantWord(run + 1000)}).` }] }
    return { ...content, body: { ...content.body, content: blocks } }
  }

  const first = fresh()
  const created = await saveRevision(db, { actor, slug: null, baseRevisionId: null, content: first, summary: 'first', idempotencyKey: null })
  if (!created.ok) throw new Error(`bench save failed: ${JSON.stringify(created).slice(0, 300)}`)
  const check = analyseContent(first, known)
  if (check.figures.filter((f) => f.cited).length !== FIGURES) throw new Error(`expected ${FIGURES} cited figures, got ${check.figures.filter((f) => f.cited).length}`)
  let saved = first

  const samples: Record<Stage, number[]> = { baseline: [], parse: [], validate: [], analyse: [], 'analyse-edit': [], write: [], save: [], 'save-edit': [] }
  let requestBytes = 0
  for (let run = -2; run < RUNS; run++) {
    const record = (name: Stage, ms: number) => run >= 0 && samples[name].push(ms)
    const document = fresh()
    const requestText = JSON.stringify({ content: document, summary: 'bench' })
    requestBytes = Buffer.byteLength(requestText)
    record('baseline', await time(() => db.transaction().execute(async (trx) => {
      JSON.parse(requestText)
      await trx.insertInto('bench_blob' as never).values({ id: newId(), body: requestText } as never).execute()
    })))
    record('parse', await time(() => JSON.parse(requestText)))
    const parsed = (JSON.parse(requestText) as { content: unknown }).content
    let validated: PageContent | null = null
    record('validate', await time(() => {
      const result = validateContent(parsed)
      if (result.ok) validated = result.value
    }))
    if (!validated) throw new Error('bench document is invalid')
    const content: PageContent = validated
    let analysis: ReturnType<typeof analyseContent> | null = null
    record('analyse', await time(() => (analysis = analyseContent(content, known))))
    record('analyse-edit', await time(() => analyseContent(editOne(content, run), known)))
    // The service's write: the revision, its figures, citations and findings, the page's heads and
    // the search index, in one transaction (a new page each time, so the heads really move).
    record('write', await time(() => db.transaction().execute(async (trx) => {
      const pageId = newId()
      const revisionId = newId()
      await insertPage(trx, { id: pageId, slug: `bench-${pageId}`, title: content.title, summary: content.summary, lang: 'en', latestRevisionId: revisionId, createdAt: nowIso() })
      await recordRevision(trx, { id: revisionId, pageId, parentId: null, baseRevisionId: null, authorId: author, summary: 'bench', status: 'approved', content, analysis: analysis! })
      await updatePageHeads(trx, pageId, { stableRevisionId: revisionId, updatedAt: nowIso() })
    })))
    // The whole service, as the API calls it: a page whose every text is new, then an ordinary
    // edit of it (one paragraph) — the second reads the rest of the page from the cache of figures.
    const head = async () => (await db.selectFrom('pages').select('latest_revision_id').where('id', '=', created.page.id).executeTakeFirstOrThrow()).latest_revision_id
    const next = fresh()
    record('save', await time(async () => expectSaved(await saveRevision(db, { actor, slug: created.page.slug, baseRevisionId: await head(), content: JSON.parse(JSON.stringify(next)), summary: `run ${run}`, idempotencyKey: null }))))
    saved = editOne(next, run)
    record('save-edit', await time(async () => expectSaved(await saveRevision(db, { actor, slug: created.page.slug, baseRevisionId: await head(), content: JSON.parse(JSON.stringify(saved)), summary: `edit ${run}`, idempotencyKey: null }))))
  }
  // Each stage is divided by the baseline of its own run, then the median is taken: the load of a
  // shared machine drifts between runs, much less within one.
  const ratio = (xs: number[]) => median(xs.map((x, i) => x / samples.baseline[i]!))
  const round = (x: number) => Number(x.toFixed(x < 1 ? 2 : 1))
  const stages = Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, { medianMs: Number(median(xs).toFixed(2)), ratio: round(ratio(xs)) }]))
  return { engine: target.engine, bytes: requestBytes, figures: check.figures.length, cited: check.figures.filter((f) => f.cited).length, runs: RUNS, stages }
}

const postgresUrl = [process.env.DATABASE_URL, process.env.TEST_DATABASE_URL].find((u) => u?.startsWith('postgres'))
const results = []
for (const [engine, url] of [['sqlite', undefined], ...(postgresUrl ? [['postgres', postgresUrl]] : [])] as Array<['sqlite' | 'postgres', string | undefined]>) {
  const target = await openTarget(engine, url)
  try {
    results.push(await measure(target))
  } finally {
    await target.cleanup()
  }
}

if (values.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n')
else {
  for (const r of results) {
    process.stdout.write(`\n${r.engine}: ${(r.bytes / 1024).toFixed(0)} KB request, ${r.figures} figures (${r.cited} cited), median of ${r.runs} runs\n`)
    process.stdout.write('stage      median ms   × baseline (JSON.parse + plain insert; median of per-run ratios)\n')
    for (const [name, s] of Object.entries(r.stages)) process.stdout.write(`${name.padEnd(10)} ${String(s.medianMs).padStart(9)}   ${s.ratio}\n`)
  }
}
