import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { TEST_ENGINES } from '#test/db'
import { withTestApp } from '#test/app'
import { runNpmScript } from '#test/cli'
import { createUser, login, TEST_PASSWORD } from '#test/factories'
import { get, postForm, postJson } from './requests'

/** Personal access tokens from the command line and the account page; what the security log keeps. */
describe.each(TEST_ENGINES)('tokens and the security log on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  const secrets: string[] = [TEST_PASSWORD]

  async function tokenFromCli(username: string): Promise<string> {
    const result = await runNpmScript('token:create', ['--username', username, '--name', 'ci'], t.url)
    expect(result.status, result.stderr).toBe(0)
    const token = result.stdout.trim().split('\n').at(-1)!
    expect(token).toMatch(/^src_[A-Za-z0-9_-]{43}$/)
    secrets.push(token)
    return token
  }
  const source = (i: string) => ({ url: `https://example.org/token-${engine.engine}-${i}`, title: 'Report', publisher: 'Example', kind: 'press', createdBy: 'someone-else', id: 'chosen-id' })

  it('authenticates a write with a token from `npm run token:create`, without Origin or cookie', async () => {
    const user = await createUser(t.db)
    const token = await tokenFromCli(user.username)
    const response = await postJson(server, '/api/v1/sources', source('cli'), { token, origin: null })
    expect(response.status).toBe(201)
    const { source: created } = (await response.json()) as { source: { id: string } }
    expect(created.id).not.toBe('chosen-id')
    const row = await t.db.selectFrom('sources').select(['created_by']).where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row.created_by).toBe(user.id)
  })

  it.each([
    ['a bogus token', 'src_' + 'x'.repeat(43)],
    ['not our prefix', 'ghp_abcdef'],
    ['an empty token', ''],
  ])('answers %s with 401 and the API error shape', async (_name, token) => {
    const response = await fetch(server.url + '/api/v1/sources', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(source('bogus')) })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('creates a token on /account (shown once), lists it, and a revoked one gets 401', async () => {
    const user = await createUser(t.db)
    const cookie = await login(server.url, user.username)
    const created = await postForm(server, '/account', { intent: 'create-token', name: 'import script', userId: 'someone-else' }, { cookie })
    expect(created.status).toBe(201)
    const html = await created.text()
    const token = /value="(src_[A-Za-z0-9_-]{43})"/.exec(html)?.[1]
    expect(token).toBeTruthy()
    secrets.push(token!)
    const owner = await t.db.selectFrom('api_tokens').select(['user_id', 'id']).where('name', '=', 'import script').executeTakeFirstOrThrow()
    expect(owner.user_id).toBe(user.id)
    expect((await postJson(server, '/api/v1/sources', source('account'), { token, origin: null })).status).toBe(201)

    const page = await (await get(server, '/account', { cookie })).text()
    expect(page).toContain('import script')
    expect(page).not.toContain(token)

    expect((await postForm(server, '/account', { intent: 'revoke-token', tokenId: owner.id }, { cookie })).status).toBe(200)
    expect((await postJson(server, '/api/v1/sources', source('revoked'), { token, origin: null })).status).toBe(401)
    expect((await postForm(server, '/account', { intent: 'revoke-token', tokenId: owner.id }, { cookie })).status).toBe(404)
  })

  it('stores tokens and session ids only as their SHA-256, never as given out', async () => {
    const user = await createUser(t.db)
    const fromCli = await tokenFromCli(user.username)
    const cookie = await login(server.url, user.username)
    const page = await (await postForm(server, '/account', { intent: 'create-token', name: 'hashed' }, { cookie })).text()
    const fromPage = /value="(src_[A-Za-z0-9_-]{43})"/.exec(page)![1]!
    secrets.push(fromPage)
    const sessionId = cookie.split('=')[1]!
    const tokens = await t.db.selectFrom('api_tokens').selectAll().where('user_id', '=', user.id).execute()
    const sessions = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()
    expect(tokens.map((r) => r.token_hash).sort()).toEqual([fromCli, fromPage].map((v) => createHash('sha256').update(v).digest('hex')).sort())
    expect(sessions.map((r) => r.id)).toEqual([createHash('sha256').update(sessionId).digest('hex')])
    const stored = JSON.stringify([tokens, sessions])
    for (const secret of [fromCli, fromPage, sessionId]) expect(stored).not.toContain(secret)
  })

  it('does not let a token manage the account it belongs to', async () => {
    const user = await createUser(t.db)
    const token = await tokenFromCli(user.username)
    expect((await postForm(server, '/account', { intent: 'create-token', name: 'sneaky' }, { token, origin: null })).status).toBe(401)
  })

  it('records sign-in, failure, role change, block and refusals — and never a password or token', async () => {
    const admin = await createUser(t.db, { role: 'admin' })
    const editor = await createUser(t.db)
    const adminCookie = await login(server.url, admin.username)
    const editorCookie = await login(server.url, editor.username)
    // A password typed into the name field must not end up in the log either.
    expect((await postForm(server, '/login', { username: 'my secret passphrase', password: 'my secret passphrase' })).status).toBe(401)
    expect((await postForm(server, '/login', { username: editor.username, password: 'another secret guess' })).status).toBe(401)
    secrets.push('my secret passphrase', 'another secret guess')
    expect((await postForm(server, `/admin/users/${editor.username}`, { intent: 'set-role', role: 'trusted', reason: 'good work' }, { cookie: adminCookie })).status).toBe(200)
    expect((await postForm(server, `/admin/users/${editor.username}`, { intent: 'block', duration: '1d', reason: 'edit war' }, { cookie: adminCookie })).status).toBe(200)
    expect((await postJson(server, '/api/v1/sources', source('blocked'), { cookie: editorCookie })).status).toBe(403)
    expect((await get(server, '/admin/users', { cookie: editorCookie })).status).toBe(403)
    const newPassword = 'an entirely new passphrase'
    secrets.push(newPassword)
    expect((await postForm(server, '/account', { intent: 'change-password', currentPassword: TEST_PASSWORD, newPassword, confirmPassword: newPassword }, { cookie: editorCookie })).status).toBe(200)

    const rows = await t.db.selectFrom('security_log').selectAll().orderBy('id').execute()
    const of = (event: string, userId: string) => rows.filter((r) => r.event === event && r.user_id === userId)
    expect(of('login.success', editor.id).length).toBeGreaterThan(0)
    expect(of('login.failure', editor.id)).toHaveLength(1)
    expect(of('role.changed', editor.id).map((r) => JSON.parse(r.detail!))).toEqual([{ from: 'editor', to: 'trusted', by: admin.username }])
    expect(of('user.blocked', editor.id)).toHaveLength(1)
    expect(of('authorization.denied', editor.id).map((r) => JSON.parse(r.detail!).action).sort()).toEqual(['source.create', 'user.list'])
    expect(of('password.changed', editor.id)).toHaveLength(1)
    expect(rows.every((r) => r.ip !== null || ['token.created', 'role.changed'].includes(r.event))).toBe(true)
    // The unknown "name" is recorded as an unknown account, not as what was typed.
    expect(rows.filter((r) => r.event === 'login.failure' && r.user_id === null).map((r) => [r.username, JSON.parse(r.detail!)])).toEqual([[null, { knownAccount: false }]])

    const everything = JSON.stringify(rows)
    for (const secret of secrets) expect(everything, 'a secret in the security log').not.toContain(secret)
    // Nor the session ids the log could have seen.
    expect(everything).not.toMatch(/sourced_session|[a-z2-7]{40}/)

    const moderationLog = await t.db.selectFrom('moderation_log').select(['action', 'reason', 'actor_id', 'target_user_id']).where('target_user_id', '=', editor.id).orderBy('id').execute()
    expect(moderationLog).toEqual([
      { action: 'user.role', reason: 'good work', actor_id: admin.id, target_user_id: editor.id },
      { action: 'user.block', reason: 'edit war', actor_id: admin.id, target_user_id: editor.id },
    ])
  })
})
