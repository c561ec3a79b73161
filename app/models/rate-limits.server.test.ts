import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, TEST_ENGINES, type TestDatabase } from '#test/db'
import { checkLimit, hitLimit } from './rate-limits.server'

describe.each(TEST_ENGINES)('rate limits on $engine', (engine) => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase(engine)
  })
  afterAll(async () => {
    await t.destroy()
  })

  it('engages after the limit and says when to retry', async () => {
    const limit = { max: 3, windowSeconds: 900 }
    const now = new Date('2026-11-27T10:05:00Z')
    for (let i = 1; i <= 3; i++) expect((await hitLimit(t.db, 'login:alice:ip', limit, now)).allowed).toBe(true)
    const fourth = await hitLimit(t.db, 'login:alice:ip', limit, now)
    expect(fourth).toMatchObject({ allowed: false, count: 4 })
    expect(fourth.retryAfterSeconds).toBe(600)
    expect((await checkLimit(t.db, 'login:alice:ip', limit, now)).allowed).toBe(false)
    expect((await checkLimit(t.db, 'login:alice:ip', limit, new Date('2026-11-27T10:15:00Z'))).allowed).toBe(true)
  })

  it('counts atomically across connections (two app instances share one database)', async () => {
    const other = t.reopen()
    const limit = { max: 1000, windowSeconds: 60 }
    const now = new Date()
    await Promise.all(Array.from({ length: 40 }, (_, i) => hitLimit(i % 2 ? t.db : other, 'shared', limit, now)))
    expect((await hitLimit(t.db, 'shared', limit, now)).count).toBe(41)
  })
})
