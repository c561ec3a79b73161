import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { listOpenJobs } from '#app/models/jobs.server'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { createSource } from '#test/factories'
import { CHECK_SOURCE, linkCheckerHealth, linkCheckerSettingsFromEnv, runLinkCheckPass, startLinkChecker, type LinkCheckerSettings, type RunningLinkChecker } from './link-checker.server'

/**
 * "The source is gone" against "we could not check": with no outbound network every name lookup
 * fails (here a resolver that refuses every name) and every connection is refused (a closed local
 * port), and a pass must change no source's status. Only 127.0.0.1 is ever contacted.
 */

// An offline resolver answers EAI_AGAIN (it cannot ask anyone) or, from a cache, ENOTFOUND.
const everyLookupFails = async (hostname: string) => {
  const code = hostname.endsWith('.example') ? 'ENOTFOUND' : 'EAI_AGAIN'
  throw Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code })
}

let live: http.Server[] = []
let livePorts: number[] = []
let closedPort = 0
beforeAll(async () => {
  live = [0, 1].map(() => http.createServer((_req, res) => res.end('<p>plus de 220 000 inscrits</p>')))
  livePorts = await Promise.all(live.map((server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))))
  // A port that was listened on and closed: connecting to it is refused, as with no route out.
  const probe = net.createServer()
  closedPort = await new Promise<number>((resolve) => probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)))
  await new Promise((resolve) => probe.close(resolve))
})
afterAll(async () => {
  await Promise.all(live.map((server) => new Promise((resolve) => server.close(resolve))))
})

function offlineSettings(overrides: Partial<LinkCheckerSettings> = {}): LinkCheckerSettings {
  const defaults = linkCheckerSettingsFromEnv({} as NodeJS.ProcessEnv)
  const allow = new Set([...livePorts, closedPort].map((port) => `127.0.0.1:${port}`))
  return {
    ...defaults,
    concurrency: 3,
    // Released and retried jobs are due again at once, so repeated passes show no attempt is used up.
    retryBaseMs: 1,
    fetch: { ...defaults.fetch, totalTimeoutMs: 2_000, connectTimeoutMs: 1_000, testAllowlist: allow },
    fetchDeps: { resolveAll: everyLookupFails },
    ...overrides,
  }
}

describe.each(TEST_ENGINES)('the link checker without network on $engine', (engine) => {
  let t: TestDatabase
  let checker: RunningLinkChecker | undefined
  const fresh = async () => {
    await t?.destroy()
    t = await createTestDatabase(engine)
  }
  afterEach(async () => {
    await checker?.stop()
    checker = undefined
  })
  afterAll(async () => {
    await t?.destroy()
  })

  const sourcesState = async () =>
    JSON.stringify(await t.db.selectFrom('sources').select(['id', 'link_status', 'link_checked_at', 'link_http_status']).orderBy('id').execute())
  const checkCount = async () => Number((await t.db.selectFrom('link_checks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

  /** Sources on many hosts, as the demo has: some checked fine a while ago, some never checked. */
  async function sourcesEverywhere() {
    const urls = ['https://www.numerique.gouv.fr/a', 'https://element.io/b', 'http://c.example/c', 'https://d.example/d', `http://127.0.0.1:${closedPort}/e`]
    const ids: string[] = []
    for (const [i, url] of urls.entries()) {
      const { id } = await createSource(t.db, { url })
      if (i % 2 === 0) await t.db.updateTable('sources').set({ link_status: 'ok', link_http_status: 200, link_checked_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', id).execute()
      ids.push(id)
    }
    return ids
  }

  it('changes no source status in passes with every lookup and connection failing, uses up no attempt, and calls the pass offline', async () => {
    await fresh()
    await sourcesEverywhere()
    const before = await sourcesState()
    const settings = offlineSettings()
    // More passes than attempts: were the attempts counted, the last pass would record "dead".
    for (let pass = 0; pass < settings.maxAttempts + 2; pass++) {
      const summary = await runLinkCheckPass(t.db, settings)
      expect(summary.network).toBe('offline')
      expect(summary.failedHosts.length).toBeGreaterThanOrEqual(settings.offlineMinHosts)
      expect(summary.outcomes.map((o) => o.kind)).toEqual(Array(5).fill('unchecked'))
    }
    expect(await sourcesState()).toBe(before)
    expect(await checkCount()).toBe(0)
    const jobs = await listOpenJobs(t.db, CHECK_SOURCE)
    expect(jobs).toHaveLength(5)
    for (const job of jobs) expect(job.attempts).toBe(0)
  })

  it('records a single dead host among live ones as dead', async () => {
    await fresh()
    const liveIds = await Promise.all(livePorts.map(async (port) => (await createSource(t.db, { url: `http://127.0.0.1:${port}/article` })).id))
    const { id: goneId } = await createSource(t.db, { url: 'https://gone.example/report' })
    const summary = await runLinkCheckPass(t.db, offlineSettings({ maxAttempts: 1 }))
    expect(summary.network).toBe('online')
    const statuses = Object.fromEntries((await t.db.selectFrom('sources').select(['id', 'link_status']).execute()).map((r) => [r.id, r.link_status]))
    expect(statuses[goneId]).toBe('dead')
    for (const id of liveIds) expect(statuses[id]).toBe('ok')
  })

  it('records a dead host checked on its own as dead once a source the checker last reached answers', async () => {
    await fresh()
    const { id: reachedId } = await createSource(t.db, { url: `http://127.0.0.1:${livePorts[0]}/article` })
    await t.db.updateTable('sources').set({ link_status: 'ok', link_http_status: 200, link_checked_at: new Date().toISOString() }).where('id', '=', reachedId).execute()
    const { id: goneId } = await createSource(t.db, { url: 'https://gone.example/report' })
    const summary = await runLinkCheckPass(t.db, offlineSettings({ maxAttempts: 1 }))
    expect(summary.network).toBe('online')
    expect((await t.db.selectFrom('sources').select('link_status').where('id', '=', goneId).executeTakeFirstOrThrow()).link_status).toBe('dead')
    // The probe is not a check: the source it fetched gets no new record.
    expect(await checkCount()).toBe(1)
  })

  it('records nothing for one host that fails when no other host can be asked (unconfirmed)', async () => {
    await fresh()
    const { id } = await createSource(t.db, { url: 'https://gone.example/report' })
    const summary = await runLinkCheckPass(t.db, offlineSettings({ maxAttempts: 1 }))
    expect(summary.network).toBe('unconfirmed')
    expect((await t.db.selectFrom('sources').select('link_status').where('id', '=', id).executeTakeFirstOrThrow()).link_status).toBeNull()
  })

  it('reports the running checker offline for /healthz, and online again once hosts answer', async () => {
    await fresh()
    expect(linkCheckerHealth().status).toBe('off')
    await sourcesEverywhere()
    // Passes every few milliseconds: the first comes after the (short) interval.
    checker = startLinkChecker(t.db, offlineSettings({ intervalMinutes: 0.0005, wakeDelayMs: 1 }))
    await expect.poll(() => linkCheckerHealth().status, { timeout: 30_000, interval: 20 }).toBe('offline')
    expect(linkCheckerHealth().since).not.toBeNull()
    await checker.stop()
    // The network is back: every host answers (here, the live local server under every name).
    for (const { id } of await t.db.selectFrom('sources').select('id').execute()) {
      await t.db.updateTable('sources').set({ url: `http://127.0.0.1:${livePorts[1]}/article?${id}`, url_key: `live-${id}` }).where('id', '=', id).execute()
    }
    checker = startLinkChecker(t.db, offlineSettings({ intervalMinutes: 0.0005, wakeDelayMs: 1 }))
    await expect.poll(() => linkCheckerHealth().status, { timeout: 30_000, interval: 20 }).toBe('online')
  })
})
