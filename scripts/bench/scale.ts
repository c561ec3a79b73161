// npm run build && npm run bench:scale:run -- --small DB --big DB [--requests 20] [--json]
//
// Every page type and API list on the built server (build/server.js, one worker), against a small
// and a big database made by `npm run bench:scale` (scripts/bench/scale-generate.ts), both
// servers up at once, requests alternating between them so machine noise falls on both alike.
// Each request carries its own query parameter so no stored page answers: this measures the
// render and its queries. Reports median and p95 per route and the ratio of the medians
// (big ÷ small), and the ratio of start-up times (spawn to "listening", two starts each,
// alternating). The bar: each route within 1.5×, start-up within 2×.
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { parseDatabaseUrl } from '#app/infra/config.server'
import { openDatabase } from '#app/models/db.server'
import { getUserByUsername, setPasswordHash, setUserRole } from '#app/models/users.server'
import { hashPassword } from '#app/auth/password.server'
import { login } from '#test/factories'
import { startServer, type RunningServer } from '#test/server'

const { values } = parseArgs({
  options: {
    small: { type: 'string' },
    big: { type: 'string' },
    requests: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
})
if (!values.small || !values.big) throw new Error('give --small and --big database URLs (see scripts/bench/scale-generate.ts)')
const REQUESTS = Math.max(5, Number(values.requests))
const LONG = 'scale-long-history'
// Routes named with this prefix are requested by an admin, signed in through the login form: the
// demo's moderator, made an admin with a password the benchmark knows (demo accounts have none).
const SIGNED_IN = 'signed in: '
const ADMIN = { username: 'demo-moderator', password: 'scale-bench-password-1' }

async function preparePassword(url: string): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(url))
  try {
    const user = await getUserByUsername(db, ADMIN.username)
    if (!user) throw new Error(`${url} has no user ${ADMIN.username}`)
    await setPasswordHash(db, user.id, await hashPassword(ADMIN.password))
    await setUserRole(db, user.id, 'admin')
  } finally {
    await db.destroy()
  }
}

/** The paths to measure on one database (ids differ between databases, the routes do not). */
async function routesOf(url: string): Promise<Array<[string, string]>> {
  const db = openDatabase(parseDatabaseUrl(url))
  try {
    const long = await db.selectFrom('pages').select(['id', 'latest_revision_id']).where('slug', '=', LONG).executeTakeFirstOrThrow()
    const [to, from] = await db.selectFrom('revisions').select('id').where('page_id', '=', long.id).orderBy('id', 'desc').limit(2).execute()
    const typical = await db.selectFrom('pages').select('slug').where('kind', '=', 'comparison').where('stable_revision_id', 'is not', null).orderBy('updated_at', 'desc').limit(1).executeTakeFirstOrThrow()
    // One of the generated sources cited by many pages (about fifty at 100 pages, a thousand at 100,000).
    const popular = await db.selectFrom('sources').select('id').where('url', 'like', '%.example.org/%').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    // A proprietary product with two open-source alternatives in either database, so both list the
    // same (the first one by slug had none at 100 pages: an empty list against a full one).
    const product =
      (await db
        .selectFrom('product_links')
        .innerJoin('product_index', 'product_index.slug', 'product_links.to_slug')
        .select('product_index.slug')
        .where('product_index.kind', '=', 'proprietary')
        .groupBy('product_index.slug')
        .having((eb) => eb.fn.countAll(), '=', 2)
        .orderBy('product_index.slug')
        .limit(1)
        .executeTakeFirst()) ?? (await db.selectFrom('product_index').select('slug').where('kind', '=', 'proprietary').orderBy('slug').limit(1).executeTakeFirstOrThrow())
    const category = await db.selectFrom('page_categories').select('category').groupBy('category').orderBy((eb) => eb.fn.countAll(), 'desc').limit(1).executeTakeFirstOrThrow()
    const metric = await db.selectFrom('metrics').select('slug').orderBy('slug').limit(1).executeTakeFirstOrThrow()
    const editor = await db.selectFrom('revisions').innerJoin('users', 'users.id', 'revisions.author_id').select('users.username').where('revisions.page_id', '=', long.id).orderBy('revisions.id', 'desc').limit(1).executeTakeFirstOrThrow()
    const pending = await db.selectFrom('revisions').select('id').where('status', '=', 'pending').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    return [
      ['home', '/'],
      ['page view (typical)', `/pages/${typical.slug}`],
      ['page view (1,000 revisions)', `/pages/${LONG}`],
      ['history (1,000 revisions)', `/pages/${LONG}/history`],
      ['diff', `/pages/${LONG}/diff?from=${from!.id}&to=${to!.id}`],
      ['all comparisons', '/pages'],
      ['recent changes', '/recent-changes'],
      ['search, common word', '/search?q=users'],
      ['search, "Tchap" (one generated page in six)', '/search?q=Tchap'],
      ['sources', '/sources'],
      ['a source cited by many pages', `/sources/${popular.id}`],
      ['products', '/products'],
      ['a product', `/products/${product.slug}`],
      ['API pages', '/api/v1/pages'],
      ['API page revisions', `/api/v1/pages/${LONG}/revisions`],
      ['API a source', `/api/v1/sources/${popular.id}`],
      ['API products', '/api/v1/products'],
      ['a revision (of 1,000)', `/pages/${LONG}/revisions/${from!.id}`],
      ["a page's sources", `/pages/${typical.slug}/sources`],
      ['talk page', `/talk/page/${typical.slug}`],
      ['recent changes feed', '/feeds/recent-changes.atom'],
      ["a page's history feed", `/pages/${LONG}/history.atom`],
      ["a user's contributions", `/users/${editor.username}`],
      ['alternatives to a product', `/alternatives/${product.slug}`],
      ["a product's history", `/products/${product.slug}/history`],
      ['categories', '/categories'],
      ['the largest category', `/categories/${category.category}`],
      ['metrics', '/metrics'],
      ['a metric', `/metrics/${metric.slug}`],
      ['unverified claims', '/claims/unverified'],
      ['moderation log', '/moderation/log'],
      ['API a page', `/api/v1/pages/${LONG}`],
      ['API sources', '/api/v1/sources'],
      ['API alternatives', `/api/v1/alternatives/${product.slug}`],
      ['API claims', '/api/v1/claims'],
      ['API unverified claims', '/api/v1/claims/unverified'],
      ['API metrics', '/api/v1/metrics'],
      ["API a product's revisions", `/api/v1/products/${product.slug}/revisions`],
      ['API talk', `/api/v1/talk/page/${typical.slug}`],
      [`${SIGNED_IN}moderation queue`, '/moderation'],
      [`${SIGNED_IN}a revision to review`, `/moderation/revisions/${pending.id}`],
      [`${SIGNED_IN}reports`, '/moderation/reports'],
      [`${SIGNED_IN}notifications`, '/notifications'],
      [`${SIGNED_IN}watchlist`, '/watchlist'],
      [`${SIGNED_IN}users (admin)`, '/admin/users'],
      [`${SIGNED_IN}API notifications`, '/api/v1/notifications'],
      [`${SIGNED_IN}API watchlist`, '/api/v1/watchlist'],
    ]
  } finally {
    await db.destroy()
  }
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!

async function timedStart(databaseUrl: string): Promise<{ server: RunningServer; ms: number }> {
  const started = performance.now()
  const server = await startServer({ databaseUrl })
  return { server, ms: performance.now() - started }
}

async function main(): Promise<void> {
  const dbs = { small: values.small!, big: values.big! }
  const routes = { small: await routesOf(dbs.small), big: await routesOf(dbs.big) }
  const starts: Record<'small' | 'big', number[]> = { small: [], big: [] }
  for (let i = 0; i < 2; i++) {
    for (const label of ['small', 'big'] as const) {
      const { server, ms } = await timedStart(dbs[label])
      starts[label].push(ms)
      await server.stop()
    }
  }
  await Promise.all([preparePassword(dbs.small), preparePassword(dbs.big)])
  const servers = { small: (await timedStart(dbs.small)).server, big: (await timedStart(dbs.big)).server }
  const cookies = { small: await login(servers.small.url, ADMIN.username, ADMIN.password), big: await login(servers.big.url, ADMIN.username, ADMIN.password) }
  const times = new Map<string, { small: number[]; big: number[]; bytes: { small: number; big: number } }>()
  try {
    for (const [index, [name]] of routes.small.entries()) {
      const entry = { small: [] as number[], big: [] as number[], bytes: { small: 0, big: 0 } }
      times.set(name, entry)
      for (let i = -1; i < REQUESTS; i++) {
        // Alternate which goes first; the first round warms both up and is not counted.
        for (const label of i % 2 === 0 ? (['small', 'big'] as const) : (['big', 'small'] as const)) {
          const route = routes[label][index]![1]
          const url = `${servers[label].url}${route}${route.includes('?') ? '&' : '?'}bench=${i}`
          const started = performance.now()
          const response = await fetch(url, name.startsWith(SIGNED_IN) ? { headers: { cookie: cookies[label] } } : {})
          const body = await response.arrayBuffer()
          const elapsed = performance.now() - started
          if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 300)}`)
          if (i >= 0) entry[label].push(elapsed)
          entry.bytes[label] = body.byteLength
        }
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()))
  }
  const rows = [...times].map(([name, t]) => {
    const small = percentile(t.small, 0.5)
    const big = percentile(t.big, 0.5)
    return { route: name, smallP50: small, smallP95: percentile(t.small, 0.95), bigP50: big, bigP95: percentile(t.big, 0.95), ratio: big / small, smallKB: t.bytes.small / 1024, bigKB: t.bytes.big / 1024 }
  })
  const startRatio = percentile(starts.big, 0.5) / percentile(starts.small, 0.5)
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ requests: REQUESTS, starts, startRatio, rows }, null, 2)}\n`)
    return
  }
  const f = (n: number) => n.toFixed(1)
  process.stdout.write(`| route | small p50 / p95 (ms) | big p50 / p95 (ms) | big ÷ small | size small / big (KB) |\n|---|---|---|---|---|\n`)
  for (const r of rows) process.stdout.write(`| ${r.route} | ${f(r.smallP50)} / ${f(r.smallP95)} | ${f(r.bigP50)} / ${f(r.bigP95)} | **${r.ratio.toFixed(2)}×**${r.ratio > 1.5 ? ' (over 1.5×)' : ''} | ${f(r.smallKB)} / ${f(r.bigKB)} |\n`)
  process.stdout.write(`| start-up | ${starts.small.map((s) => (s / 1000).toFixed(2)).join(', ')} s | ${starts.big.map((s) => (s / 1000).toFixed(2)).join(', ')} s | **${startRatio.toFixed(2)}×**${startRatio > 2 ? ' (over 2×)' : ''} | |\n`)
}

await main()
