import { beforeAll, describe, expect, it, vi } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { withTestApp } from '#test/app'
import { createPage, createUser } from '#test/factories'
import { postJson } from '#test/http/requests'
import { content, doc, p, text } from '#test/fixtures/docs'
import { createApiToken } from '#app/models/api-tokens.server'
import { getUserById, setUserBlock } from '#app/models/users.server'
import { changeRole } from './change-role.server'
import { reviewRevision } from './review-revision.server'

// Read once when the config module loads, so set before any import runs.
vi.hoisted(() => {
  process.env.TRUST_AFTER_APPROVED = '3'
  process.env.TRUST_AFTER_DAYS = '4'
})

/** A number spelled in letters: digits in a page would be figures that need a source. */
const words = (n: number) => n.toString(26).split('').map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('')

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()

describe.each(TEST_ENGINES)('automatic trust on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let moderator: Awaited<ReturnType<typeof createUser>>
  let n = 0
  beforeAll(async () => {
    moderator = await createUser(t.db, { role: 'moderator' })
  })

  /** One new page by the author, as the session or token that still says "editor" sends it. */
  async function newPage(author: { id: string }) {
    const saved = await createPage(t.db, { id: author.id, role: 'editor', blockedUntil: null }, { body: doc(p(text(`Plain words, page ${words(++n)}.`))), title: `Trust page ${engine.engine} ${words(n)}` })
    return saved.revision
  }
  /** One new page by the author, approved by the moderator. */
  async function approvedPage(author: { id: string }) {
    const revision = await newPage(author)
    expect(revision.status).toBe('pending')
    const reviewed = await reviewRevision(t.db, { moderator, revisionId: revision.id, decision: 'approve', reason: 'fine' })
    expect(reviewed).toMatchObject({ ok: true })
  }
  const roleOf = async (id: string) => (await getUserById(t.db, id))!.role

  it('promotes an editor after enough approved revisions and days, and logs it publicly', async () => {
    const editor = await createUser(t.db, { createdAt: daysAgo(5) })
    await approvedPage(editor)
    await approvedPage(editor)
    expect(await roleOf(editor.id)).toBe('editor')
    await approvedPage(editor)
    expect(await roleOf(editor.id)).toBe('trusted')
    const log = await t.db.selectFrom('moderation_log').select(['action', 'actor_id']).where('target_user_id', '=', editor.id).where('action', '=', 'user.auto-trusted').execute()
    expect(log).toEqual([{ action: 'user.auto-trusted', actor_id: null }])
    const security = await t.db.selectFrom('security_log').select(['event', 'detail']).where('user_id', '=', editor.id).execute()
    expect(security).toEqual([{ event: 'role.changed', detail: JSON.stringify({ from: 'editor', to: 'trusted', by: 'automatic' }) }])
  })

  it('promotes with the next save once the days complete with no review, and only once', async () => {
    // Three approvals on day two: not yet. Then the days pass (the account is made older).
    const editor = await createUser(t.db, { createdAt: daysAgo(2) })
    for (let i = 0; i < 3; i++) await approvedPage(editor)
    expect((await newPage(editor)).status).toBe('pending')
    expect(await roleOf(editor.id)).toBe('editor')
    await t.db.updateTable('users').set({ created_at: daysAgo(5) }).where('id', '=', editor.id).execute()
    // The save that finds the record complete already counts as a trusted editor's.
    expect((await newPage(editor)).status).toBe('approved')
    expect(await roleOf(editor.id)).toBe('trusted')
    await newPage(editor)
    const log = await t.db.selectFrom('moderation_log').select('action').where('target_user_id', '=', editor.id).where('action', '=', 'user.auto-trusted').execute()
    expect(log).toHaveLength(1)
  })

  it('does not promote on a save with too few approvals, however old the account', async () => {
    const editor = await createUser(t.db, { createdAt: daysAgo(400) })
    for (let i = 0; i < 2; i++) await approvedPage(editor)
    expect((await newPage(editor)).status).toBe('pending')
    expect(await roleOf(editor.id)).toBe('editor')
  })

  it.each([
    ['an account younger than the days', async () => createUser(t.db, { createdAt: daysAgo(3) })],
    ['a blocked account', async () => {
      const user = await createUser(t.db, { createdAt: daysAgo(30) })
      await setUserBlock(t.db, user.id, { until: '2999-01-01T00:00:00.000Z', reason: 'x' })
      return user
    }],
    ['an account whose role an admin set by hand', async () => {
      const admin = await createUser(t.db, { role: 'admin' })
      const user = await createUser(t.db, { role: 'trusted', createdAt: daysAgo(30) })
      expect(await changeRole(t.db, { actor: admin, targetUserId: user.id, role: 'editor', reason: 'sloppy sourcing', ip: null })).toMatchObject({ ok: true })
      return user
    }],
  ])('does not promote %s, on approval or on a save', async (_name, make) => {
    const user = await make()
    for (let i = 0; i < 4; i++) await approvedPage(user)
    expect((await newPage(user)).status).toBe('pending')
    expect(await roleOf(user.id)).toBe('editor')
  })
})

describe.each(TEST_ENGINES)('automatic trust through the app on $engine', (engine) => {
  // The server reads the same TRUST_AFTER_* as this file (set above, passed on in its environment).
  const { t, server } = withTestApp(engine, { env: { DEMO_CONTENT: 'false' } })
  let moderator: Awaited<ReturnType<typeof createUser>>
  beforeAll(async () => {
    moderator = await createUser(t.db, { role: 'moderator' })
  })

  it('publishes the first edit after the record completes, as a trusted editor’s', async () => {
    const editor = await createUser(t.db, { createdAt: daysAgo(2) })
    const token = (await createApiToken(t.db, editor.id, 'trust')).token
    const save = async (n: number) => {
      const response = await postJson(server, '/api/v1/pages', { content: content(doc(p(text(`Plain words, page ${words(n)}.`))), { title: `Earned ${engine.engine} ${words(n)}` }), summary: '' }, { token, origin: null })
      expect(response.status).toBe(201)
      return ((await response.json()) as { revision: { id: string; status: string } }).revision
    }
    for (let i = 1; i <= 3; i++) {
      const revision = await save(i)
      expect(revision.status).toBe('pending')
      expect(await reviewRevision(t.db, { moderator, revisionId: revision.id, decision: 'approve', reason: 'fine' })).toMatchObject({ ok: true })
    }
    // Three approvals, but only two days: the next edit still waits.
    expect((await save(4)).status).toBe('pending')
    expect((await getUserById(t.db, editor.id))!.role).toBe('editor')
    // Two days later, with no review in between, the next edit publishes.
    await t.db.updateTable('users').set({ created_at: daysAgo(5) }).where('id', '=', editor.id).execute()
    expect((await save(5)).status).toBe('approved')
    expect((await getUserById(t.db, editor.id))!.role).toBe('trusted')
  })
})
