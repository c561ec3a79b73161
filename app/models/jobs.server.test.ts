import type { Kysely } from 'kysely'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TEST_ENGINES, withTestDatabase } from '#test/db'
import type { Database } from '#db/schema'
import { claimJob, completeJob, deleteFinishedJobs, enqueueJobs, failJob, getJob, listOpenJobs } from './jobs.server'

describe.each(TEST_ENGINES)('job queue on $engine', (engine) => {
  const t = withTestDatabase(engine)
  let other: Kysely<Database>
  beforeAll(async () => {
    other = t.reopen()
  })
  beforeEach(async () => {
    await t.db.deleteFrom('jobs').execute()
  })
  const claim = (db: Kysely<Database>, workerId: string, now?: Date) => claimJob(db, { kinds: ['k'], workerId, lockMs: 60_000, now })

  it('keeps one unfinished job per dedupe key, and allows a new one once it is done', async () => {
    expect(await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: 'k:1', payload: { n: 1 } }])).toBe(1)
    expect(await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: 'k:1', payload: { n: 2 } }])).toBe(0)
    expect(await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: 'k:2', payload: { n: 3 } }])).toBe(1)
    expect((await listOpenJobs(t.db, 'k')).map((j) => j.payload)).toEqual([{ n: 1 }, { n: 3 }])
    const job = await claim(t.db, 'w1')
    expect(await completeJob(t.db, job!.id, 'w1')).toBe(true)
    expect(await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: 'k:1', payload: { n: 4 } }])).toBe(1)
  })

  it('adds a batch in one go, skipping keys already open and repeated within the batch', async () => {
    await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: 'b:0', payload: 'open already' }])
    const batch = Array.from({ length: 1_200 }, (_, i) => ({ kind: 'k', dedupeKey: `b:${i % 1_100}`, payload: i }))
    expect(await enqueueJobs(t.db, batch)).toBe(1_099)
    const open = await listOpenJobs(t.db, 'k')
    expect(open).toHaveLength(1_100)
    expect(open.find((j) => j.dedupeKey === 'b:0')?.payload).toBe('open already')
  })

  it('gives a job to exactly one of two workers on separate connections', async () => {
    await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: null, payload: null }])
    const [a, b] = await Promise.all([claim(t.db, 'worker-a'), claim(other, 'worker-b')])
    const winners = [a, b].filter((j) => j !== null)
    expect(winners).toHaveLength(1)
    expect(winners[0]).toMatchObject({ attempts: 1, lockedBy: a ? 'worker-a' : 'worker-b' })
  })

  it('hands out every one of many jobs once under concurrent claims', async () => {
    for (let i = 0; i < 12; i++) await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: `many:${i}`, payload: i }])
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => claim(i % 2 ? other : t.db, `w${i}`)))
    const ids = claims.filter((j) => j !== null).map((j) => j!.id)
    expect(ids).toHaveLength(12)
    expect(new Set(ids).size).toBe(12)
  })

  it('takes only due jobs of the asked kinds, and takes back a job whose lock expired', async () => {
    await enqueueJobs(t.db, [{ kind: 'other', dedupeKey: null, payload: null }])
    await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: null, payload: 'later', runAt: new Date(Date.now() + 3_600_000) }])
    expect(await claim(t.db, 'w1')).toBeNull()
    await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: null, payload: 'now' }])
    const first = await claim(t.db, 'w1')
    expect(first?.payload).toBe('now')
    expect(await claim(other, 'w2')).toBeNull()
    // Two minutes on, the 60 s lock has expired: a crashed worker's job runs again.
    const taken = await claim(other, 'w2', new Date(Date.now() + 120_000))
    expect(taken).toMatchObject({ id: first!.id, lockedBy: 'w2', attempts: 2 })
    expect(await completeJob(t.db, first!.id, 'w1')).toBe(false)
    expect(await completeJob(other, first!.id, 'w2')).toBe(true)
  })

  it('reschedules a failed attempt, and finishes a job whose attempts are used up', async () => {
    await enqueueJobs(t.db, [{ kind: 'k', dedupeKey: 'retry', payload: null }])
    const job = await claim(t.db, 'w1')
    const retryAt = new Date(Date.now() + 60_000)
    await failJob(t.db, job!.id, 'w1', 'timeout', retryAt)
    expect(await getJob(t.db, job!.id)).toMatchObject({ runAt: retryAt.toISOString(), lastError: 'timeout', lockedBy: null, doneAt: null })
    expect(await claim(t.db, 'w1')).toBeNull()
    const again = await claim(t.db, 'w1', new Date(Date.now() + 61_000))
    expect(again?.attempts).toBe(2)
    await failJob(t.db, job!.id, 'w1', 'gave up', null)
    const done = await getJob(t.db, job!.id)
    expect(done?.doneAt).not.toBeNull()
    expect(done?.lastError).toBe('gave up')
    expect(await deleteFinishedJobs(t.db, new Date(Date.now() + 1_000))).toBe(1)
  })
})
