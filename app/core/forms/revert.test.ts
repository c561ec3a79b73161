import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { RevertSchema } from './revert'

const ID = '01hzy3j6q8w2b0c4d6e8f0g2h4'

describe('RevertSchema', () => {
  it('reads the form as the service takes it', () => {
    expect(parseForm(RevertSchema, { intent: 'revert', baseRevisionId: ID, idempotencyKey: 'k1' }).value).toEqual({ intent: 'revert', baseRevisionId: ID, idempotencyKey: 'k1' })
  })

  it.each([['missing', {}], ['not a revision id', { baseRevisionId: '../etc' }], ['an upper-case ULID', { baseRevisionId: ID.toUpperCase() }]])('reads a base that is %s as none', (_, fields) => {
    expect(parseForm(RevertSchema, fields).value).toEqual({ intent: undefined, baseRevisionId: null, idempotencyKey: null })
  })

  it('cuts a long key', () => {
    expect(parseForm(RevertSchema, { idempotencyKey: 'k'.repeat(300) }).value?.idempotencyKey).toHaveLength(100)
  })
})
