import { dictionary } from '@zxcvbn-ts/language-common'
import { describe, expect, it } from 'vitest'
import { checkNewPassword, isCommonPassword } from './password-policy.server'

describe('the common-password list', () => {
  it('ships well over the 1,000 entries the policy needs, among them passwords long enough to pass the length rule', () => {
    const list = dictionary['passwords-common'] as string[]
    expect(list.length).toBeGreaterThanOrEqual(1000)
    // Only entries of 8+ characters do any work beyond the length rule; there must be many.
    expect(list.filter((p) => p.length >= 8).length).toBeGreaterThanOrEqual(1000)
  })

  it.each(['password', 'Password1', 'qwertyuiop', 'iloveyou', '12345678', 'baseball', 'sunshine1', 'PASSWORD123'])('refuses %s, whatever its case', (password) => {
    expect(isCommonPassword(password)).toBe(true)
    expect(checkNewPassword(password, { username: 'someone' })).toMatchObject({ ok: false, issues: [{ path: 'password', code: 'common' }] })
  })

  it.each(['correct horse battery staple', 'a long and unusual passphrase', 'Zürich-Tram-7-Bellevue'])('accepts %s', (password) => {
    expect(isCommonPassword(password)).toBe(false)
    expect(checkNewPassword(password, { username: 'someone' })).toEqual({ ok: true, value: password })
  })

  it('refuses a password that is mostly the account’s own name', () => {
    expect(checkNewPassword('margarethe1', { username: 'Margarethe' })).toMatchObject({ ok: false, issues: [{ code: 'context' }] })
  })
})
