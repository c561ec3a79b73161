import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNpmScript } from '#test/cli'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { withTestApp } from '#test/app'
import { login } from '#test/factories'
import { startServer, type RunningServer } from '#test/server'
import { get, postForm, postJson } from './requests'

/**
 * `npm run user:create` as the README tells a new installation to run it: the password on standard
 * input, never on the command line; then the account works in the app with the role given.
 */
const userCreate = (databaseUrl: string, args: string[], stdin: string) => runNpmScript('user:create', args, databaseUrl, stdin)
const tokenCreate = (databaseUrl: string, username: string) => runNpmScript('token:create', ['--username', username], databaseUrl)

const PASSPHRASE = 'the first admin’s long passphrase'

describe('the first admin on a new installation', () => {
  let dir: string
  let file: string
  let server: RunningServer | undefined
  // An installation of their own for the refusals, so they find a database whether or not the
  // first test has made one, and leave the first test's file unmade.
  let existing: TestDatabase
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourced-first-admin-'))
    file = path.join(dir, 'new.sqlite')
    existing = await createTestDatabase({ engine: 'sqlite' })
  })
  const countUsers = (databaseFile: string) => {
    const db = new Database(databaseFile, { readonly: true })
    try {
      return (db.prepare('select count(*) as n from users').get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  afterAll(async () => {
    await server?.stop()
    await existing?.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('is created in a database that does not exist yet, signs in and administers users', async () => {
    expect(fs.existsSync(file)).toBe(false)
    const created = await userCreate(file, ['--username', 'founder', '--role', 'admin'], `${PASSPHRASE}\n`)
    expect(created.status, created.stderr).toBe(0)
    expect(created.stdout).toBe('Created admin founder\n')
    expect(created.stdout + created.stderr).not.toContain(PASSPHRASE)

    server = await startServer({ databaseUrl: file, env: { DEMO_CONTENT: 'false' } })
    const cookie = await login(server.url, 'founder', PASSPHRASE)
    const users = await get(server, '/admin/users', { cookie })
    expect(users.status).toBe(200)
    expect(await users.text()).toContain('founder')

    // And a token for scripts, printed once on the last line, that the API accepts.
    const token = await tokenCreate(file, 'founder')
    expect(token.status, token.stderr).toBe(0)
    const value = token.stdout.trim().split('\n').at(-1)!
    expect(value).toMatch(/^src_[A-Za-z0-9_-]{43}$/)
    const source = await postJson(server, '/api/v1/sources', { url: 'https://example.org/first-admin', title: 'T', publisher: 'P', kind: 'press' }, { token: value, origin: null })
    expect(source.status).toBe(201)
  })

  it.each([
    ['a common password', ['--username', 'cli-weak', '--role', 'admin'], 'password1\n', /commonly used passwords/],
    ['a short password', ['--username', 'cli-short', '--role', 'admin'], 'short\n', /at least 8 characters/],
    ['no password', ['--username', 'cli-empty', '--role', 'admin'], '', /at least 8 characters/],
    ['an unknown role', ['--username', 'cli-god', '--role', 'god'], `${PASSPHRASE}\n`, /--role must be one of editor, trusted, moderator, admin/],
    ['no username', ['--role', 'admin'], `${PASSPHRASE}\n`, /--username/],
    ['an invalid username', ['--username', 'two words', '--role', 'admin'], `${PASSPHRASE}\n`, /username: /],
  ])('refuses %s with a message and exit status 1, creating nothing', async (_name, args, stdin, message) => {
    const before = countUsers(existing.url)
    const result = await userCreate(existing.url, args, stdin)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(countUsers(existing.url)).toBe(before)
  })
})

describe.each(TEST_ENGINES)('npm run user:create on $engine', (engine) => {
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })

  const roleOf = async (username: string) => (await t.db.selectFrom('users').select('role').where('username', '=', username).executeTakeFirst())?.role

  it.each(['admin', 'moderator'] as const)('creates an account with the role %s that signs in with the password from standard input', async (role) => {
    const username = `cli-${role}-${engine.engine}`
    const created = await userCreate(t.url, ['--username', username, '--role', role], `${PASSPHRASE}\r\n`)
    expect(created.status, created.stderr).toBe(0)
    expect(await roleOf(username)).toBe(role)
    // The line ending is not part of the password.
    const cookie = await login(server.url, username, PASSPHRASE)
    expect((await get(server, '/admin/users', { cookie })).status).toBe(role === 'admin' ? 200 : 403)
    const stored = await t.db.selectFrom('users').select('password_hash').where('username', '=', username).executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('makes an editor when no role is given', async () => {
    const created = await userCreate(t.url, ['--username', `cli-default-${engine.engine}`], PASSPHRASE)
    expect(created.status, created.stderr).toBe(0)
    expect(await roleOf(`cli-default-${engine.engine}`)).toBe('editor')
  })

  it('refuses a name that is taken, in any spelling, leaving the account as it was', async () => {
    const username = `cli-taken-${engine.engine}`
    expect((await userCreate(t.url, ['--username', username, '--role', 'editor'], `${PASSPHRASE}\n`)).status).toBe(0)
    const again = await userCreate(t.url, ['--username', username.toUpperCase(), '--role', 'admin'], 'another long passphrase\n')
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('This username is taken')
    expect(await roleOf(username)).toBe('editor')
    expect((await postForm(server, '/login', { username, password: 'another long passphrase' })).status).toBe(401)
  })
})
