import { describe, expect, it } from 'vitest'
import { checkPasswordShape } from './password-rules'

const common = new Set(['password', 'qwertyuiop'])
const isCommon = (p: string) => common.has(p.toLowerCase())

describe('checkPasswordShape', () => {
  it.each([
    ['correct horse battery staple', [], null],
    ['1234567', [], 'too_short'],
    ['x'.repeat(257), [], 'too_long'],
    ['x'.repeat(256), [], null],
    [42, [], 'too_short'],
    ['Password', [], 'common'],
    ['alice2024', ['alice'], 'context'],
    ['ALICE-alice!', ['alice'], 'context'],
    ['sourced123', ['bob', 'sourced'], 'context'],
    // The name is there, but so are eight more characters of something else.
    ['alice likes long walks', ['alice'], null],
    // Two-letter names are no context worth refusing.
    ['al12345678', ['al'], null],
    ['🔐 émoji and ß are fine', [], null],
  ] as const)('%j with context %j → %s', (password, context, code) => {
    const result = checkPasswordShape(password, isCommon, context)
    if (code === null) expect(result).toEqual({ ok: true, value: password })
    else expect(result).toMatchObject({ ok: false, issues: [{ path: 'password', code }] })
  })
})
