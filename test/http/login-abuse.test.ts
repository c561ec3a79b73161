import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser, login, TEST_PASSWORD } from '#test/factories'
import { startServer, type RunningServer } from '#test/server'
import { content, doc, p, text } from '#test/fixtures/docs'
import { createApiToken } from '#app/models/api-tokens.server'
import { listFigures } from '#app/models/evidence.server'
import { getPageBySlug } from '#app/models/pages.server'
import { setUserBlock } from '#app/models/users.server'
import { get, postForm, postJson, stableBody } from './requests'

/** Guessing passwords, finding out who has an account, and being sent elsewhere after login. */
describe.each(TEST_ENGINES)('login abuse on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let n = 0
  const newUser = () => createUser(t.db, { username: `la-${engine.engine.slice(0, 2)}-${++n}` })

  it('answers an unknown name and a wrong password identically (status and page)', async () => {
    const user = await newUser()
    const unknownName = `${user.username.slice(0, -1)}x`
    const attempt = async (username: string) => {
      const response = await postForm(server, '/login', { username, password: 'not the password', redirectTo: '/' })
      return { status: response.status, body: stableBody(await response.text(), response).split(username).join('USERNAME'), retryAfter: response.headers.get('retry-after') }
    }
    const wrong = await attempt(user.username)
    const unknown = await attempt(unknownName)
    expect(wrong.status).toBe(401)
    expect(wrong.body).toContain('Wrong username or password.')
    expect(unknown).toEqual(wrong)
  })

  it('says a name is taken at sign-up exactly when the public user page shows that account, and nothing more', async () => {
    const user = await newUser()
    const blocked = await newUser()
    const admin = await createUser(t.db, { role: 'admin', username: `la-${engine.engine.slice(0, 2)}-admin` })
    await setUserBlock(t.db, blocked.id, { until: '2999-01-01T00:00:00.000Z', reason: 'probe' })
    // Taken spelled otherwise (case, full-width letters) is still taken; free names are free.
    const fullWidth = [...user.username].map((c) => (/[a-z]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')
    const names = [user.username, user.username.toUpperCase(), fullWidth, blocked.username, admin.username, `${user.username}-free`, 'nobody-here']
    const signUpBody = async (username: string) => {
      const response = await postForm(server, '/signup', { username, password: 'a long enough passphrase' })
      return { status: response.status, body: stableBody(await response.text(), response).split(username).join('USERNAME') }
    }
    const takenBodies = new Set<string>()
    for (const name of names) {
      const publicPage = (await get(server, `/users/${encodeURIComponent(name)}`)).status
      expect([200, 404], name).toContain(publicPage)
      const exists = publicPage === 200
      // A name found free is signed up below; probe it before anything else can take it.
      const answer = await signUpBody(name)
      if (exists) {
        expect(answer.status, name).toBe(422)
        expect(answer.body).toContain('This username is taken')
        takenBodies.add(answer.body)
      } else {
        expect(answer.status, name).toBe(302)
      }
    }
    // The answer is one and the same for every taken name: no role, no block, no "did you mean".
    expect(takenBodies.size).toBe(1)
  })

  it('refuses the 11th failure in a row with 429 and Retry-After, then even the right password', async () => {
    const user = await newUser()
    for (let i = 1; i <= 10; i++) expect((await postForm(server, '/login', { username: user.username, password: `guess ${i}` })).status, `attempt ${i}`).toBe(401)
    const eleventh = await postForm(server, '/login', { username: user.username, password: 'guess 11' })
    expect(eleventh.status).toBe(429)
    expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await eleventh.text()).toMatch(/Too many failed attempts\. Try again in \d+ min\./)
    expect((await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(429)
    // The lock is on this account from this address, not on the address: others still sign in.
    const other = await newUser()
    expect(await login(server.url, other.username)).toMatch(/^sourced_session=/)
  })

  it('throttles an unknown name the same way, so 429 does not reveal accounts either', async () => {
    for (let i = 1; i <= 10; i++) await postForm(server, '/login', { username: `ghost-${engine.engine}`, password: `guess ${i}` })
    expect((await postForm(server, '/login', { username: `ghost-${engine.engine}`, password: 'guess' })).status).toBe(429)
  })

  it.each([
    ['//evil.example'],
    ['/\\evil.example'],
    ['javascript:alert(1)'],
    ['https://evil.example'],
    [' //evil.example'],
  ])('sends redirectTo=%s home after login and after a language switch', async (redirectTo) => {
    const user = await newUser()
    const response = await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD, redirectTo })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/')
    const cookie = /sourced_session=[^;]+/.exec(response.headers.get('set-cookie')!)![0]
    const again = await get(server, `/login?redirectTo=${encodeURIComponent(redirectTo)}`, { cookie })
    expect(again.headers.get('location')).toBe('/')
    const language = await postForm(server, '/language', { lang: 'fr', redirectTo })
    expect(language.headers.get('location')).toBe('/')
  })

  it('follows a same-site redirectTo after login', async () => {
    const user = await newUser()
    const response = await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD, redirectTo: '/account?x=1' })
    expect(response.headers.get('location')).toBe('/account?x=1')
  })
})

describe.each(TEST_ENGINES)('each limiter engages on $engine', (engine) => {
  // Behind a proxy the address comes from X-Forwarded-For, so one test can be many clients.
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false', TRUST_PROXY: 'true', RATE_LOGIN_ACCOUNT: '3/3600', RATE_LOGIN_IP: '3/3600', RATE_SIGNUP_IP: '2/3600' } })
  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } })

  it('per account from anywhere: the 4th failure from a 4th address is refused', async () => {
    const user = await createUser(t.db)
    for (let i = 1; i <= 3; i++) expect((await postForm(server, '/login', { username: user.username, password: 'guess' }, from(`203.0.113.${i}`))).status).toBe(401)
    const fourth = await postForm(server, '/login', { username: user.username, password: 'guess' }, from('203.0.113.4'))
    expect(fourth.status).toBe(429)
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('per address across accounts: the 4th failure from one address, whatever the name, is refused', async () => {
    for (let i = 1; i <= 3; i++) expect((await postForm(server, '/login', { username: `stuffed-${i}`, password: 'guess' }, from('203.0.113.50'))).status).toBe(401)
    const fourth = await postForm(server, '/login', { username: 'stuffed-4', password: 'guess' }, from('203.0.113.50'))
    expect(fourth.status).toBe(429)
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0)
    // Other addresses are not affected.
    const user = await createUser(t.db)
    expect((await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD }, from('203.0.113.51'))).status).toBe(302)
  })

  it('sign-ups per address: the 3rd account from one address waits; failed attempts do not count', async () => {
    const signUp = (username: string, ip: string, password = 'a long enough passphrase') => postForm(server, '/signup', { username, password }, from(ip))
    expect((await signUp(`su-${engine.engine}-0`, '198.51.100.7', 'short')).status).toBe(422)
    expect((await signUp(`su-${engine.engine}-1`, '198.51.100.7')).status).toBe(302)
    expect((await signUp(`su-${engine.engine}-1`, '198.51.100.7')).status).toBe(422) // taken
    expect((await signUp(`su-${engine.engine}-2`, '198.51.100.7')).status).toBe(302)
    const third = await signUp(`su-${engine.engine}-3`, '198.51.100.7')
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await third.text()).toContain('Too many accounts were created from your address.')
    expect((await signUp(`su-${engine.engine}-4`, '198.51.100.8')).status).toBe(302)
    const names = await t.db.selectFrom('users').select('username').where('username', 'like', `su-${engine.engine}-%`).execute()
    expect(names.map((r) => r.username).sort()).toEqual([`su-${engine.engine}-1`, `su-${engine.engine}-2`, `su-${engine.engine}-4`])
  })

  it('refuses a name that mixes alphabets to look like another (a Cyrillic “а” in “alice”), in the reader’s language', async () => {
    const response = await postForm(server, '/signup', { username: `\u0430lice-${engine.engine}`, password: 'a long enough passphrase' }, { headers: { 'accept-language': 'fr' } })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Utilisez les lettres d’un seul alphabet')
    expect(await t.db.selectFrom('users').select('id').where('username', '=', `\u0430lice-${engine.engine}`).executeTakeFirst()).toBeUndefined()
  })

  it('a client cannot pick its own bucket without a trusted proxy', async () => {
    const direct = await startServer({ databaseUrl: t.url, env: { DEMO_CONTENT: 'false', RATE_LOGIN_ACCOUNT_IP: '2/3600' } })
    try {
      const user = await createUser(t.db)
      for (let i = 1; i <= 2; i++) await postForm(direct, '/login', { username: user.username, password: 'guess' }, from(`192.0.2.${i}`))
      expect((await postForm(direct, '/login', { username: user.username, password: 'guess' }, from('192.0.2.3'))).status).toBe(429)
    } finally {
      await direct.stop()
    }
  })
})

describe.each(TEST_ENGINES)('saves and reports per user engage on $engine', (engine) => {
  // The demo content gives a published page with figures to report. Reports from addresses are
  // left at a high limit, so only the per-user one can engage.
  const { t, server } = withTestApp(engine, { env: { RATE_SAVE_USER: '2/3600', RATE_REPORT_USER: '2/3600', RATE_REPORT_IP: '100/3600' } })
  const DEMO_SLUG = 'microsoft-teams-vs-tchap'

  const letters = (n: number) => n.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')
  let n = 0
  const newPage = () => ({ content: content(doc(p(text(`Limiter paragraph ${letters(++n)}.`))), { title: `Limiter page ${engine.engine} ${letters(n)}` }), summary: 'limit' })

  it('refuses the 3rd save of an account with 429 and Retry-After, counting real saves, not other accounts’', async () => {
    const user = await createUser(t.db)
    const token = (await createApiToken(t.db, user.id, 'limit')).token
    for (let i = 1; i <= 2; i++) expect((await postJson(server, '/api/v1/pages', newPage(), { token, origin: null })).status, `save ${i}`).toBe(201)
    const third = await postJson(server, '/api/v1/pages', newPage(), { token, origin: null })
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await third.json()).toMatchObject({ error: { code: 'rate_limited' } })
    // The form editor shares the count: the same account is refused there too.
    const cookie = await login(server.url, user.username)
    const form = newPage()
    const byForm = await postForm(server, '/pages/new', { content: JSON.stringify(form.content), summary: 'limit', idempotencyKey: `limit-${engine.engine}` }, { cookie })
    expect(byForm.status).toBe(429)
    const pages = await t.db.selectFrom('pages').select('id').where('title', 'like', `Limiter page ${engine.engine} %`).execute()
    expect(pages).toHaveLength(2)
    const other = await createUser(t.db)
    expect((await postJson(server, '/api/v1/pages', newPage(), { token: (await createApiToken(t.db, other.id, 'limit')).token, origin: null })).status).toBe(201)
  })

  it('refuses the 3rd report of a signed-in reader with 429 and Retry-After, whatever address it comes from', async () => {
    const page = (await getPageBySlug(t.db, DEMO_SLUG))!
    const figure = (await listFigures(t.db, page.stableRevisionId!))[0]!
    const report = (reason: string, cookie: string) =>
      postForm(server, `/pages/${DEMO_SLUG}/report`, { revisionId: page.stableRevisionId!, target: 'figure', ordinal: String(figure.ordinal), reason, comment: 'limit' }, { cookie })
    const user = await createUser(t.db)
    const cookie = await login(server.url, user.username)
    expect((await report('outdated', cookie)).status).toBe(200)
    expect((await report('unsupported', cookie)).status).toBe(200)
    const third = await report('dead-link', cookie)
    expect(third.status).toBe(429)
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    const reports = await t.db.selectFrom('reports').select(['reason']).where('reporter_id', '=', user.id).execute()
    expect(reports.map((r) => r.reason).sort()).toEqual(['outdated', 'unsupported'])
    // Another reader on the same address is counted on their own.
    const other = await createUser(t.db)
    expect((await report('dead-link', await login(server.url, other.username))).status).toBe(200)
  })
})

describe.each(TEST_ENGINES.filter((e) => e.engine === 'postgres'))('login throttling across two instances on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let servers: RunningServer[] = []

  beforeAll(async () => {
    servers = await Promise.all([startServer({ databaseUrl: t.url, env: { DEMO_CONTENT: 'false' } }), startServer({ databaseUrl: t.url, env: { DEMO_CONTENT: 'false' } })])
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
  })

  it('counts failures in the shared database: the 11th, on either instance, is refused', async () => {
    const user = await createUser(t.db)
    for (let i = 1; i <= 10; i++) {
      expect((await postForm(servers[i % 2]!, '/login', { username: user.username, password: `guess ${i}` })).status, `attempt ${i} on instance ${i % 2}`).toBe(401)
    }
    for (const server of servers) {
      const response = await postForm(server, '/login', { username: user.username, password: 'guess 11' })
      expect(response.status).toBe(429)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    // A session started on one instance is valid on the other (nothing held in memory).
    const other = await createUser(t.db)
    const cookie = await login(servers[0]!.url, other.username)
    expect((await get(servers[1]!, '/account', { cookie })).status).toBe(200)
  })
})
