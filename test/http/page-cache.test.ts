import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { p, text } from '#test/fixtures/docs'
import { getPageBySlug } from '#app/models/pages.server'
import { getRevision } from '#app/models/revisions.server'
import { saveRevision } from '#app/services/save-revision.server'
import { startServer, type RunningServer } from '#test/server'

// Anonymous reads are served from each instance's page cache while nothing readers see has
// changed. These tests write behind the servers' backs (another instance, the CLI, a test) and
// expect every instance to show the change on the very next request.
describe.each(TEST_ENGINES)('the anonymous page cache on $engine', (engine) => {
  let t: TestDatabase
  let a: RunningServer
  let b: RunningServer
  beforeAll(async () => {
    t = await createTestDatabase(engine)
    a = await startServer({ databaseUrl: t.url })
    // SQLite is one machine's database; the second instance only makes sense on PostgreSQL.
    b = engine.engine === 'postgres' ? await startServer({ databaseUrl: t.url }) : a
  })
  afterAll(async () => {
    if (b !== a) await b?.stop()
    await a?.stop()
    await t?.destroy()
  })

  it('serves fresh nonces from the cache and shows a publish at once on every instance', async () => {
    const read = async (server: RunningServer) => {
      const response = await fetch(`${server.url}/pages/slack-vs-element`)
      return { html: await response.text(), csp: response.headers.get('content-security-policy')!, etag: response.headers.get('etag') }
    }
    const first = await read(a)
    const second = await read(a)
    expect(second.html.length).toBe(first.html.length)
    const nonce = (csp: string) => /'nonce-([^']+)'/.exec(csp)![1]!
    expect(nonce(second.csp)).not.toBe(nonce(first.csp))
    expect(second.html).toContain(`nonce="${nonce(second.csp)}"`)
    expect(second.html).not.toContain(`nonce="${nonce(first.csp)}"`)
    expect(second.etag).toBe(first.etag)
    await read(b)

    const trusted = await createUser(t.db, { role: 'trusted' })
    const page = (await getPageBySlug(t.db, 'slack-vs-element'))!
    const latest = (await getRevision(t.db, page.latestRevisionId))!.content
    const saved = await saveRevision(t.db, {
      actor: trusted, slug: page.slug, baseRevisionId: page.latestRevisionId, summary: 'cache test', idempotencyKey: null,
      content: { ...latest, body: { ...latest.body, content: [...(latest.body.content ?? []), p(text('A sentence only the new revision has.'))] } },
    })
    expect(saved.ok && saved.revision.status).toBe('approved')
    for (const server of [a, b]) {
      const after = await read(server)
      expect(after.html).toContain('A sentence only the new revision has.')
      expect(after.etag).not.toBe(first.etag)
    }
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
