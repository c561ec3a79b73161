import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { createUser } from '#test/factories'
import { hitLimit } from '#app/models/rate-limits.server'
import { sweepExpired } from './sweep.server'

describe.each(TEST_ENGINES)('sweeping expired state on $engine', (engine) => {
  const t = withTestDatabase(engine)

  it('removes ended sessions and spent rate-limit windows, and keeps what still counts', async () => {
    const user = await createUser(t.db)
    const now = new Date('2026-11-27T12:00:00Z')
    const session = (id: string, expires: string, absolute: string) => ({ id, user_id: user.id, expires_at: expires, absolute_expires_at: absolute, created_at: '2026-11-01T00:00:00.000Z', ip: null, user_agent: null, last_seen_at: null })
    await t.db.insertInto('sessions').values([
      session('live', '2026-12-01T00:00:00.000Z', '2026-12-10T00:00:00.000Z'),
      session('idle', '2026-11-27T11:59:59.000Z', '2026-12-10T00:00:00.000Z'),
      session('old', '2026-12-01T00:00:00.000Z', '2026-11-27T00:00:00.000Z'),
    ]).execute()
    const limit = { max: 10, windowSeconds: 3600 }
    await hitLimit(t.db, 'login:a', limit, new Date('2026-11-27T11:30:00Z'))
    await hitLimit(t.db, 'login:a', limit, new Date('2026-11-27T10:30:00Z'))
    await hitLimit(t.db, 'login:a', limit, new Date('2026-11-20T10:30:00Z'))
    const swept = await sweepExpired(t.db, now)
    expect(swept.sessions).toBe(2)
    expect(swept.windows).toBeGreaterThanOrEqual(1)
    expect((await t.db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual(['live'])
    const windows = (await t.db.selectFrom('rate_limits').select('window_start').where('bucket', '=', 'login:a').orderBy('window_start').execute()).map((r) => r.window_start)
    expect(windows).toEqual(['2026-11-27T10:00:00.000Z', '2026-11-27T11:00:00.000Z'])
  })
})
