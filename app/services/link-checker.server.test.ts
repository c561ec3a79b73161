import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DocNode } from '#app/core/content'
import { enqueueJobs, listOpenJobs } from '#app/models/jobs.server'
import { listLinkChecks } from '#app/models/link-checks.server'
import { getSource } from '#app/models/sources.server'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createSource, createUser } from '#test/factories'
import { createCitingPage } from '#test/fixtures/citing-page'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { CHECK_SOURCE, enqueueDueChecks, linkCheckerSettingsFromEnv, runLinkCheckPass, SAVE_RECHECK_SPACING_MS, startLinkChecker, testAllowlistFromEnv, type LinkCheckerSettings } from './link-checker.server'
import { saveRevision } from './save-revision.server'

// One local origin with a route per situation. Pages are served with markup around the quote,
// so finding it proves the text extraction too.
let pageText = ''
let hugeBytesSent = 0
const routes: Record<string, (res: http.ServerResponse) => void> = {
  '/article': (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(`<!doctype html><html><head><title>Report</title><script>var q = "not this"</script></head><body><main>${pageText}</main></body></html>`)
  },
  '/gone': (res) => {
    res.writeHead(404, { 'content-type': 'text/html' })
    res.end('<p>Not found</p>')
  },
  '/hop1': (res) => redirect(res, '/hop2'),
  '/hop2': (res) => redirect(res, '/hop3'),
  '/hop3': (res) => redirect(res, '/article'),
  '/hang': () => {
    // Accepts the request and never answers.
  },
  '/huge': (res) => {
    const chunk = Buffer.alloc(64 * 1024, 'a')
    hugeBytesSent = 0
    res.writeHead(200, { 'content-type': 'text/plain' })
    const pump = () => {
      while (hugeBytesSent < 1024 ** 3 && !res.destroyed) {
        hugeBytesSent += chunk.length
        if (!res.write(chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  },
  '/flaky': (res) => {
    res.writeHead(503)
    res.end()
  },
}
function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(302, { location })
  res.end()
}

let server: http.Server
let base: string
let settings: LinkCheckerSettings
beforeAll(async () => {
  server = http.createServer((req, res) => (routes[(req.url ?? '').split('?')[0]!] ?? ((r: http.ServerResponse) => redirect(r, '/gone')))(res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
  const defaults = linkCheckerSettingsFromEnv({} as NodeJS.ProcessEnv)
  settings = { ...defaults, concurrency: 2, retryBaseMs: 60_000, fetch: { ...defaults.fetch, totalTimeoutMs: 1_000, testAllowlist: new Set([`127.0.0.1:${port}`]) } }
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const citation = (sourceId: string, quote: string): DocNode => ({ type: 'citation', attrs: { sourceId, quote, locator: null } })

describe.each(TEST_ENGINES)('the link checker on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let authorId: string
  beforeAll(async () => {
    authorId = (await createUser(t.db)).id
  })
  beforeEach(async () => {
    // Every test starts with all sources checked recently, so only its own source is due.
    await t.db.updateTable('sources').set({ link_checked_at: new Date().toISOString(), link_status: 'ok' }).execute()
    pageText = ''
  })

  async function checkOnce(sourceId: string) {
    const summary = await runLinkCheckPass(t.db, settings)
    return { summary, checks: await listLinkChecks(t.db, sourceId, { limit: 10 }), source: await getSource(t.db, sourceId) }
  }

  it('finds the quotes of stable and latest revisions on a page that shows them, and not one it no longer shows', async () => {
    const source = await createSource(t.db, { url: `${base}/article` })
    await createCitingPage(t.db, {
      authorId,
      stable: doc(p(text('Tchap had '), figure('220,000', { sourceId: source.id, quote: '« plus de 220 000 inscrits »', asOf: '2021-03' }), text(' users.'), citation(source.id, 'un service de l’État'))),
      latest: doc(p(text('Tchap had '), figure('375,000', { sourceId: source.id, quote: '375 000 utilisateurs actifs', asOf: '2024' }), text(' users.'))),
    })
    pageText = '<p>Tchap compte <strong>plus de 220&#8239;000 inscrits</strong> : un service de l&rsquo;État.</p>'
    const first = await checkOnce(source.id)
    expect(first.checks).toHaveLength(1)
    expect(first.checks[0]).toMatchObject({ status: 'ok', httpStatus: 200, finalUrl: `${base}/article`, reason: null })
    expect(first.checks[0]!.quoteResults).toEqual([
      { quote: '« plus de 220 000 inscrits »', found: true },
      { quote: '375 000 utilisateurs actifs', found: false },
      { quote: 'un service de l’État', found: true },
    ])
    expect(first.source).toMatchObject({ linkStatus: 'ok', linkHttpStatus: 200, linkCheckedAt: first.checks[0]!.checkedAt })

    // The page changes: the figure's passage is gone.
    pageText = '<p>Tchap compte 375 000 utilisateurs actifs.</p>'
    await t.db.updateTable('sources').set({ link_checked_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', source.id).execute()
    const second = await checkOnce(source.id)
    expect(second.checks).toHaveLength(2)
    expect(second.checks[0]!.quoteResults).toEqual([
      { quote: '« plus de 220 000 inscrits »', found: false },
      { quote: '375 000 utilisateurs actifs', found: true },
      { quote: 'un service de l’État', found: false },
    ])
  })

  it.each([
    { path: '/gone', status: 'dead', httpStatus: 404, finalUrl: '/gone', reason: 'HTTP 404' },
    { path: '/hop1', status: 'redirected', httpStatus: 200, finalUrl: '/article', reason: null },
    { path: '/hang', status: 'timeout', httpStatus: null, finalUrl: null, reason: 'total timeout after 1000 ms' },
    { path: '/huge', status: 'too-large', httpStatus: 200, finalUrl: '/huge', reason: 'body larger than 1048576 bytes' },
  ])('records $path as $status', async ({ path, status, httpStatus, finalUrl, reason }) => {
    const source = await createSource(t.db, { url: `${base}${path}` })
    await createCitingPage(t.db, { authorId, stable: doc(p(figure('220,000', { sourceId: source.id, quote: 'plus de 220 000 inscrits', asOf: '2021' }))) })
    pageText = 'plus de 220 000 inscrits'
    // A timeout is retried before it is recorded: allow one attempt so the first is the last.
    const { checks, source: after } = await (async () => {
      const original = settings.maxAttempts
      settings.maxAttempts = 1
      try {
        return await checkOnce(source.id)
      } finally {
        settings.maxAttempts = original
      }
    })()
    expect(checks).toHaveLength(1)
    expect(checks[0]).toMatchObject({ status, httpStatus, finalUrl: finalUrl && `${base}${finalUrl}`, reason })
    // A redirect arrives at the page: its quote is judged. Dead, timed-out and cut-off pages cannot deny it.
    expect(checks[0]!.quoteResults).toEqual([{ quote: 'plus de 220 000 inscrits', found: status === 'redirected' ? true : null }])
    expect(after?.linkStatus).toBe(status)
    if (status === 'too-large') expect(hugeBytesSent).toBeLessThan(64 * 1024 * 1024)
  })

  it('retries a server error with backoff, and records it once the attempts are used up', async () => {
    const source = await createSource(t.db, { url: `${base}/flaky` })
    const local = { ...settings, maxAttempts: 2 }
    const started = Date.now()
    const first = await runLinkCheckPass(t.db, local)
    expect(first.outcomes).toEqual([expect.objectContaining({ kind: 'retry', sourceId: source.id, status: 'dead' })])
    expect(await listLinkChecks(t.db, source.id, { limit: 10 })).toEqual([])
    const [job] = await listOpenJobs(t.db, CHECK_SOURCE)
    expect(job).toMatchObject({ attempts: 1, lastError: 'dead: HTTP 503' })
    // The first retry waits retryBaseMs (a minute) after the failed attempt.
    expect(Date.parse(job!.runAt)).toBeGreaterThanOrEqual(started + local.retryBaseMs)
    // Nothing is due until the backoff has passed.
    expect((await runLinkCheckPass(t.db, local)).outcomes).toEqual([])
    await t.db.updateTable('jobs').set({ run_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', job!.id).execute()
    const last = await runLinkCheckPass(t.db, local)
    expect(last.outcomes).toEqual([expect.objectContaining({ kind: 'recorded', status: 'dead', httpStatus: 503 })])
    expect(await listOpenJobs(t.db, CHECK_SOURCE)).toEqual([])
  })

  it('re-checks a dead link after a day and a reachable one after a week', async () => {
    const dead = await createSource(t.db, { url: `${base}/gone-again` })
    const fine = await createSource(t.db, { url: `${base}/article-again` })
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString()
    await t.db.updateTable('sources').set({ link_status: 'dead', link_checked_at: hoursAgo(25) }).where('id', '=', dead.id).execute()
    await t.db.updateTable('sources').set({ link_status: 'ok', link_checked_at: hoursAgo(25) }).where('id', '=', fine.id).execute()
    expect(await enqueueDueChecks(t.db, settings)).toBe(1)
    expect((await listOpenJobs(t.db, CHECK_SOURCE)).map((j) => j.payload)).toEqual([{ sourceId: dead.id }])
    // Queued once: a second pass over the same due source adds nothing.
    expect(await enqueueDueChecks(t.db, settings)).toBe(0)
    await t.db.deleteFrom('jobs').execute()
  })

  it('runs in-process on a timer and stops cleanly', async () => {
    const source = await createSource(t.db, { url: `${base}/article?scheduled` })
    pageText = 'text'
    const checker = startLinkChecker(t.db, { ...settings, intervalMinutes: 0.001 })
    try {
      await expect.poll(async () => (await getSource(t.db, source.id))?.linkStatus, { timeout: 10_000 }).toBe('ok')
    } finally {
      await checker.stop()
    }
  })

  describe('a save that cites a source anew', () => {
    const quote = 'Tchap compte 375 000 utilisateurs actifs'
    const body = (sourceId: string, quoted = quote, figureText = '375,000') => doc(p(text('Tchap had '), figure(figureText, { sourceId, quote: quoted, asOf: '2024' }), text(' users.')))
    const openJobFor = async (sourceId: string) => (await listOpenJobs(t.db, CHECK_SOURCE)).find((j) => (j.payload as { sourceId: string }).sourceId === sourceId)

    it('queues a check of the new source at once, and not again for an edit that cites nothing new', async () => {
      const trusted = await createUser(t.db, { role: 'trusted' })
      const source = await createSource(t.db, { url: `${base}/article?queued` })
      // Checked just now (before anyone quoted it): the save's check waits out the spacing after
      // that check rather than fetching the site again at once.
      const checkedAt = new Date().toISOString()
      await t.db.updateTable('sources').set({ link_checked_at: checkedAt, link_status: 'ok' }).where('id', '=', source.id).execute()
      const saved = await saveRevision(t.db, { actor: trusted, slug: null, baseRevisionId: null, content: content(body(source.id), { title: 'Queued check page' }), summary: '', idempotencyKey: null })
      if (!saved.ok) throw new Error('save failed')
      expect((await openJobFor(source.id))?.runAt).toBe(new Date(Date.parse(checkedAt) + SAVE_RECHECK_SPACING_MS).toISOString())
      await t.db.deleteFrom('jobs').execute()

      // A source never checked, quoted by an edit: due at once, and the pass judges the new quote.
      const fresh = await createSource(t.db, { url: `${base}/article?fresh` })
      const edit = await saveRevision(t.db, { actor: trusted, slug: saved.page.slug, baseRevisionId: saved.revision.id, content: content(doc(p(text('Tchap had '), figure('375,000', { sourceId: source.id, quote, asOf: '2024' }), text(' users and '), figure('5,000', { sourceId: fresh.id, quote: '5 000 salons', asOf: '2024' }), text(' rooms.'))), { title: 'Queued check page' }), summary: '', idempotencyKey: null })
      if (!edit.ok) throw new Error('save failed')
      const job = await openJobFor(fresh.id)
      expect(Date.parse(job!.runAt)).toBeLessThanOrEqual(Date.now())
      // The unchanged figure of the first source queues nothing.
      expect(await openJobFor(source.id)).toBeUndefined()
      pageText = '<p>5 000 salons</p>'
      const pass = await runLinkCheckPass(t.db, settings)
      expect(pass.outcomes).toEqual([expect.objectContaining({ kind: 'recorded', sourceId: fresh.id, quoteResults: [{ quote: '5 000 salons', found: true }] })])

      // An edit of the text around the figures cites nothing new: no job.
      const reworded = await saveRevision(t.db, { actor: trusted, slug: saved.page.slug, baseRevisionId: edit.revision.id, content: content(doc(p(text('Tchap counted '), figure('375,000', { sourceId: source.id, quote, asOf: '2024' }), text(' users and '), figure('5,000', { sourceId: fresh.id, quote: '5 000 salons', asOf: '2024' }), text(' rooms.'))), { title: 'Queued check page' }), summary: '', idempotencyKey: null })
      expect(reworded.ok).toBe(true)
      expect(await listOpenJobs(t.db, CHECK_SOURCE)).toEqual([])
    })

    it('wakes the in-process checker, which checks it within seconds instead of at its next pass', async () => {
      const editor = await createUser(t.db)
      const source = await createSource(t.db, { url: `${base}/article?woken` })
      pageText = `<p>${quote}</p>`
      // The first scheduled pass is a minute away and the next a day later: only the wake-up can
      // check the source while the poll below waits.
      const checker = startLinkChecker(t.db, { ...settings, intervalMinutes: 24 * 60, wakeDelayMs: 50 })
      try {
        // Saved as pending (an editor): the checker reads the quotes of the latest revision too.
        const saved = await saveRevision(t.db, { actor: editor, slug: null, baseRevisionId: null, content: content(body(source.id), { title: 'Woken checker page' }), summary: '', idempotencyKey: null })
        expect(saved).toMatchObject({ ok: true, revision: { status: 'pending' } })
        await expect.poll(async () => (await listLinkChecks(t.db, source.id, { limit: 1 }))[0]?.quoteResults, { timeout: 20_000 }).toEqual([{ quote, found: true }])
      } finally {
        await checker.stop()
      }
    })
  })

  it('checks each due source exactly once when two workers on two connections run at the same time', async () => {
    const sources = await Promise.all(Array.from({ length: 6 }, (_, i) => createSource(t.db, { url: `${base}/article?n=${i}` })))
    pageText = 'text'
    const other = t.reopen()
    const [a, b] = await Promise.all([runLinkCheckPass(t.db, settings, { workerId: 'a' }), runLinkCheckPass(other, settings, { workerId: 'b' })])
    const recorded = [...a.outcomes, ...b.outcomes].filter((o) => o.kind === 'recorded').map((o) => (o as { sourceId: string }).sourceId)
    expect(recorded.sort()).toEqual(sources.map((s) => s.id).sort())
    for (const s of sources) expect(await listLinkChecks(t.db, s.id, { limit: 10 }), s.id).toHaveLength(1)
  })

  it('does not check a source again for a job another pass queued after finding it due before this check', async () => {
    const source = await createSource(t.db, { url: `${base}/article?late-job` })
    pageText = 'text'
    const dueAt = new Date()
    await runLinkCheckPass(t.db, settings, { workerId: 'a' })
    expect(await listLinkChecks(t.db, source.id, { limit: 10 })).toHaveLength(1)
    // The other pass read the list of due sources at dueAt, and its job arrives only now.
    await enqueueJobs(t.db, [{ kind: CHECK_SOURCE, dedupeKey: `${CHECK_SOURCE}:${source.id}`, payload: { sourceId: source.id }, runAt: dueAt }])
    const b = await runLinkCheckPass(t.reopen(), settings, { workerId: 'b' })
    expect(b.outcomes).toContainEqual({ kind: 'skipped', reason: 'checked since it was due' })
    expect(await listLinkChecks(t.db, source.id, { limit: 10 })).toHaveLength(1)
    expect((await listOpenJobs(t.db, CHECK_SOURCE)).filter((j) => j.dedupeKey === `${CHECK_SOURCE}:${source.id}`)).toEqual([])
  })
})

describe('testAllowlistFromEnv', () => {
  it.each([
    [{ NODE_ENV: 'test', LINK_CHECK_TEST_ALLOWLIST: '127.0.0.1:4000, [::1]:4001' }, ['127.0.0.1:4000', '[::1]:4001']],
    [{ NODE_ENV: 'production', LINK_CHECK_TEST_ALLOWLIST: '127.0.0.1:4000' }, undefined],
    [{ LINK_CHECK_TEST_ALLOWLIST: '127.0.0.1:4000' }, undefined],
    [{ NODE_ENV: 'test' }, undefined],
  ])('%j → %j', (env, expected) => {
    const result = testAllowlistFromEnv({ ...env, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv)
    expect(result ? [...result] : undefined).toEqual(expected)
  })

  it('refuses a malformed setting with the variable named', () => {
    expect(() => linkCheckerSettingsFromEnv({ LINK_CHECK_INTERVAL_HOURS: 'weekly' } as unknown as NodeJS.ProcessEnv)).toThrow(/LINK_CHECK_INTERVAL_HOURS must be a positive number/)
  })
})
