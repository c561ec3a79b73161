import http from 'node:http'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser, login } from '#test/factories'
import { p, text } from '#test/fixtures/docs'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { saveRevision } from '#app/services/save-revision.server'
import { startServer, type RunningServer } from '#test/server'

// Anonymous reads are served from each process's page cache while nothing readers see has
// changed. These tests write behind the servers' backs (another instance, the CLI, a test) and
// expect every instance — and every worker of one — to show the change. The change feed promises
// 1 s (server/change-feed.ts, decision 023); a test on a loaded two-core CI machine is no timer,
// so it checks that the change shows within a generous bound, never that it shows fast.
const STALENESS_MS = 10_000

/** Reads until `seen` holds, and returns how long after `since` the first read that saw it started. */
async function firstSeen(read: () => Promise<boolean>, since: number): Promise<number> {
  for (;;) {
    const started = Date.now()
    if (await read()) return started - since
    if (started - since > 30_000) throw new Error('the change never showed')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe.each(TEST_ENGINES)('the anonymous page cache on $engine', (engine) => {
  // Two workers: a write one of them makes (or another process makes) must reach the other.
  const { t, server: a } = withTestApp(engine, { env: { WEB_CONCURRENCY: '2' } })
  let b: RunningServer
  beforeAll(async () => {
    // SQLite is one machine's database; the second instance only makes sense on PostgreSQL.
    b = engine.engine === 'postgres' ? await startServer({ databaseUrl: t.url }) : a
  })
  afterAll(async () => {
    if (b !== a) await b?.stop()
  })

  // A new connection for every read: the primary hands connections to its workers in turn, so
  // consecutive reads are answered by different workers.
  const read = (server: RunningServer, path = '/pages/schleswig-holstein-microsoft-exit') =>
    new Promise<{ html: string; csp: string; etag: string | undefined }>((resolve, reject) => {
      http.get(`${server.url}${path}`, { agent: false }, (res) => {
        let html = ''
        res.setEncoding('utf8').on('data', (c: string) => (html += c))
        res.on('end', () => resolve({ html, csp: String(res.headers['content-security-policy']), etag: res.headers.etag }))
      }).on('error', reject)
    })

  const publish = async (sentence: string) => {
    const trusted = await createUser(t.db, { role: 'trusted' })
    const page = (await getPageBySlug(t.db, 'schleswig-holstein-microsoft-exit'))!
    const latest = (await getRevision(t.db, page.latestRevisionId))!.content
    const saved = await saveRevision(t.db, {
      actor: trusted, slug: page.slug, baseRevisionId: page.latestRevisionId, summary: 'cache test', idempotencyKey: null,
      content: { ...latest, body: { ...latest.body, content: [...(latest.body.content ?? []), p(text(sentence))] } },
    })
    expect(saved.ok && saved.revision.status).toBe('approved')
    return Date.now()
  }

  it('serves the same bytes to every reader, scripts allowed by hash, and shows a publish on every instance and worker', async () => {
    // Settled first: another test's write may still be on its way to one of the workers.
    await expect.poll(async () => (await read(a)).etag === (await read(a)).etag, { timeout: 4 * STALENESS_MS }).toBe(true)
    const first = await read(a)
    const second = await read(a)
    expect(second.html).toBe(first.html)
    expect(second.etag).toBe(first.etag)
    // Reading pages carry no inline script (decision 024); any a stored page had would be allowed by hash.
    expect(first.csp).toMatch(/script-src 'self'/)
    expect(first.csp).not.toContain('unsafe-inline')
    expect(first.csp).not.toContain('nonce-')
    expect(first.html).not.toContain(' nonce=')
    await read(b)

    const committed = await publish('A sentence only the new revision has.')
    for (const server of [a, a, b]) {
      const after = await firstSeen(async () => (await read(server)).html.includes('A sentence only the new revision has.'), committed)
      expect(after).toBeLessThanOrEqual(STALENESS_MS)
    }
    // Each worker polls on its own: the next read may meet one that has not looked yet.
    expect(await firstSeen(async () => (await read(b)).etag !== first.etag, committed)).toBeLessThanOrEqual(STALENESS_MS)
  })

  it('shows a write made through one instance (or worker) on the others', async () => {
    const editor = await createUser(t.db, { role: 'trusted' })
    const cookie = await login(b.url, editor.username)
    const page = (await getPageBySlug(t.db, 'schleswig-holstein-microsoft-exit'))!
    const latest = (await getRevision(t.db, page.latestRevisionId))!.content
    for (const server of [a, a, b]) await read(server)
    const content = { ...latest, body: { ...latest.body, content: [...(latest.body.content ?? []), p(text('Written through an instance.'))] } }
    const saved = await fetch(`${b.url}/api/v1/pages/schleswig-holstein-microsoft-exit/revisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: b.url },
      body: JSON.stringify({ baseRevisionId: page.latestRevisionId, content, summary: 'through b' }),
    })
    expect(saved.status).toBe(201)
    const committed = Date.now()
    for (const server of [a, a, b]) {
      expect(await firstSeen(async () => (await read(server)).html.includes('Written through an instance.'), committed)).toBeLessThanOrEqual(STALENESS_MS)
    }
  })

  it.runIf(engine.engine === 'postgres')('falls back to a query per request when its feed connection drops, and subscribes again', async () => {
    const feedBackends = async () =>
      (await sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${`sourced-content-feed-${b.pid}`}`.execute(t.db)).rows.map((r) => r.pid)
    const [before] = await feedBackends()
    expect(before).toBeDefined()
    await read(b)
    await sql`select pg_terminate_backend(${before!})`.execute(t.db)
    // Written while b has no feed: it must not serve the page it stored before.
    const committed = await publish('Written while the feed was down.')
    expect(await firstSeen(async () => (await read(b)).html.includes('Written while the feed was down.'), committed)).toBeLessThanOrEqual(STALENESS_MS)
    let after: number | undefined
    while (!after || after === before) {
      ;[after] = await feedBackends()
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(b.stdout()).toContain('content feed lost')
    const again = await publish('Written after the feed came back.')
    expect(await firstSeen(async () => (await read(b)).html.includes('Written after the feed came back.'), again)).toBeLessThanOrEqual(STALENESS_MS)
  })

  it('keeps one entry per interface language, whatever the spelling of Accept-Language', async () => {
    const lang = async (acceptLanguage: string) => /<html lang="([^"]+)"/.exec(await (await fetch(`${a.url}/sources`, { headers: { 'accept-language': acceptLanguage } })).text())?.[1]
    expect(await lang('de')).toBe('de')
    expect(await lang('de-DE,de;q=0.9,en;q=0.8')).toBe('de')
    expect(await lang('fr-CH, fr;q=0.9')).toBe('fr')
    expect(await lang('da, en-GB;q=0.8')).toBe('en')
    expect(await lang('de-AT')).toBe('de')
  })
})
