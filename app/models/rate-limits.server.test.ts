import { describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import { checkLimit, hitLimit } from './rate-limits.server'

describe.each(TEST_ENGINES)('rate limits on $engine', (engine) => {
  const t = withTestDatabase(engine)

  it('engages after the limit and says when to retry', async () => {
    const limit = { max: 3, windowSeconds: 900 }
    const now = new Date('2026-11-27T10:05:00Z')
    for (let i = 1; i <= 3; i++) expect((await hitLimit(t.db, 'login:alice:ip', limit, now)).allowed).toBe(true)
    const fourth = await hitLimit(t.db, 'login:alice:ip', limit, now)
    expect(fourth).toMatchObject({ allowed: false, count: 4 })
    // 600 s to the end of this window, then until 4 × (1 − t) ≤ 2: half of the next one.
    expect(fourth.retryAfterSeconds).toBe(600 + 450)
    expect((await checkLimit(t.db, 'login:alice:ip', limit, now)).allowed).toBe(false)
  })

  it('stays engaged across the window edge, then lets attempts through as the old ones age', async () => {
    const limit = { max: 3, windowSeconds: 900 }
    for (let i = 0; i < 3; i++) await hitLimit(t.db, 'edge', limit, new Date('2026-11-27T10:14:59Z'))
    expect((await checkLimit(t.db, 'edge', limit, new Date('2026-11-27T10:15:00Z'))).allowed).toBe(false)
    expect((await checkLimit(t.db, 'edge', limit, new Date('2026-11-27T10:19:59Z'))).allowed).toBe(false)
    expect((await checkLimit(t.db, 'edge', limit, new Date('2026-11-27T10:20:00Z'))).allowed).toBe(true)
    expect((await checkLimit(t.db, 'edge', limit, new Date('2026-11-27T10:45:00Z'))).count).toBe(0)
  })

  it('counts atomically across connections (two app instances share one database)', async () => {
    const other = t.reopen()
    const limit = { max: 1000, windowSeconds: 60 }
    const now = new Date()
    await Promise.all(Array.from({ length: 40 }, (_, i) => hitLimit(i % 2 ? t.db : other, 'shared', limit, now)))
    expect((await hitLimit(t.db, 'shared', limit, now)).count).toBe(41)
  })
})
