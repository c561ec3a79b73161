import { beforeAll, describe, expect, it } from 'vitest'
import { sqliteDiskFull, type DiskFullResult } from '../../scripts/chaos/scenarios'

/**
 * SQLite on a tiny tmpfs that fills up (the chaos suite's full-disk scenario). Where mounting is
 * not permitted, the scenario says so and the assertions are skipped with that reason.
 */
describe('SQLite with a full disk', () => {
  let result: DiskFullResult
  beforeAll(async () => {
    result = await sqliteDiskFull()
  })

  it('runs, or says why it cannot', () => {
    if (result.skipped) expect(result.skipped).toMatch(/not permitted/)
    else expect(result.saveWhileFull).toBeDefined()
  })

  it('refuses the save with 507 storage_full, serves reads, reports degraded health, and logs the cause once', (context) => {
    if (result.skipped) return context.skip(result.skipped)
    expect(result.saveWhileFull).toEqual({ status: 507, code: 'storage_full' })
    expect(result.formSaveWhileFull).toEqual({ status: 507, textKept: true })
    expect([result.readWhileFull, result.apiReadWhileFull]).toEqual([200, 200])
    expect(result.healthWhileFull).toMatchObject({ status: 200, body: { status: 'degraded', storage: 'full' } })
    expect(result.fullLogLines).toBe(1)
    expect(result.rollbackNoiseLines).toBe(0)
  })

  it('saves again and reports healthy once space is freed, and lost nothing it acknowledged', (context) => {
    if (result.skipped) return context.skip(result.skipped)
    expect(result.saveAfterFreeing).toBe(201)
    expect(result.healthAfterFreeing).toMatchObject({ status: 200, body: { status: 'ok', storage: 'ok' } })
    expect(result.lost).toBe(0)
  })
})
