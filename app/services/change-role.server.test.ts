import { describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { getUserById } from '#app/models/users.server'
import { changeRole } from './change-role.server'

describe.each(TEST_ENGINES)('changing roles on $engine', (engine) => {
  const t = withTestDatabase(engine)
  const admins = async () => (await t.db.selectFrom('users').select('id').where('role', '=', 'admin').execute()).length

  it('changes a role and writes both logs in one go', async () => {
    const admin = await createUser(t.db, { role: 'admin' })
    const editor = await createUser(t.db)
    const result = await changeRole(t.db, { actor: admin, targetUserId: editor.id, role: 'moderator', reason: '  trusted\nreviewer ', ip: '192.0.2.1' })
    expect(result).toEqual({ ok: true, from: 'editor', to: 'moderator' })
    expect((await getUserById(t.db, editor.id))?.role).toBe('moderator')
    const log = await t.db.selectFrom('moderation_log').select(['action', 'actor_id', 'reason', 'detail']).where('target_user_id', '=', editor.id).execute()
    expect(log).toEqual([{ action: 'user.role', actor_id: admin.id, reason: 'trusted reviewer', detail: JSON.stringify({ from: 'editor', to: 'moderator' }) }])
    const security = await t.db.selectFrom('security_log').select(['event', 'ip']).where('user_id', '=', editor.id).execute()
    expect(security).toEqual([{ event: 'role.changed', ip: '192.0.2.1' }])
  })

  it.each([
    ['the role it already has', 'editor' as const, 'same_role'],
  ])('refuses %s', async (_name, role, code) => {
    const admin = await createUser(t.db, { role: 'admin' })
    const editor = await createUser(t.db)
    expect(await changeRole(t.db, { actor: admin, targetUserId: editor.id, role, reason: '', ip: null })).toMatchObject({ ok: false, status: 409, code })
  })

  it('answers 404 for an unknown account and 422 for an overlong reason', async () => {
    const admin = await createUser(t.db, { role: 'admin' })
    expect(await changeRole(t.db, { actor: admin, targetUserId: 'nobody', role: 'editor', reason: '', ip: null })).toMatchObject({ ok: false, status: 404 })
    expect(await changeRole(t.db, { actor: admin, targetUserId: admin.id, role: 'editor', reason: 'x'.repeat(501), ip: null })).toMatchObject({ ok: false, status: 422 })
  })

  it('never demotes the last admin, even when two admins demote each other at the same moment', async () => {
    const fresh = await createTestDatabase(engine)
    try {
      const a = await createUser(fresh.db, { role: 'admin' })
      const b = await createUser(fresh.db, { role: 'admin' })
      const other = fresh.reopen()
      const results = await Promise.all([
        changeRole(fresh.db, { actor: a, targetUserId: b.id, role: 'editor', reason: '', ip: null }),
        changeRole(other, { actor: b, targetUserId: a.id, role: 'editor', reason: '', ip: null }),
      ])
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.filter((r) => !r.ok)).toMatchObject([{ status: 409, code: 'last_admin' }])
      const left = await fresh.db.selectFrom('users').select('id').where('role', '=', 'admin').execute()
      expect(left).toHaveLength(1)
      // The one left cannot step down either.
      const last = left[0]!.id
      expect(await changeRole(fresh.db, { actor: { id: last, username: 'x' }, targetUserId: last, role: 'moderator', reason: '', ip: null })).toMatchObject({ ok: false, code: 'last_admin' })
    } finally {
      await fresh.destroy()
    }
  })

  it('lets an admin step down while another admin remains', async () => {
    const before = await admins()
    const a = await createUser(t.db, { role: 'admin' })
    expect(await changeRole(t.db, { actor: a, targetUserId: a.id, role: 'moderator', reason: '', ip: null })).toMatchObject({ ok: true })
    expect(await admins()).toBe(before)
  })
})
