import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { builtRoutes, concretePath, describeRequest, hostileRequestArbitrary, prepareFuzzContext, runAll, sendRaw, tally, type BuiltRoute, type FuzzContext, type HostileRequest } from '#test/fixtures/hostile-requests'
import { createUser, login } from '#test/factories'
import { whoAmI } from './requests'

/**
 * What production's clients send that a browser never does: bodies that are not form data,
 * absolute-form and asterisk targets, methods no route takes, unknown API paths — each answered
 * with a 4xx that says what to do, never a 500. Then a short fuzz run over every route of the
 * build (the long one is scripts/chaos/fuzz.ts).
 */

/** Requests in the suite's fuzz run per engine: enough to cover every route many times over. */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1500)

describe.each(TEST_ENGINES)('hostile requests on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { LOG_LEVEL: 'warn' } })
  let routes: BuiltRoute[]
  let ctx: FuzzContext
  beforeAll(async () => {
    routes = await builtRoutes()
    ctx = await prepareFuzzContext(server, t.db)
  })

  const admin = () => ({ cookie: ctx.cookies[0]!, origin: server.url })
  const raw = (method: string, target: string, headers: Array<[string, string]> = [], body = '') =>
    sendRaw(server.port, { method, target, headers, body: Buffer.from(body), framing: 'exact' } satisfies HostileRequest)

  it('answers every HTML form route a body that is not form data with 415, and a form it cannot parse with 400', async () => {
    // An admin session of its own: the fuzz test below may end the shared ones (logout, password).
    const session = { cookie: await login(server.url, (await createUser(t.db, { role: 'admin' })).username), origin: server.url }
    const formRoutes = routes.filter((r) => r.action && r.html)
    expect(formRoutes.length).toBeGreaterThan(8)
    const bodies: Array<[string, string, number]> = [
      ['text/plain', 'hello', 415],
      ['application/json', '{"username":"x"}', 415],
      ['multipart/form-data; boundary=expected', '--other\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--other--\r\n', 400],
      ['multipart/form-data', 'no boundary at all', 400],
    ]
    for (const route of formRoutes) {
      for (const [type, body, status] of bodies) {
        const response = await fetch(server.url + concretePath(route.path, ctx), { method: 'POST', redirect: 'manual', headers: { ...session, 'content-type': type, 'accept-language': 'de' }, body })
        const label = `${route.path} with ${type}`
        expect(response.status, label).toBe(status)
        // The shared error page shows the message in the reader's language.
        expect(await response.text(), label).toContain(status === 415 ? 'Diese Adresse erwartet ein Formular' : 'Die Formulardaten ließen sich nicht lesen')
      }
    }
  })

  it('refuses a NUL character in an address or a form field with 400 (PostgreSQL cannot store or compare one)', async () => {
    expect((await fetch(`${server.url}/pages/a%00b`)).status).toBe(400)
    expect((await fetch(`${server.url}/search?q=%00`)).status).toBe(400)
    const report = await fetch(`${server.url}/pages/${ctx.slug}/report`, { method: 'POST', headers: { ...admin(), 'content-type': 'application/x-www-form-urlencoded' }, body: 'reason=a%00b' })
    expect(report.status).toBe(400)
    expect(await report.text()).toContain('NUL')
  })

  it('serves an absolute-form target for its own host as the path, and refuses another host with 400', async () => {
    expect(await raw('GET', `${server.url}/pages`)).toBe(200)
    expect(await raw('GET', `http://other.example/pages`)).toBe(400)
    expect(await raw('GET', `http://user:pw@127.0.0.1:${server.port}/pages`)).toBe(400)
    expect(await raw('POST', `${server.url}/api/v1/lint`, [['Content-Type', 'application/json']], '{"text":"It has 200 users.","lang":"en"}')).toBe(200)
  })

  it('answers OPTIONS * with 204 and the methods the server takes, and * with another method with 400', async () => {
    expect(await raw('OPTIONS', '*')).toBe(204)
    expect(await raw('GET', '*')).toBe(400)
    expect(await raw('GET', 'pages')).toBe(400)
  })

  it('answers a method a route does not take with 405 and Allow (JSON on the API)', async () => {
    const cases: Array<[string, string, string, boolean]> = [
      ['OPTIONS', '/api/v1/pages', 'GET, HEAD, POST', true],
      ['DELETE', `/api/v1/pages/${ctx.slug}`, 'GET, HEAD', true],
      ['PUT', `/api/v1/pages/${ctx.slug}/revisions`, 'GET, HEAD, POST', true],
      ['GET', '/api/v1/lint', 'POST', true],
      ['GET', `/api/v1/revisions/${ctx.revisionId}/review`, 'POST', true],
      ['POST', `/api/v1/sources/${ctx.sourceId}`, 'GET, HEAD', true],
      ['DELETE', `/pages/${ctx.slug}`, 'GET, HEAD', false],
      ['PATCH', '/login', 'GET, HEAD, POST', false],
      ['OPTIONS', '/login', 'GET, HEAD, POST', false],
      ['POST', '/pages', 'GET, HEAD', false],
      ['POST', `/pages/${ctx.slug}.data`, 'GET', false],
    ]
    for (const [method, path, allow, api] of cases) {
      const response = await fetch(server.url + path, { method, redirect: 'manual', headers: { origin: server.url } })
      expect(response.status, `${method} ${path}`).toBe(405)
      expect(response.headers.get('allow'), `${method} ${path}`).toBe(allow)
      if (api) expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed', message: expect.stringContaining(allow) } })
      else expect(await response.text()).toContain(`it accepts ${allow}`)
    }
  })

  it('answers a POST that Remix resolves to a route without an action with a 4xx, and logs no error', async () => {
    // "…/revisions/...data" is "…/revisions/.." once Remix strips ".data": the page itself.
    const before = server.stdout().length
    const response = await fetch(`${server.url}/pages/${ctx.slug}/revisions/...data`, { method: 'POST', redirect: 'manual', headers: { origin: server.url } })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(server.stdout().slice(before)).not.toContain('"level":"error"')
  })

  it('never runs an action for a HEAD of a single-fetch .data URL (Remix treats any non-GET there as an action)', async () => {
    const cookie = await login(server.url, ctx.username)
    const response = await fetch(`${server.url}/logout.data`, { method: 'HEAD', headers: { cookie } })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, POST')
    expect(await whoAmI(server, cookie)).toBe(ctx.username)
  })

  it('answers an unknown /api/ path with a JSON 404 in the API error shape, whatever the method', async () => {
    for (const [method, path] of [['GET', '/api/v1/nope'], ['POST', '/api/v1/pages/x/y/z'], ['GET', '/api/v2/pages'], ['DELETE', '/api/']]) {
      const response = await fetch(server.url + path, { method: method!, headers: { origin: server.url } })
      expect(response.status, `${method} ${path}`).toBe(404)
      expect(await response.json()).toMatchObject({ error: { code: 'not_found', message: expect.any(String) } })
    }
    // An HTML address nobody claims is still the reader's 404 page.
    const page = await fetch(`${server.url}/no/such/page`)
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toContain('text/html')
  })

  it(`answers ${FUZZ_RUNS} fuzzed requests over every route without a 5xx or an error in the log`, async () => {
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
    const requests = fc.sample(hostileRequestArbitrary(routes, ctx), { numRuns: FUZZ_RUNS, seed })
    const before = server.stdout().length
    const answers = await runAll(server.port, requests, 6)
    const failures = answers.filter((a) => a.status !== null && a.status >= 500).map((a) => `${a.status} ← ${describeRequest(a.request)}`)
    expect(failures, `seed ${seed}: ${JSON.stringify(tally(answers))}`).toEqual([])
    // A request the client cut short has no one left to answer; every other one gets a status line.
    const unanswered = answers.filter((a) => a.status === null && a.request.framing !== 'short').map((a) => describeRequest(a.request))
    expect(unanswered, `seed ${seed}`).toEqual([])
    const errors = server.stdout().slice(before).split('\n').filter((line) => line.includes('"level":"error"'))
    expect(errors, `seed ${seed}`).toEqual([])
  })
})
