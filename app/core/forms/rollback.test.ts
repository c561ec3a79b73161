import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { RollbackSchema } from './rollback'

describe('RollbackSchema', () => {
  it('reads the form as the service takes it', () => {
    expect(parseForm(RollbackSchema, { intent: 'rollback', latestRevisionId: '01J0', reason: 'vandalism', idempotencyKey: 'k1' }).value).toEqual({ intent: 'rollback', latestRevisionId: '01J0', reason: 'vandalism', idempotencyKey: 'k1' })
  })

  it('reads missing fields as empty, and no key as none', () => {
    expect(parseForm(RollbackSchema, {}).value).toEqual({ intent: undefined, latestRevisionId: '', reason: '', idempotencyKey: null })
  })

  it('cuts a long reason and key', () => {
    const { value } = parseForm(RollbackSchema, { intent: 'rollback', reason: 'r'.repeat(2000), idempotencyKey: 'k'.repeat(300) })
    expect([value?.reason.length, value?.idempotencyKey?.length]).toEqual([1000, 100])
  })
})
