import { describe, expect, it } from 'vitest'
import { ContentVersion } from './change-feed'

describe('ContentVersion', () => {
  it('asks the database while the feed is down, and moves on every change and every switch', async () => {
    let queries = 0
    const version = new ContentVersion(async () => `v${++queries}`)
    expect(await version.current()).toBe('db:v1')
    version.live(true)
    const live = version.current()
    expect(typeof live).toBe('string')
    expect(version.current()).toBe(live)
    version.changed()
    expect(version.current()).not.toBe(live)
    const beforeOutage = version.current()
    version.live(false)
    expect(await version.current()).toBe('db:v2')
    version.live(true)
    // Whatever was stored before the outage is never served after it.
    expect(version.current()).not.toBe(beforeOutage)
    expect(queries).toBe(2)
  })
  it('peeks at the live version without a query, and gives none while the feed is down', () => {
    let queries = 0
    const version = new ContentVersion(async () => `v${++queries}`)
    expect(version.liveVersion()).toBeNull()
    version.live(true)
    expect(version.liveVersion()).toBe(version.current())
    version.live(false)
    expect(version.liveVersion()).toBeNull()
    expect(queries).toBe(0)
  })
})
