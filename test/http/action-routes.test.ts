import fs from 'node:fs'
import path from 'node:path'
import type { Kysely } from 'kysely'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#db/schema'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createClaimReport, createRevision, createSource, createUser, login, TEST_PASSWORD } from '#test/factories'
import { content, doc, p, text } from '#test/fixtures/docs'
import { createApiToken } from '#app/models/api-tokens.server'
import { listFigures } from '#app/models/evidence.server'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { setUserBlock } from '#app/models/users.server'
import { startThread } from '#app/services/start-thread.server'
import { isCrossSiteRefusal, postForm, postJson, stateOf, type RequestOptions } from './requests'

/**
 * Every route module with an `action` — found by scanning app/routes, not listed by hand — is
 * posted to by everyone who must be refused, and must refuse them without changing anything.
 * A new action route fails this test until it is classified in ROUTES below.
 */

type Access = 'public' | 'signed-in' | 'editor' | 'trusted' | 'moderator' | 'admin'
type Caller = 'anonymous' | 'blockedEditor' | 'editor' | 'trusted' | 'blockedModerator' | 'moderator' | 'admin'

interface Context {
  /** The newest revision of the demo page (a valid base for an edit). */
  latestRevisionId: string
  /** A new open report on the demo page. */
  openReport: () => Promise<string>
  /** An editor's name (its password is TEST_PASSWORD). */
  victim: string
  n: number
}
interface Probe {
  name: string
  /** Form fields, or the JSON body for /api routes; best a body that WOULD succeed. */
  body?: (ctx: Context) => Record<string, unknown> | Promise<Record<string, unknown>>
  /** Stricter than the route's minimum, for one intent. */
  minimum?: Access
  /** What this probe may legitimately change when allowed: the target's role or block, or publish revisions. */
  changes?: Array<'role' | 'block' | 'publish'>
}
interface RouteRule {
  /** The least caller that may post here; everyone below gets 401 or 403. */
  minimum: Access
  probes?: Probe[]
}

const DEMO_SLUG = 'microsoft-teams-vs-tchap'
const DEMO_PRODUCT = 'microsoft-teams'
/** Digits in a page would be figures needing a source; a probe page has none, so it can be approved. */
const letters = (n: number) => n.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')
const pageContent = (n: number) => content(doc(p(text(`Probe paragraph ${letters(n)}.`))), { title: `Authorisation probe ${letters(n)}` })

/** The classification: route file → who may post. Add every new action route here. */
const ROUTES: Record<string, RouteRule> = {
  // Public by design: sign-in and sign-up, leaving, the language cookie, a reader's report, and
  // lint, which only computes.
  'login.tsx': { minimum: 'public', probes: [{ name: 'login', body: (c) => ({ username: c.victim, password: TEST_PASSWORD, redirectTo: '/' }) }] },
  'signup.tsx': { minimum: 'public', probes: [{ name: 'invalid sign-up', body: () => ({ username: 'x', password: 'short' }) }] },
  'logout.tsx': { minimum: 'public' },
  'language.ts': { minimum: 'public', probes: [{ name: 'switch', body: () => ({ lang: 'de', redirectTo: '/' }) }] },
  'pages.$slug.report.tsx': { minimum: 'public' },
  'api.v1.lint.ts': { minimum: 'public', probes: [{ name: 'lint', body: () => ({ text: 'It has 200,000 users.', lang: 'en' }) }] },

  'account.tsx': {
    minimum: 'signed-in',
    probes: [
      { name: 'create token', body: () => ({ intent: 'create-token', name: 'probe' }) },
      { name: 'change password', body: () => ({ intent: 'change-password', currentPassword: 'x', newPassword: 'a new long passphrase', confirmPassword: 'a new long passphrase' }) },
      { name: 'revoke other sessions', body: () => ({ intent: 'revoke-other-sessions' }) },
    ],
  },
  'admin.users.$username.tsx': {
    minimum: 'moderator',
    probes: [
      { name: 'set role', minimum: 'admin', changes: ['role'], body: () => ({ intent: 'set-role', role: 'trusted', reason: 'probe' }) },
      { name: 'block', changes: ['block'], body: () => ({ intent: 'block', duration: '1d', reason: 'probe' }) },
      { name: 'unblock', changes: ['block'], body: () => ({ intent: 'unblock', reason: 'probe' }) },
      { name: 'end sessions', minimum: 'admin', body: () => ({ intent: 'end-sessions' }) },
    ],
  },

  'pages.new.tsx': { minimum: 'editor', probes: [{ name: 'create page', body: (c) => ({ content: pageContent(c.n), summary: 'probe', idempotencyKey: `probe-${c.n}` }) }] },
  'pages.$slug.edit.tsx': { minimum: 'editor', probes: [{ name: 'edit page', body: (c) => ({ baseRevisionId: c.latestRevisionId, content: pageContent(c.n), summary: 'probe', idempotencyKey: `probe-${c.n}` }) }] },
  'pages.$slug.revisions.$id.tsx': { minimum: 'editor', probes: [{ name: 'revert', body: (c) => ({ intent: 'revert', baseRevisionId: c.latestRevisionId, idempotencyKey: `probe-${c.n}` }) }] },
  'pages.$slug.history.tsx': { minimum: 'moderator', probes: [{ name: 'roll back', changes: ['publish'], body: (c) => ({ intent: 'rollback', latestRevisionId: c.latestRevisionId, reason: 'probe', idempotencyKey: `probe-${c.n}` }) }] },
  'moderation.revisions.$id.tsx': { minimum: 'moderator', probes: [{ name: 'approve', changes: ['publish'], body: () => ({ intent: 'approve', reason: 'probe' }) }, { name: 'reject', body: () => ({ intent: 'reject', reason: 'probe' }) }] },
  'moderation.reports.tsx': { minimum: 'moderator', probes: [{ name: 'resolve', body: async (c) => ({ reportId: await c.openReport(), resolution: 'dismissed', note: 'probe' }) }] },
  // 'registered' keeps the demo page editable for the routes tested after this one.
  'moderation.pages.$slug.protect.tsx': { minimum: 'moderator', probes: [{ name: 'protect', body: () => ({ level: 'registered', reason: 'probe', duration: 'never' }) }] },
  'api.v1.revisions.$id.review.ts': { minimum: 'moderator', probes: [{ name: 'approve', changes: ['publish'], body: () => ({ decision: 'approve', reason: 'probe' }) }, { name: 'reject', body: () => ({ decision: 'reject', reason: 'probe' }) }] },
  'api.v1.pages._index.ts': { minimum: 'editor', probes: [{ name: 'create page', body: (c) => ({ content: pageContent(c.n), summary: 'probe' }) }] },
  'api.v1.pages.$slug.revisions.ts': { minimum: 'editor', probes: [{ name: 'edit page', body: (c) => ({ baseRevisionId: c.latestRevisionId, content: pageContent(c.n), summary: 'probe' }) }] },
  'api.v1.sources._index.ts': { minimum: 'editor', probes: [{ name: 'add source', body: (c) => ({ url: `https://example.org/probe-${c.n}`, title: 'Probe', publisher: 'Probe', kind: 'press' }) }] },

  // Working together: talk takes the same blocks as edits; following and reading one's own
  // notifications only need an account.
  'talk.$kind.$slug.tsx': { minimum: 'editor', probes: [{ name: 'start thread', body: (c) => ({ intent: 'thread', title: `Probe ${c.n}`, body: 'probe' }) }, { name: 'watch page', body: () => ({ intent: 'watch' }) }] },
  'api.v1.talk.$kind.$slug.ts': { minimum: 'editor', probes: [{ name: 'start thread', body: (c) => ({ title: `Probe ${c.n}`, body: 'probe' }) }] },
  'api.v1.talk.threads.$id.replies.ts': { minimum: 'editor', probes: [{ name: 'reply', body: () => ({ body: 'probe' }) }] },
  'watchlist.tsx': { minimum: 'signed-in', probes: [{ name: 'mark all seen', body: () => ({ intent: 'seen-all' }) }] },
  'notifications.tsx': { minimum: 'signed-in', probes: [{ name: 'read all', body: () => ({ intent: 'read-all' }) }] },
  'api.v1.watchlist.ts': { minimum: 'signed-in', probes: [{ name: 'watch', body: () => ({ kind: 'page', slug: DEMO_SLUG }) }] },
  'account_.email.tsx': { minimum: 'signed-in', probes: [{ name: 'mail preferences', body: () => ({ intent: 'preferences', 'kind-decision': 'on', mode: 'daily' }) }] },
  // Public by design: a token or key in the URL is the authorisation (mail links work signed out).
  'password.forgot.tsx': { minimum: 'public', probes: [{ name: 'ask for a reset', body: () => ({ email: 'nobody@example.org' }) }] },
  'password.reset.$token.tsx': { minimum: 'public' },
  'email.verify.$token.tsx': { minimum: 'public' },
  'mail.unsubscribe.$key.tsx': { minimum: 'public' },

  // Products are pages of kind "product": the same minimum as pages (empty bodies are 4xx, not 401/403).
  'products.new.tsx': { minimum: 'editor' },
  'products.$slug.edit.tsx': { minimum: 'editor' },
  'api.v1.products._index.ts': { minimum: 'editor' },
  'api.v1.products.$slug.revisions.ts': { minimum: 'editor' },

  // Moves and suppression (decision 028): moving is a trusted editor's, hiding a moderator's,
  // deleting an admin's. Empty bodies are 4xx, so nothing moves or disappears here.
  'pages.$slug.move.tsx': { minimum: 'trusted' },
  'api.v1.pages.$slug.move.ts': { minimum: 'trusted' },
  'pages.$slug.revisions.$id_.visibility.tsx': { minimum: 'moderator' },
  'api.v1.revisions.$id.visibility.ts': { minimum: 'moderator' },
  'pages.$slug.delete.tsx': { minimum: 'admin' },
  'products.$slug.move.tsx': { minimum: 'trusted' },
  'products.$slug.delete.tsx': { minimum: 'admin' },
  // Unverified claims (decision 027): recording takes an account, like talk; settling is checked
  // per intent (trusted) by the route.
  'claims.unverified.tsx': { minimum: 'editor' },
  'api.v1.claims.unverified.ts': { minimum: 'editor' },
}

const ROUTES_DIR = path.resolve('app/routes')
const ACTION_EXPORT = /export\s+(async\s+)?function\s+action\b|export\s+(const|let)\s+action\b|export\s*\{[^}]*\baction\b[^}]*\}/

/** Route modules (flat files, or folders with route.tsx) that export an action. */
function discoverActionRoutes(): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(ROUTES_DIR, { withFileTypes: true })) {
    let name: string | null = null
    if (entry.isDirectory()) {
      const file = ['route.tsx', 'route.ts', 'route.jsx', 'route.js'].find((f) => fs.existsSync(path.join(ROUTES_DIR, entry.name, f)))
      if (file) name = `${entry.name}/${file}`
    } else if (/\.[jt]sx?$/.test(entry.name) && !/\.test\.[jt]sx?$/.test(entry.name)) {
      name = entry.name
    }
    if (name && ACTION_EXPORT.test(fs.readFileSync(path.join(ROUTES_DIR, name), 'utf8'))) found.push(name)
  }
  return found.sort()
}

/**
 * The URL of a flat route file (Remix v2 conventions): "." separates segments, `_index` and
 * `_layout` segments add nothing, a trailing `_` opts out of nesting, `[.]` escapes, `$name` is a
 * parameter, `($name)` an optional one (left out) and `$` alone a splat.
 */
export function urlOfRoute(name: string, param: (name: string, previous: string | undefined) => string): string {
  const base = name.replace(/\/route\.[jt]sx?$/, '').replace(/\.[jt]sx?$/, '')
  const segments: string[] = []
  let current = ''
  let escaped = false
  for (const char of base) {
    if (char === '[') escaped = true
    else if (char === ']') escaped = false
    else if (char === '.' && !escaped) {
      segments.push(current)
      current = ''
      continue
    }
    current += char
  }
  segments.push(current)
  const parts: string[] = []
  for (const raw of segments) {
    if (raw === '_index' || raw.startsWith('_') || /^\(.*\)$/.test(raw)) continue
    const segment = raw.endsWith('_') && !raw.endsWith('[_]') ? raw.slice(0, -1) : raw
    if (segment === '$') parts.push('anything')
    else if (segment.startsWith('$')) parts.push(encodeURIComponent(param(segment.slice(1), parts.at(-1))))
    else parts.push(segment.replace(/\[([^\]]*)\]/g, '$1'))
  }
  return `/${parts.join('/')}`
}

const discovered = discoverActionRoutes()

describe('finding action routes', () => {
  it('derives URLs from flat route file names', () => {
    const param = (name: string, previous: string | undefined) => `<${name}${previous ? `@${previous}` : ''}>`
    expect(
      [
        'login.tsx', 'pages.$slug._index.tsx', 'pages.$slug.revisions.$id.tsx', 'api.v1.revisions.$id.review.ts', '_auth.signup.tsx',
        'moderation_.log.tsx', 'feeds.recent-changes[.]atom.ts', 'users.$username/route.tsx', '($lang).about.tsx', 'files.$.tsx',
      ].map((n) => urlOfRoute(n, param)),
    ).toEqual([
      '/login', '/pages/%3Cslug%40pages%3E', '/pages/%3Cslug%40pages%3E/revisions/%3Cid%40revisions%3E', '/api/v1/revisions/%3Cid%40revisions%3E/review', '/signup',
      '/moderation/log', '/feeds/recent-changes.atom', '/users/%3Cusername%40users%3E', '/about', '/files/anything',
    ])
  })

  it('knows who may post to every route that has an action (classify new routes in ROUTES)', () => {
    expect(discovered.length).toBeGreaterThan(5)
    const unclassified = discovered.filter((name) => !(name in ROUTES))
    expect(unclassified, 'route modules with an action but no entry in ROUTES of test/http/action-routes.test.ts').toEqual([])
    const stale = Object.keys(ROUTES).filter((name) => !discovered.includes(name))
    expect(stale, 'entries in ROUTES whose module is gone or has no action any more').toEqual([])
  })
})

/** Form fields as a browser form sends them; structured values (a page's content) as JSON text. */
function formFields(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
}

const RANK: Record<Access, number> = { public: 0, 'signed-in': 1, editor: 2, trusted: 3, moderator: 4, admin: 5 }

/** Who must be refused where `minimum` is needed. Blocked accounts may only use the account page. */
function callersBelow(minimum: Access): Caller[] {
  const callers: Array<[Caller, (m: Access) => boolean]> = [
    ['anonymous', (m) => RANK[m] >= RANK['signed-in']],
    ['blockedEditor', (m) => RANK[m] >= RANK.editor],
    ['editor', (m) => RANK[m] > RANK.editor],
    ['trusted', (m) => RANK[m] > RANK.trusted],
    ['blockedModerator', (m) => RANK[m] >= RANK.editor],
    ['moderator', (m) => RANK[m] > RANK.moderator],
  ]
  return callers.filter(([, refused]) => refused(minimum)).map(([caller]) => caller)
}

/**
 * Fields no form or API body defines, sent along by the caller who IS allowed: mass assignment
 * must not make anyone an admin, publish a revision, or write in someone else's name.
 */
const extraFields = (adminId: string) => ({ role: 'admin', status: 'approved', authorId: adminId, author_id: adminId, userId: adminId, user_id: adminId, createdBy: adminId, reporterId: adminId, blockedUntil: '', blocked_until: '', id: 'chosen-id' })

interface Snapshot {
  users: Map<string, { role: string; blocked_until: string | null }>
  revisions: Map<string, { status: string; author_id: string }>
  owned: Array<[table: string, id: string, owner: string | null]>
}

async function snapshot(db: Kysely<Database>): Promise<Snapshot> {
  const users = await db.selectFrom('users').select(['id', 'role', 'blocked_until']).execute()
  const revisions = await db.selectFrom('revisions').select(['id', 'status', 'author_id']).execute()
  const sources = await db.selectFrom('sources').select(['id', 'created_by as owner']).execute()
  const reports = await db.selectFrom('reports').select(['id', 'reporter_id as owner']).execute()
  const tokens = await db.selectFrom('api_tokens').select(['id', 'user_id as owner']).execute()
  const pages = await db.selectFrom('pages').select(['id']).execute()
  return {
    users: new Map(users.map((u) => [u.id, { role: u.role, blocked_until: u.blocked_until }])),
    revisions: new Map(revisions.map((r) => [r.id, { status: r.status, author_id: r.author_id }])),
    owned: [
      ...sources.map((r): [string, string, string | null] => ['sources', r.id, r.owner]),
      ...reports.map((r): [string, string, string | null] => ['reports', r.id, r.owner]),
      ...tokens.map((r): [string, string, string | null] => ['api_tokens', r.id, r.owner]),
      ...pages.map((r): [string, string, string | null] => ['pages', r.id, null]),
    ],
  }
}

/** What an allowed request sent with extraFields may have changed, and nothing else. */
function expectExtrasIgnored(before: Snapshot, after: Snapshot, at: { label: string; callerId: string | null; targetId: string; changes: ReadonlyArray<'role' | 'block' | 'publish'>; role?: unknown }) {
  for (const [id, user] of after.users) {
    const was = before.users.get(id)
    if (!was) {
      expect(user, `${at.label}: a new account`).toEqual({ role: 'editor', blocked_until: null })
      continue
    }
    const target = id === at.targetId
    if (!(target && at.changes.includes('role'))) expect(user.role, `${at.label}: role of ${id}`).toBe(was.role)
    else expect(user.role, `${at.label}: the target's new role`).toBe(at.role)
    if (!(target && at.changes.includes('block'))) expect(user.blocked_until, `${at.label}: block of ${id}`).toBe(was.blocked_until)
  }
  for (const [id, revision] of after.revisions) {
    const was = before.revisions.get(id)
    if (!was) expect(revision.author_id, `${at.label}: author of new revision ${id}`).toBe(at.callerId)
    if (revision.status === 'approved' && was?.status !== 'approved') expect(at.changes, `${at.label}: revision ${id} was published`).toContain('publish')
  }
  const known = new Set(before.owned.map(([table, id]) => `${table}:${id}`))
  for (const [table, id, owner] of after.owned) {
    expect(id, `${at.label}: a ${table} row with the id the client chose`).not.toBe('chosen-id')
    if (!known.has(`${table}:${id}`) && table !== 'pages') expect(owner, `${at.label}: owner of new ${table} row`).toBe(at.callerId)
  }
}

const CALLER_FOR: Record<Access, Caller> = { public: 'anonymous', 'signed-in': 'editor', editor: 'editor', trusted: 'trusted', moderator: 'moderator', admin: 'admin' }

describe.each(TEST_ENGINES)('every action route on $engine', (engine) => {
  const { t, server } = withTestApp(engine)
  const names = {} as Record<Exclude<Caller, 'anonymous'>, string>
  const cookies = {} as Record<Exclude<Caller, 'anonymous'>, string>
  const tokens = {} as Record<Exclude<Caller, 'anonymous'>, string>
  const ids = {} as Record<Exclude<Caller, 'anonymous'>, string>
  let victim = ''
  let victimId = ''
  let demoRevisionId = ''
  let n = 0

  beforeAll(async () => {
    const roles = { blockedEditor: 'editor', editor: 'editor', trusted: 'trusted', blockedModerator: 'moderator', moderator: 'moderator', admin: 'admin' } as const
    for (const [caller, role] of Object.entries(roles) as Array<[Exclude<Caller, 'anonymous'>, (typeof roles)[keyof typeof roles]]>) {
      const user = await createUser(t.db, { role })
      names[caller] = user.username
      ids[caller] = user.id
      tokens[caller] = (await createApiToken(t.db, user.id, 'probe')).token
      if (caller.startsWith('blocked')) await setUserBlock(t.db, user.id, { until: '2999-01-01T00:00:00.000Z', reason: 'probe' })
      cookies[caller] = await login(server.url, user.username)
    }
    const victimUser = await createUser(t.db, { role: 'editor' })
    victim = victimUser.username
    victimId = victimUser.id
    demoRevisionId = (await getPageBySlug(t.db, DEMO_SLUG))!.stableRevisionId!
  })

  /** A fresh record per route, so one route's test cannot use up another's (an approved revision). */
  async function paramValue(route: string, name: string, previous: string | undefined): Promise<string> {
    if (name === 'slug' && route.includes('products')) return DEMO_PRODUCT
    if (name === 'slug') return DEMO_SLUG
    if (name === 'token') return 'not-a-token-that-was-ever-sent-by-mail'
    if (name === 'key') {
      await t.db.updateTable('users').set({ mail_unsubscribe_key: 'probe-unsubscribe-key' }).where('username', '=', victim).execute()
      return 'probe-unsubscribe-key'
    }
    if (name === 'kind') return 'page'
    if (name === 'id' && previous === 'threads') return openThread()
    // A permalink to revert to: a published revision of the page.
    if (route === 'pages.$slug.revisions.$id.tsx') return (await getPageBySlug(t.db, DEMO_SLUG))!.stableRevisionId!
    if (name === 'username') return victim
    if (name === 'id' && previous === 'sources') return (await createSource(t.db)).id
    if (name === 'id' && previous === 'revisions') return pendingRevision()
    if (name === 'id' && previous === 'reports') return openReport()
    throw new Error(`no test value for "$${name}" after "${previous}": add one to paramValue in test/http/action-routes.test.ts`)
  }

  async function pendingRevision(): Promise<string> {
    const page = (await getPageBySlug(t.db, DEMO_SLUG))!
    // The demo text again (whatever probes saved since), so approving it keeps figures to report.
    const demo = (await getRevision(t.db, demoRevisionId))!
    const editor = { id: (await t.db.selectFrom('users').select('id').where('username', '=', victim).executeTakeFirstOrThrow()).id, role: 'editor' as const, blockedUntil: null }
    const saved = await createRevision(t.db, editor, DEMO_SLUG, { base: page.latestRevisionId, content: { ...demo.content, summary: `${demo.content.summary} (${letters(++n)})` }, summary: 'probe' })
    return saved.revision.id
  }

  async function openThread(): Promise<string> {
    const page = (await getPageBySlug(t.db, DEMO_SLUG))!
    const author = (await t.db.selectFrom('users').select('id').where('username', '=', victim).executeTakeFirstOrThrow()).id
    const result = await startThread(t.db, { authorId: author, subject: { kind: 'page', id: page.id }, fields: { title: `Probe thread ${++n}`, body: 'probe' } })
    if (!result.ok) throw new Error(`could not start a thread: ${JSON.stringify(result)}`)
    return result.threadId
  }

  async function openReport(): Promise<string> {
    const page = (await getPageBySlug(t.db, DEMO_SLUG))!
    const figure = (await listFigures(t.db, page.stableRevisionId!))[0]
    if (!figure) throw new Error('the published demo page has no figure to report')
    const result = await createClaimReport(t.db, { slug: DEMO_SLUG, revisionId: page.stableRevisionId!, ordinal: figure.ordinal, reason: 'outdated', comment: 'probe', ip: `198.51.100.${++n % 250}` })
    return result.reportId
  }

  async function resolveUrl(name: string): Promise<string> {
    const wanted: Array<[string, string | undefined]> = []
    urlOfRoute(name, (param, previous) => {
      wanted.push([param, previous])
      return param
    })
    const values: string[] = []
    for (const [param, previous] of wanted) values.push(await paramValue(name, param, previous))
    let i = 0
    return urlOfRoute(name, () => values[i++]!)
  }

  it.each(discovered)('%s refuses cross-site posts and everyone below its minimum, changing nothing', async (name) => {
    const rule = ROUTES[name]
    if (!rule) return // reported by the classification test
    const url = await resolveUrl(name)
    const api = url.startsWith('/api/')
    for (const probe of rule.probes ?? [{ name: 'empty form' }]) {
      const minimum = probe.minimum ?? rule.minimum
      const page = (await getPageBySlug(t.db, DEMO_SLUG))!
      const ctx: Context = { latestRevisionId: page.latestRevisionId, openReport, victim, n: ++n }
      const body = (await probe.body?.(ctx)) ?? {}
      const send = (options: RequestOptions) =>
        api ? postJson(server, url, body, options) : postForm(server, url, formFields(body), options)
      const label = `${name} (${probe.name}) at ${url}`
      const before = await stateOf(t.db)

      // (a) and (b): a signed-in browser tricked by another site, with and without an Origin.
      for (const origin of ['https://evil.example', 'null', null]) {
        expect(await isCrossSiteRefusal(await send({ cookie: cookies.admin, origin })), `${label}, Origin ${origin}`).toBe(true)
      }
      // (c): everyone below the minimum, by session and (on the API) by token.
      for (const caller of callersBelow(minimum)) {
        const response = await send(caller === 'anonymous' ? {} : { cookie: cookies[caller] })
        // A form page may send a signed-out visitor to the login form instead.
        const toLogin = caller === 'anonymous' && !api && [302, 303].includes(response.status) && (response.headers.get('location') ?? '').startsWith('/login')
        if (!toLogin) expect([401, 403], `${label} as ${caller} by session`).toContain(response.status)
        if (api && caller !== 'anonymous') expect((await send({ token: tokens[caller], origin: null })).status, `${label} as ${caller} by token`).toBe(403)
      }
      if (api && minimum !== 'public') expect((await send({ token: 'src_bogus', origin: null })).status, `${label} with a bogus token`).toBe(401)
      expect(await stateOf(t.db), `${label}: a refused request changed something`).toBe(before)

      // The control: the least caller allowed gets past authorisation, so the URL is right — and
      // (d) fields the request does not define, sent along, change nothing they name.
      const allowed = CALLER_FOR[minimum]
      const cookie = allowed === 'anonymous' ? null : await login(server.url, names[allowed])
      const withExtras = { ...extraFields(ids.admin), ...body }
      const sendWithExtras = () => (api ? postJson(server, url, withExtras, { cookie }) : postForm(server, url, formFields(withExtras), { cookie }))
      const snapshotBefore = await snapshot(t.db)
      const stateBefore = await stateOf(t.db)
      let response = await sendWithExtras()
      if (api && response.status === 422 && ((await response.clone().json()) as { error?: { code?: string } }).error?.code === 'unknown_field') {
        // The API refuses what it does not know outright; then nothing may have changed at all.
        expect(await stateOf(t.db), `${label}: a request refused for unknown fields changed something`).toBe(stateBefore)
        response = await send({ cookie })
      }
      expect([401, 403, 404, 405], `${label} as ${allowed}: ${response.status}`).not.toContain(response.status)
      expectExtrasIgnored(snapshotBefore, await snapshot(t.db), {
        label: `${label} as ${allowed} with extra fields`,
        callerId: allowed === 'anonymous' ? null : ids[allowed],
        targetId: victimId,
        changes: probe.changes ?? [],
        role: body.role,
      })
    }
  })
})
