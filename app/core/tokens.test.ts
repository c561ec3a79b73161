import { describe, expect, it } from 'vitest'
import { checkTokenName } from './tokens'

describe('checkTokenName', () => {
  it.each([
    ['import script', { ok: true, value: 'import script' }],
    ['  ci\tbot\n', { ok: true, value: 'ci bot' }],
    ['', { ok: false }],
    ['   ', { ok: false }],
    ['x'.repeat(101), { ok: false }],
    [null, { ok: false }],
  ])('%j', (raw, expected) => {
    expect(checkTokenName(raw)).toMatchObject(expected)
  })
})
