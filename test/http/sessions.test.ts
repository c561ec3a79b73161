import { beforeAll, describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { createUser, login, TEST_PASSWORD } from '#test/factories'
import { startServer } from '#test/server'
import { hashSessionId } from '#app/auth/session.server'
import { createApiToken } from '#app/models/api-tokens.server'
import { get, isCrossSiteRefusal, postForm, postJson, sessionCookieOf, whoAmI } from './requests'

/** Sessions against the built app: fixation, ending them, and roles and blocks on the next request. */
describe.each(TEST_ENGINES)('sessions on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let admin: { username: string; cookie: string }
  let n = 0

  beforeAll(async () => {
    const user = await createUser(t.db, { role: 'admin' })
    admin = { username: user.username, cookie: await login(server.url, user.username) }
  })

  const rawId = (cookie: string) => cookie.split('=')[1]!
  const sessionRow = (cookie: string) => t.db.selectFrom('sessions').select(['id', 'user_id']).where('id', '=', hashSessionId(rawId(cookie))).executeTakeFirst()
  const newUser = (role: 'editor' | 'trusted' | 'moderator' = 'editor') => createUser(t.db, { role, username: `s${engine.engine.slice(0, 2)}-${role}-${++n}` })

  it('issues a cookie that is HttpOnly, SameSite=Lax, path-wide, with one lifetime', async () => {
    const user = await newUser()
    const response = await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD })
    const header = response.headers.get('set-cookie')!
    expect(header).toMatch(/^sourced_session=[a-z2-7]{40}; /)
    expect(header).toContain('HttpOnly')
    expect(header).toContain('SameSite=Lax')
    expect(header).toContain('Path=/')
    expect(header.match(/Max-Age=/g)).toHaveLength(1)
  })

  const DAY = 86_400_000
  const lifetimes = (cookie: string) =>
    t.db.selectFrom('sessions').select(['created_at', 'expires_at', 'absolute_expires_at']).where('id', '=', hashSessionId(rawId(cookie))).executeTakeFirstOrThrow()
  const setDeadlines = (cookie: string, deadlines: { idle?: number; absolute?: number }) =>
    t.db
      .updateTable('sessions')
      .set({
        ...(deadlines.idle !== undefined ? { expires_at: new Date(Date.now() + deadlines.idle).toISOString() } : {}),
        ...(deadlines.absolute !== undefined ? { absolute_expires_at: new Date(Date.now() + deadlines.absolute).toISOString() } : {}),
      })
      .where('id', '=', hashSessionId(rawId(cookie)))
      .execute()

  it('gives a session an idle deadline of 14 days and an absolute one 30 days after sign-in (the cookie’s lifetime)', async () => {
    const user = await newUser()
    const response = await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD })
    expect(response.headers.get('set-cookie')).toContain(`Max-Age=${30 * 86_400}`)
    const row = await lifetimes(sessionCookieOf(response)!)
    expect(Date.parse(row.absolute_expires_at) - Date.parse(row.created_at)).toBe(30 * DAY)
    // lucia sets the idle deadline from its own clock reading, a moment after created_at.
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBeGreaterThanOrEqual(14 * DAY)
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBeLessThan(14 * DAY + 60_000)
  })

  it('slides the idle deadline when the session is used, and ends a session left idle past it', async () => {
    const user = await newUser()
    const cookie = await login(server.url, user.username)
    // Two days of idle time left (less than half the 14): the next request extends it.
    await setDeadlines(cookie, { idle: 2 * DAY, absolute: 20 * DAY })
    const before = await lifetimes(cookie)
    expect(await whoAmI(server, cookie)).toBe(user.username)
    const after = await lifetimes(cookie)
    expect(Date.parse(after.expires_at)).toBeGreaterThan(Date.now() + 13 * DAY)
    expect(after.absolute_expires_at).toBe(before.absolute_expires_at)

    await setDeadlines(cookie, { idle: -1000 })
    expect(await whoAmI(server, cookie)).toBeNull()
    expect(await sessionRow(cookie)).toBeUndefined()
  })

  it('ends a session at its absolute deadline however recently it was used', async () => {
    const user = await newUser()
    const cookie = await login(server.url, user.username)
    expect(await whoAmI(server, cookie)).toBe(user.username)
    await setDeadlines(cookie, { idle: 13 * DAY, absolute: -1000 })
    expect(await whoAmI(server, cookie)).toBeNull()
    expect(await sessionRow(cookie)).toBeUndefined()
    expect((await get(server, '/account', { cookie })).status).toBe(302)
  })

  it('does not rewrite a session on every request in its last week (the absolute deadline does not slide)', async () => {
    const user = await newUser()
    const cookie = await login(server.url, user.username)
    await setDeadlines(cookie, { idle: 13 * DAY, absolute: DAY })
    const before = await lifetimes(cookie)
    expect(await whoAmI(server, cookie)).toBe(user.username)
    expect(await whoAmI(server, cookie)).toBe(user.username)
    expect(await lifetimes(cookie)).toEqual(before)
  })

  it('takes both lifetimes from the configuration, and marks the cookie Secure behind an https ORIGIN', async () => {
    // As behind a proxy that passes its own Host (nginx's default): the app sees Host
    // 127.0.0.1:<port>, the browser sends the public Origin. Posts from that origin go through.
    const origin = 'https://sourced.example'
    const configured = await startServer({ databaseUrl: t.url, env: { DEMO_CONTENT: 'false', ORIGIN: origin, SESSION_IDLE_DAYS: '1', SESSION_ABSOLUTE_DAYS: '2' } })
    try {
      const user = await newUser()
      expect(await isCrossSiteRefusal(await postForm(configured, '/login', { username: user.username, password: TEST_PASSWORD }, { origin: 'https://evil.example' }))).toBe(true)
      expect(await isCrossSiteRefusal(await postForm(configured, '/login', { username: user.username, password: TEST_PASSWORD }, { origin: configured.url }))).toBe(true)
      const response = await postForm(configured, '/login', { username: user.username, password: TEST_PASSWORD }, { origin })
      expect(response.status).toBe(302)
      const header = response.headers.get('set-cookie')!
      expect(header).toContain('Secure')
      expect(header).toContain(`Max-Age=${2 * 86_400}`)
      const row = await lifetimes(sessionCookieOf(response)!)
      expect(Date.parse(row.absolute_expires_at) - Date.parse(row.created_at)).toBe(2 * DAY)
      expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBeLessThan(DAY + 60_000)
    } finally {
      await configured.stop()
    }
    // Over plain http (this test server) a Secure cookie would never come back.
    const user = await newUser()
    expect((await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD })).headers.get('set-cookie')).not.toContain('Secure')
  })

  it('never adopts a session id planted before login (fixation), and ends it', async () => {
    const attacker = await newUser()
    const victim = await newUser()
    for (const planted of [await login(server.url, attacker.username), `sourced_session=${'a'.repeat(40)}`]) {
      const response = await postForm(server, '/login', { username: victim.username, password: TEST_PASSWORD }, { cookie: planted })
      expect(response.status).toBe(302)
      const issued = sessionCookieOf(response)!
      expect(issued).not.toBe(planted)
      expect((await sessionRow(issued))?.user_id).toBe(victim.id)
      expect(await sessionRow(planted)).toBeUndefined()
      expect(await whoAmI(server, planted)).toBeNull()
      expect(await whoAmI(server, issued)).toBe(victim.username)
    }
  })

  it('ends the session on the server at logout, not only in the browser', async () => {
    const user = await newUser()
    const cookie = await login(server.url, user.username)
    expect(await whoAmI(server, cookie)).toBe(user.username)
    const response = await postForm(server, '/logout', {}, { cookie })
    expect(response.status).toBe(302)
    expect(response.headers.get('set-cookie')).toMatch(/^sourced_session=; .*Max-Age=0/)
    expect(await sessionRow(cookie)).toBeUndefined()
    // Replaying the old cookie gets nothing.
    expect(await whoAmI(server, cookie)).toBeNull()
    expect((await get(server, '/account', { cookie })).status).toBe(302)
  })

  it('lists a person’s sessions on /account and ends the one they revoke', async () => {
    const user = await newUser()
    const laptop = await login(server.url, user.username)
    const phone = await login(server.url, user.username)
    const html = await (await get(server, '/account', { cookie: laptop })).text()
    const storedIds = [...html.matchAll(/name="sessionId" value="([0-9a-f]{64})"/g)].map((m) => m[1])
    expect(storedIds.sort()).toEqual([hashSessionId(rawId(laptop)), hashSessionId(rawId(phone))].sort())
    expect(html).toContain('This browser')
    const response = await postForm(server, '/account', { intent: 'revoke-session', sessionId: hashSessionId(rawId(phone)) }, { cookie: laptop })
    expect(response.status).toBe(200)
    expect(await whoAmI(server, phone)).toBeNull()
    expect(await whoAmI(server, laptop)).toBe(user.username)
    // Revoking this browser's own session signs it out.
    const own = await postForm(server, '/account', { intent: 'revoke-session', sessionId: hashSessionId(rawId(laptop)) }, { cookie: laptop })
    expect(own.status).toBe(302)
    expect(own.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    expect(await whoAmI(server, laptop)).toBeNull()
  })

  it('cannot revoke someone else’s session from /account', async () => {
    const alice = await newUser()
    const bob = await newUser()
    const aliceCookie = await login(server.url, alice.username)
    const bobCookie = await login(server.url, bob.username)
    const response = await postForm(server, '/account', { intent: 'revoke-session', sessionId: hashSessionId(rawId(bobCookie)) }, { cookie: aliceCookie })
    expect(response.status).toBe(404)
    expect(await whoAmI(server, bobCookie)).toBe(bob.username)
  })

  it('ends every other session when the password changes, and only with the current password', async () => {
    const user = await newUser()
    const here = await login(server.url, user.username)
    const elsewhere = [await login(server.url, user.username), await login(server.url, user.username)]
    const wrong = await postForm(server, '/account', { intent: 'change-password', currentPassword: 'not my password', newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }, { cookie: here })
    expect(wrong.status).toBe(400)
    const common = await postForm(server, '/account', { intent: 'change-password', currentPassword: TEST_PASSWORD, newPassword: 'password123', confirmPassword: 'password123' }, { cookie: here })
    expect(common.status).toBe(422)
    expect(await common.text()).toContain('commonly used passwords')
    for (const cookie of elsewhere) expect(await whoAmI(server, cookie)).toBe(user.username)

    const changed = await postForm(server, '/account', { intent: 'change-password', currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }, { cookie: here })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toContain('Your 2 other sessions were signed out.')
    for (const cookie of elsewhere) expect(await whoAmI(server, cookie)).toBeNull()
    expect(await whoAmI(server, here)).toBe(user.username)
    expect((await postForm(server, '/login', { username: user.username, password: TEST_PASSWORD })).status).toBe(401)
    expect((await postForm(server, '/login', { username: user.username, password: 'a brand new passphrase' })).status).toBe(302)
  })

  it('applies a role downgrade on the very next request, by session and by token', async () => {
    const moderator = await newUser('moderator')
    const target = await newUser('editor')
    const cookie = await login(server.url, moderator.username)
    const token = (await createApiToken(t.db, moderator.id, 'test')).token
    expect((await get(server, `/admin/users/${target.username}`, { cookie })).status).toBe(200)
    expect((await postJson(server, '/api/v1/sources', { url: `https://example.org/r-${n}`, title: 'R', publisher: 'P', kind: 'press' }, { token, origin: null })).status).toBe(201)

    const demoted = await postForm(server, `/admin/users/${moderator.username}`, { intent: 'set-role', role: 'editor', reason: 'stepping down' }, { cookie: admin.cookie })
    expect(demoted.status).toBe(200)
    expect((await get(server, `/admin/users/${target.username}`, { cookie })).status).toBe(403)
    expect((await postForm(server, `/admin/users/${target.username}`, { intent: 'block', duration: '1d', reason: 'x' }, { cookie })).status).toBe(403)
    // Still an editor: the token keeps working for what editors may do.
    expect((await postJson(server, '/api/v1/sources', { url: `https://example.org/s-${n}`, title: 'S', publisher: 'P', kind: 'press' }, { token, origin: null })).status).toBe(201)
  })

  it('applies a block on the very next request, by session and by token, and lifts it the same way', async () => {
    const editor = await newUser('editor')
    const cookie = await login(server.url, editor.username)
    const token = (await createApiToken(t.db, editor.id, 'test')).token
    const source = (i: number) => ({ url: `https://example.org/block-${editor.id}-${i}`, title: 'B', publisher: 'P', kind: 'press' })
    expect((await postJson(server, '/api/v1/sources', source(1), { cookie })).status).toBe(201)
    expect((await postJson(server, '/api/v1/sources', source(2), { token, origin: null })).status).toBe(201)

    expect((await postForm(server, `/admin/users/${editor.username}`, { intent: 'block', duration: '1w', reason: 'adding spam links' }, { cookie: admin.cookie })).status).toBe(200)
    const bySession = await postJson(server, '/api/v1/sources', source(3), { cookie })
    expect(bySession.status).toBe(403)
    expect(await bySession.json()).toMatchObject({ error: { code: 'blocked', message: expect.stringContaining('adding spam links') } })
    expect((await postJson(server, '/api/v1/sources', source(4), { token, origin: null })).status).toBe(403)
    // Blocked people still read, and still manage their own account.
    expect(await whoAmI(server, cookie)).toBe(editor.username)
    const account = await get(server, '/account', { cookie })
    expect(account.status).toBe(200)
    expect(await account.text()).toContain('adding spam links')

    expect((await postForm(server, `/admin/users/${editor.username}`, { intent: 'unblock', reason: 'appeal accepted' }, { cookie: admin.cookie })).status).toBe(200)
    expect((await postJson(server, '/api/v1/sources', source(5), { cookie })).status).toBe(201)
    expect((await postJson(server, '/api/v1/sources', source(6), { token, origin: null })).status).toBe(201)
  })

  it('signs an account out everywhere and revokes its tokens when an admin says so', async () => {
    const editor = await newUser('editor')
    const cookies = [await login(server.url, editor.username), await login(server.url, editor.username)]
    const token = (await createApiToken(t.db, editor.id, 'test')).token
    const response = await postForm(server, `/admin/users/${editor.username}`, { intent: 'end-sessions' }, { cookie: admin.cookie })
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Ended 2 session(s) and revoked 1 token(s).')
    for (const cookie of cookies) expect(await whoAmI(server, cookie)).toBeNull()
    expect((await postJson(server, '/api/v1/sources', { url: 'https://example.org/x', title: 'X', publisher: 'P', kind: 'press' }, { token, origin: null })).status).toBe(401)
  })

  it('answers a malformed cookie (any cookie) with the page, not a 500', async () => {
    for (const cookie of ['tracker=%E0%A4%A', 'sourced_session=%', `sourced_session=${'A'.repeat(40)}`, 'sourced_session=']) {
      expect((await get(server, '/', { cookie })).status, cookie).toBe(200)
    }
  })
})
