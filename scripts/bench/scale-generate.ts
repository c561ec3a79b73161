// npm run bench:scale -- --pages 100000 --revisions 1000000 [--database-url FILE | postgres://…/sourced_scale_NAME]
//
// Builds a large database through the app's own schema: the migrations, the demo seed, then
// generated users, sources, product pages and comparisons whose revisions are the demo
// comparisons' documents (their first blocks, with figures, quotes and citations) under new titles,
// subjects and sources. Every derived row — figures, citations, findings, the search index, the
// product and category index — is computed by the app's own functions (analyseContent,
// derivedRows, searchDocument, pageFactRows), once per document shape, and written in bulk:
// prepared statements in large transactions on SQLite, `insert … select from unnest(…)` on
// PostgreSQL. One comparison has 1,000 revisions (fewer if --revisions leaves no room).
//
// A PostgreSQL database is dropped and created again, so its name must start with
// `sourced_scale_`; a SQLite file is replaced.
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import pg from 'pg'
import { analyseContent, type ContentAnalysis } from '#app/core/analyse'
import type { DocNode, PageContent } from '#app/core/content'
import { validateProductContent } from '#app/core/product'
import { sourceUrlKey } from '#app/core/source-url'
import { parseDatabaseUrl } from '#app/infra/config.server'
import { migrateToLatest, openDatabase } from '#app/models/db.server'
import { derivedRows } from '#app/models/evidence.server'
import { ensureProductIndex, pageFactRows, recountCategories } from '#app/models/products.server'
import { ensureSearchIndex, isSearchIndexed, searchDocument } from '#app/models/search.server'
import { ensureSourceUsesIndex } from '#app/models/sources.server'
import { ensureClaimsIndex } from '#app/models/claims.server'
import { seedDemo } from '#app/services/seed-demo.server'
import { demoPages } from '#db/seed/demo-content'
import { demoProducts } from '#db/seed/demo-products'

export const BIG_HISTORY = 1_000

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100' },
    revisions: { type: 'string' },
    'database-url': { type: 'string' },
  },
})
const PAGES = Math.max(10, Number(values.pages))
const REVISIONS = Math.max(PAGES, Number(values.revisions ?? PAGES * 10))
const target = values['database-url'] ?? path.join(os.tmpdir(), `sourced-scale-${PAGES}.sqlite`)

// ---------------------------------------------------------------------------------------------
// Ids: lower-case ULIDs whose time part is the row's creation time, as the app makes them.

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz'
let entropy = randomBytes(0)
let entropyAt = 0
function idAt(ms: number): string {
  let time = ''
  for (let i = 0, t = ms; i < 10; i++, t = Math.floor(t / 32)) time = CROCKFORD[t % 32]! + time
  if (entropyAt + 16 > entropy.length) {
    entropy = randomBytes(1 << 16)
    entropyAt = 0
  }
  let rest = ''
  for (let i = 0; i < 16; i++) rest += CROCKFORD[entropy[entropyAt++]! & 31]
  return time + rest
}

// A deterministic generator, so two runs of the same size build the same shapes.
let seed = 0x5eed
function random(): number {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff
  return seed / 0x7fffffff
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!

const SYLLABLES = ['ba', 'ko', 'mi', 'ru', 'te', 'lo', 'na', 'vi', 'se', 'du', 'fa', 'ge', 'hu', 'pi', 'zo', 'we', 'ya', 'ce', 'jo', 'xu']
/** A pronounceable word, unique per number, with no digit (a digit in a title is a figure). */
function word(n: number): string {
  let out = ''
  let rest = n
  for (let i = 0; i < 3 || rest > 0; i++) {
    out += SYLLABLES[rest % SYLLABLES.length]
    rest = Math.floor(rest / SYLLABLES.length)
  }
  return out
}
const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1)

// ---------------------------------------------------------------------------------------------
// Bulk writers: rows as objects, written in the order the foreign keys need.

const ORDER = ['users', 'sources', 'pages', 'revisions', 'figures', 'citations', 'findings', 'moderation_decisions', 'page_search', 'page_categories', 'product_index', 'product_names', 'product_links', 'comparison_subjects'] as const
type Table = (typeof ORDER)[number]
type Row = Record<string, unknown>

interface Bulk {
  add(table: Table, row: Row): Promise<void>
  finish(): Promise<void>
}

function sqliteBulk(file: string): Bulk {
  const raw = new SQLite(file)
  raw.pragma('journal_mode = WAL')
  // Consistent by construction; the checks would only slow the load.
  raw.pragma('foreign_keys = OFF')
  raw.pragma('synchronous = OFF')
  raw.pragma('cache_size = -262144')
  const statements = new Map<Table, SQLite.Statement>()
  let pending = 0
  raw.exec('begin')
  return {
    add: async (table, row) => {
      let statement = statements.get(table)
      if (!statement) {
        const columns = Object.keys(row)
        statement = raw.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`)
        statements.set(table, statement)
      }
      statement.run(row)
      if (++pending >= 200_000) {
        raw.exec('commit; begin')
        pending = 0
      }
    },
    finish: async () => {
      raw.exec('commit')
      raw.exec('analyze')
      raw.pragma('wal_checkpoint(TRUNCATE)')
      raw.close()
    },
  }
}

async function postgresBulk(url: string): Promise<Bulk> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('set synchronous_commit = off')
  // Skips the foreign-key triggers for this session (the rows are consistent by construction);
  // a role that may not do so loads with the checks, only slower.
  await client.query('set session_replication_role = replica').catch(() => undefined)
  const types = new Map<string, string>()
  for (const r of (await client.query<{ table_name: string; column_name: string; udt_name: string }>(`select table_name, column_name, udt_name from information_schema.columns where table_schema = 'public'`)).rows) {
    types.set(`${r.table_name}.${r.column_name}`, r.udt_name)
  }
  const buffers = new Map<Table, Row[]>()
  let buffered = 0
  async function flush(): Promise<void> {
    for (const table of ORDER) {
      const rows = buffers.get(table)
      if (!rows || rows.length === 0) continue
      const columns = Object.keys(rows[0]!)
      const casts = columns.map((c, i) => `$${i + 1}::${types.get(`${table}.${c}`) ?? 'text'}[]`)
      await client.query(`insert into ${table} (${columns.join(', ')}) select * from unnest(${casts.join(', ')})`, columns.map((c) => rows.map((r) => r[c] ?? null)))
      rows.length = 0
    }
    buffered = 0
  }
  return {
    add: async (table, row) => {
      let rows = buffers.get(table)
      if (!rows) buffers.set(table, (rows = []))
      rows.push(row)
      if (++buffered >= 20_000) await flush()
    },
    finish: async () => {
      await flush()
      await client.query('analyze')
      await client.end()
    },
  }
}

async function prepareTarget(url: string): Promise<void> {
  const config = parseDatabaseUrl(url)
  if (config.engine === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${config.file}${suffix}`, { force: true })
    return
  }
  const parsed = new URL(url)
  const name = decodeURIComponent(parsed.pathname.slice(1))
  if (!/^sourced_scale_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop "${name}": the database name must start with sourced_scale_`)
  parsed.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: parsed.toString() })
  await admin.connect()
  try {
    await admin.query(`drop database if exists ${name}`)
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
}

// ---------------------------------------------------------------------------------------------
// Document shapes: the first blocks of each demo comparison (about 3–5 KB, several figures with
// quotes, citations), with placeholders for the title, subjects and each cited source. The second
// variant adds a paragraph, so consecutive revisions of a page differ.

interface Shape {
  json: string
  analysis: ContentAnalysis
  sourceSlots: number
}

const PLACEHOLDER = /"@@SUBJECTS@@"|@@([A-Z]+)(\d*)@@/g

function slotSources(node: DocNode, slots: Map<string, string>): DocNode {
  const swap = (attrs: Record<string, unknown> | undefined) => {
    if (!attrs || typeof attrs.sourceId !== 'string') return attrs
    if (!slots.has(attrs.sourceId)) slots.set(attrs.sourceId, `@@S${slots.size}@@`)
    return { ...attrs, sourceId: slots.get(attrs.sourceId) }
  }
  return {
    ...node,
    ...(node.type === 'citation' ? { attrs: swap(node.attrs) } : {}),
    ...(node.marks ? { marks: node.marks.map((m) => (m.type === 'figure' ? { ...m, attrs: swap(m.attrs) } : m)) } : {}),
    ...(node.content ? { content: node.content.map((c) => slotSources(c, slots)) } : {}),
  }
}

const SAMPLE_SUBJECTS: PageContent['subjects'] = {
  proprietary: [{ name: 'Bakomi Chat', vendor: 'Bakomi Inc.', homepage: 'https://bakomi.example.org', product: 'bakomi-chat' }],
  alternatives: [{ name: 'Rutelo Talk', vendor: 'Rutelo community', homepage: 'https://rutelo.example.org', license: 'AGPL-3.0-only', repository: 'https://git.example.org/rutelo', product: 'rutelo-talk' }],
}

function shapes(full: boolean): Shape[] {
  return demoPages.map((page) => {
    const blocks: DocNode[] = []
    let size = 0
    for (const block of page.content.body.content ?? []) {
      if (!full && blocks.length >= 2 && size > 1_500) break
      blocks.push(block)
      size += JSON.stringify(block).length
    }
    const slots = new Map<string, string>()
    const body = slotSources({ ...page.content.body, content: blocks }, slots)
    return [false, true].map((edited) => {
      const content: PageContent = {
        ...page.content,
        title: '@@TITLE@@',
        subjects: '@@SUBJECTS@@' as unknown as PageContent['subjects'],
        body: edited ? { ...body, content: [...body.content!, { type: 'paragraph', content: [{ type: 'text', text: 'The editors checked this comparison again against its sources.' }] }] } : body,
      }
      // The analysis is the same for every page of the shape: titles and subjects carry no figure.
      const sample = { ...content, title: 'Bakomi Chat vs Rutelo Talk (Fasege)', subjects: SAMPLE_SUBJECTS }
      return { json: JSON.stringify(content), analysis: analyseContent(sample, { has: () => true }), sourceSlots: slots.size }
    })
  }).flat()
}

const EDIT_SUMMARIES = ['Updated the figures from the latest report', 'Added a source for the user count', 'Fixed a typo', 'Reworded the summary', 'Clarified the hosting options', 'Replaced a dead link']
const REASONS = { approve: 'Checked against the cited sources.', reject: 'The quote does not show the figure.' }
const PUBLISHERS = ['Federal Office', 'Daily Ledger', 'Open Source Observer', 'Tech Review', 'University Press', 'Community Wiki', 'Court Records', 'Statistics Bureau']
const LICENCES = ['AGPL-3.0-only', 'GPL-3.0-or-later', 'MPL-2.0', 'Apache-2.0', 'MIT', 'LGPL-2.1-or-later', 'BSD-3-Clause']

async function main(): Promise<void> {
  const started = performance.now()
  const log = (msg: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${msg}\n`)
  await prepareTarget(target)
  const config = parseDatabaseUrl(target)
  const db = openDatabase(config)
  await migrateToLatest(db)
  await seedDemo(db)
  await ensureSearchIndex(db)
  await ensureProductIndex(db)
  const author = await db.selectFrom('users').select('id').where('username', '=', 'Sourced').executeTakeFirstOrThrow()
  await db.destroy()
  log(`migrated and seeded ${config.engine === 'sqlite' ? config.file : target}`)

  const bulk = config.engine === 'sqlite' ? sqliteBulk(config.file) : await postgresBulk(target)
  const now = Date.now()
  const t0 = now - 2 * 365 * 86_400_000
  const iso = (ms: number) => new Date(ms).toISOString()

  // People: editors, trusted editors and moderators.
  const userCount = Math.max(30, Math.ceil(PAGES / 20))
  const users: Array<{ id: string; role: string }> = []
  for (let i = 0; i < userCount; i++) {
    const role = i % 10 < 5 ? 'editor' : i % 10 < 9 ? 'trusted' : 'moderator'
    const id = idAt(t0 + i)
    users.push({ id, role })
    const username = `${word(i)}-${role}`
    await bulk.add('users', { id, username, username_key: username, password_hash: null, role, created_at: iso(t0 + i), blocked_until: null, block_reason: null })
  }
  const moderators = users.filter((u) => u.role === 'moderator')

  // Sources: four per page, and up to a hundred cited by many pages (a source page with thousands of
  // uses). A small database has fewer, so each is still cited by about fifty pages: a full page of
  // uses at either size, which the benchmark compares.
  const popular = Math.max(1, Math.min(100, Math.floor(PAGES / 50)))
  const sourceCount = PAGES * 4 + popular
  const sourceIds: string[] = []
  for (let i = 0; i < sourceCount; i++) {
    const at = t0 + Math.floor((i / sourceCount) * (now - t0) * 0.9)
    const id = idAt(at)
    sourceIds.push(id)
    const publisher = PUBLISHERS[i % PUBLISHERS.length]!
    const url = `https://${publisher.toLowerCase().replace(/ /g, '-')}.example.org/${word(i)}/report`
    await bulk.add('sources', {
      id, url, url_key: sourceUrlKey(url), title: `${capital(word(i))} annual report on ${pick(['usage', 'security', 'costs', 'adoption', 'hosting'])}`,
      publisher, published_at: iso(at).slice(0, 10), kind: ['official', 'press', 'vendor', 'audit', 'academic', 'community'][i % 6], lang: 'en',
      archive_url: null, created_at: iso(at), created_by: pick(users).id, link_status: null, link_http_status: null, link_checked_at: null,
    })
  }
  log(`${userCount} users, ${sourceCount} sources`)

  let revisionCount = 0
  async function addPage(page: { id: string; slug: string; kind: 'comparison' | 'product'; featured: boolean }, revisions: Array<{ json: string; analysis: ContentAnalysis; sources: string[] }>, pendingHead: boolean): Promise<void> {
    const times = revisions.map(() => t0 + Math.floor(random() * (now - t0 - 60_000))).sort((a, b) => a - b)
    for (let k = 1; k < times.length; k++) if (times[k]! <= times[k - 1]!) times[k] = times[k - 1]! + 1
    let parent: string | null = null
    let stable: { id: string; json: string; at: number } | null = null
    let latest = ''
    for (const [k, r] of revisions.entries()) {
      const at = times[k]!
      const id = idAt(at)
      const status = pendingHead && k === revisions.length - 1 ? 'pending' : k > 0 && k < revisions.length - 1 && random() < 0.03 ? 'rejected' : 'approved'
      const authorUser = page.kind === 'product' ? { id: author.id, role: 'trusted' } : pick(users)
      const { figures, citations, findings } = derivedRows(id, page.id, r.analysis, () => idAt(at))
      const slot = (value: unknown) => (typeof value === 'string' && value.startsWith('@@S') ? r.sources[Number(value.slice(3, -2))] ?? null : value)
      await bulk.add('revisions', {
        id, page_id: page.id, parent_id: parent, base_revision_id: parent, author_id: authorUser.id, summary: k === 0 ? 'New page' : pick(EDIT_SUMMARIES),
        status, content: r.json, content_hash: createHash('sha256').update(r.json).digest('hex'), size: Buffer.byteLength(r.json), created_at: iso(at),
        idempotency_key: null, idempotency_fingerprint: null, restores_revision_id: null, uncited_count: r.analysis.uncitedFigures.length,
        finding_count: r.analysis.findings.length, risk_score: status === 'pending' ? Math.floor(random() * 100) : 0,
      })
      for (const f of figures) await bulk.add('figures', { ...f, source_id: slot(f.source_id) })
      for (const c of citations) await bulk.add('citations', { ...c, source_id: slot(c.source_id) })
      for (const f of findings) await bulk.add('findings', f)
      if (status !== 'pending' && authorUser.role === 'editor') {
        const decision = status === 'approved' ? 'approve' : 'reject'
        await bulk.add('moderation_decisions', { id: idAt(at + 1), revision_id: id, moderator_id: pick(moderators).id, decision, reason: REASONS[decision], created_at: iso(at + 1) })
      }
      if (status === 'approved') stable = { id, json: r.json, at }
      parent = id
      latest = id
      revisionCount++
    }
    // A new page whose only revision waits for review has no stable revision: readers do not see it.
    const content = JSON.parse((stable ?? revisions[0]!).json) as PageContent
    const updatedAt = iso(stable?.at ?? times[0]!)
    await bulk.add('pages', {
      id: page.id, slug: page.slug, title: content.title, summary: content.summary, lang: content.lang, stable_revision_id: stable?.id ?? null, latest_revision_id: latest,
      featured: page.featured ? 1 : 0, created_at: iso(times[0]!), updated_at: updatedAt, protection: null, protection_reason: null, protection_expires_at: null, kind: page.kind,
    })
    if (!stable) return
    if (isSearchIndexed(page.kind)) await bulk.add('page_search', { page_id: page.id, ...searchDocument(content) })
    const facts = pageFactRows({ id: page.id, slug: page.slug, kind: page.kind, updatedAt }, content)
    for (const table of ['page_categories', 'product_index', 'product_names', 'product_links', 'comparison_subjects'] as const) for (const row of facts[table]) await bulk.add(table, row as Row)
  }

  // Products: one in twenty pages, half proprietary; each open-source one is an alternative to two.
  const productCount = Math.max(4, Math.floor(PAGES / 20))
  const products: Array<{ slug: string; name: string; vendor: string; kind: 'proprietary' | 'open-source' }> = []
  for (let i = 0; i < productCount; i++) {
    const kind = i % 2 === 0 ? 'proprietary' : 'open-source'
    const name = `${capital(word(i))} ${pick(['Chat', 'Docs', 'Meet', 'Drive', 'Mail', 'Office'])}`
    products.push({ slug: `${name.toLowerCase().replace(/ /g, '-')}-${word(i)}`, name, vendor: kind === 'proprietary' ? `${capital(word(i))} Inc.` : `${capital(word(i))} community`, kind })
  }
  for (const [i, p] of products.entries()) {
    const template = demoProducts[i % demoProducts.length]!
    const proprietary = products.filter((q) => q.kind === 'proprietary')
    const validated = validateProductContent({
      title: p.name, summary: `${p.name}, a ${p.kind} product.`, lang: 'en', subjects: { proprietary: [], alternatives: [] }, categories: template.categories,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${p.name} is made by ${p.vendor}.` }] }] },
      product: {
        kind: p.kind, license: p.kind === 'proprietary' ? 'LicenseRef-Proprietary' : LICENCES[i % LICENCES.length]!, vendor: p.vendor, homepage: `https://${p.slug}.example.org`,
        repository: p.kind === 'proprietary' ? '' : `https://git.example.org/${p.slug}`, hosting: p.kind === 'proprietary' ? 'saas' : 'both', aliases: [],
        alternativeTo: p.kind === 'proprietary' ? [] : [pick(proprietary).slug, pick(proprietary).slug],
      },
    })
    if (!validated.ok) throw new Error(`generated product ${p.slug} is invalid: ${validated.issues.map((x) => x.message).join('; ')}`)
    const json = JSON.stringify(validated.value)
    await addPage({ id: idAt(t0 + i), slug: p.slug, kind: 'product', featured: false }, [{ json, analysis: analyseContent(validated.value, { has: () => true }), sources: [] }], false)
  }
  log(`${productCount} products`)

  // Comparisons: the first has the long history; the other revisions are spread evenly.
  const small = shapes(false)
  const large = shapes(true).slice(0, 2)
  const slotCount = Math.max(...[...small, ...large].map((s) => s.sourceSlots))
  const comparisons = PAGES - productCount
  // One comparison in 25 ends with a pending revision, but at least sixty do: the queue shows
  // fifty a page, and a small database must fill that page for its time to compare with a big
  // one's (with 4 pending, the small queue rendered 4 rows against 50).
  const pendingEvery = Math.max(1, Math.min(25, Math.floor(comparisons / 60)))
  const bigHistory = Math.min(BIG_HISTORY, Math.max(1, REVISIONS - productCount - (comparisons - 1)))
  const rest = REVISIONS - productCount - bigHistory
  const proprietary = products.filter((p) => p.kind === 'proprietary')
  const open = products.filter((p) => p.kind === 'open-source')
  for (let i = 0; i < comparisons; i++) {
    const count = i === 0 ? bigHistory : Math.floor(rest / (comparisons - 1)) + (i - 1 < rest % (comparisons - 1) ? 1 : 0)
    const left = proprietary[i % proprietary.length]!
    const right = open[(i * 7) % open.length]!
    const title = i === 0 ? `${left.name} vs ${right.name}, the long history` : `${left.name} vs ${right.name} (${capital(word(i))})`
    const slug = i === 0 ? 'scale-long-history' : `${left.slug}-vs-${right.slug}-${word(i)}`
    const subjects = JSON.stringify({
      proprietary: [{ name: left.name, vendor: left.vendor, homepage: `https://${left.slug}.example.org`, product: left.slug }],
      alternatives: [{ name: right.name, vendor: right.vendor, homepage: `https://${right.slug}.example.org`, license: 'AGPL-3.0-only', repository: `https://git.example.org/${right.slug}`, product: right.slug }],
    })
    const pair = i === 0 ? large : small.slice((i % demoPages.length) * 2, (i % demoPages.length) * 2 + 2)
    // The first source slot of each page is one of the popular sources.
    const sources = Array.from({ length: slotCount }, (_, j) => (j === 0 ? sourceIds[PAGES * 4 + (i % popular)]! : sourceIds[(i * 4 + j) % (PAGES * 4)]!))
    const fill = (json: string) => json.replace(PLACEHOLDER, (match, name: string | undefined, n: string) => (match === '"@@SUBJECTS@@"' ? subjects : name === 'TITLE' ? title : sources[Number(n)]!))
    const jsons = pair.map((s) => fill(s.json))
    const pending = i % pendingEvery === 3 % pendingEvery
    // A pending revision goes on top of a published one: a page of one revision gets a second.
    const revisions = Array.from({ length: pending ? Math.max(2, count) : count }, (_, k) => ({ json: jsons[k % 2]!, analysis: pair[k % 2]!.analysis, sources }))
    await addPage({ id: idAt(t0 + productCount + i), slug, kind: 'comparison', featured: i % 5_000 === 1 }, revisions, pending)
    if ((i + 1) % 10_000 === 0) log(`${i + 1} comparisons, ${revisionCount} revisions`)
  }
  await bulk.finish()
  // The pages each source is cited by: derived from the stable revisions just written, as the app
  // does at start-up, so that start-up finds them built.
  const maintenance = openDatabase(config, { maintenance: true })
  await ensureSourceUsesIndex(maintenance)
  // The category counts follow each filing as the app files it; the bulk load filed them directly.
  await recountCategories(maintenance)
  // Claims too (decision 027), through the app's own rebuild (ensureClaimsIndex): without them every
  // start-up would rebuild them first.
  await ensureClaimsIndex(maintenance)
  await sql`analyze claims`.execute(maintenance)
  await sql`analyze page_sources`.execute(maintenance)
  await sql`analyze sources`.execute(maintenance)
  await maintenance.destroy()
  log(`done: ${PAGES} pages (${productCount} products), ${revisionCount} revisions, ${sourceCount} sources, ${userCount} users, plus the demo`)
}

await main()
