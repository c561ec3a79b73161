import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '#test/db'
import { createSource } from '#test/factories'
import { watchByPolling } from './content-feed.server'

describe('the SQLite content feed', () => {
  let t: TestDatabase
  beforeAll(async () => {
    t = await createTestDatabase({ engine: 'sqlite' })
  })
  afterAll(async () => {
    await t?.destroy()
  })

  it('reports a write made through another connection, and one poked for at once', async () => {
    const events: string[] = []
    const feed = watchByPolling(t.reopen(), { changed: () => events.push('changed'), live: (up) => events.push(up ? 'up' : 'down') }, 60_000)
    while (!events.includes('up')) await new Promise((r) => setTimeout(r, 10))
    await createSource(t.db)
    // The interval is a minute: only the poke can have found it.
    feed.poke()
    while (!events.includes('changed')) await new Promise((r) => setTimeout(r, 10))
    expect(events).toEqual(['up', 'changed'])
    await feed.stop()
  })
})
