import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { INDEFINITE } from '#app/core/user-admin'
import { getUserById } from '#app/models/users.server'
import { blockUser } from './block-user.server'
import { unblockUser } from './unblock-user.server'

describe.each(TEST_ENGINES)('blocking on $engine', (engine) => {
  const t = withTestDatabase(engine)
  const now = new Date('2026-11-27T10:00:00Z')

  it('blocks for a duration with a public reason, logged publicly, and lifts the block', async () => {
    const moderator = await createUser(t.db, { role: 'moderator' })
    const editor = await createUser(t.db)
    expect(await blockUser(t.db, { actor: moderator, targetUserId: editor.id, duration: '1w', reason: 'spam links', ip: null, now })).toEqual({ ok: true, until: '2026-12-04T10:00:00.000Z' })
    expect(await getUserById(t.db, editor.id)).toMatchObject({ blockedUntil: '2026-12-04T10:00:00.000Z', blockReason: 'spam links' })
    expect(await unblockUser(t.db, { actor: moderator, targetUserId: editor.id, reason: 'appeal', ip: null, now })).toEqual({ ok: true })
    expect(await getUserById(t.db, editor.id)).toMatchObject({ blockedUntil: null, blockReason: null })
    const log = await t.db.selectFrom('moderation_log').select(['action', 'reason']).where('target_user_id', '=', editor.id).orderBy('id').execute()
    expect(log).toEqual([{ action: 'user.block', reason: 'spam links' }, { action: 'user.unblock', reason: 'appeal' }])
    const security = await t.db.selectFrom('security_log').select('event').where('user_id', '=', editor.id).orderBy('id').execute()
    expect(security.map((r) => r.event)).toEqual(['user.blocked', 'user.unblocked'])
  })

  it('blocks indefinitely', async () => {
    const admin = await createUser(t.db, { role: 'admin' })
    const editor = await createUser(t.db)
    expect(await blockUser(t.db, { actor: admin, targetUserId: editor.id, duration: 'indefinite', reason: 'sock puppet', ip: null, now })).toEqual({ ok: true, until: INDEFINITE })
  })

  it.each([
    ['without a reason', 'moderator', 'editor', { duration: '1d', reason: '  ' }, { status: 422, code: 'reason_required' }],
    ['for a made-up duration', 'moderator', 'editor', { duration: '10y', reason: 'x' }, { status: 422, code: 'invalid_duration' }],
    ['a fellow moderator', 'moderator', 'moderator', { duration: '1d', reason: 'x' }, { status: 403, code: 'outranks' }],
    ['an admin', 'admin', 'admin', { duration: '1d', reason: 'x' }, { status: 403, code: 'outranks' }],
  ] as const)('refuses to block %s, changing nothing', async (_name, actorRole, targetRole, fields, expected) => {
    const actor = await createUser(t.db, { role: actorRole })
    const target = await createUser(t.db, { role: targetRole })
    expect(await blockUser(t.db, { actor, targetUserId: target.id, ...fields, ip: null, now })).toMatchObject({ ok: false, ...expected })
    expect((await getUserById(t.db, target.id))?.blockedUntil).toBeNull()
    expect(await t.db.selectFrom('moderation_log').select('id').where('target_user_id', '=', target.id).execute()).toEqual([])
  })

  it('refuses to block oneself and to lift a block that is not there', async () => {
    const admin = await createUser(t.db, { role: 'admin' })
    expect(await blockUser(t.db, { actor: admin, targetUserId: admin.id, duration: '1d', reason: 'x', ip: null, now })).toMatchObject({ ok: false, code: 'self' })
    const editor = await createUser(t.db)
    expect(await unblockUser(t.db, { actor: admin, targetUserId: editor.id, reason: '', ip: null, now })).toMatchObject({ ok: false, status: 409, code: 'not_blocked' })
  })
})
