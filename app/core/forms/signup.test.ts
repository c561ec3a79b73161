import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { SignupSchema } from './signup'

describe('SignupSchema', () => {
  it('takes a name and a password, and nothing else (no role)', () => {
    expect(parseForm(SignupSchema, { username: 'alice', password: 'a long passphrase', role: 'admin' }).value).toEqual({ username: 'alice', password: 'a long passphrase' })
  })

  it.each([
    ['no name', { password: 'a long passphrase' }, { username: ['Use 3 to 32 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit.'] }],
    ['a name too short', { username: 'x', password: 'a long passphrase' }, { username: ['Use 3 to 32 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit.'] }],
    ['a name of two alphabets', { username: '\u0430lice', password: 'a long passphrase' }, { username: ['Use letters of one alphabet: a name that mixes, say, Latin and Cyrillic letters can look like someone else’s.'] }],
    ['no password', { username: 'alice' }, { password: ['Use at least 8 characters.'] }],
    ['a short password', { username: 'alice', password: 'short' }, { password: ['Use at least 8 characters.'] }],
    ['a password too long', { username: 'alice', password: 'p'.repeat(257) }, { password: ['Use at most 256 characters.'] }],
  ])('refuses %s with the message the form shows', (_, fields, error) => {
    expect(parseForm(SignupSchema, fields).error).toEqual(error)
  })

  it('says both fields’ errors at once, in the reader’s language', () => {
    expect(parseForm(SignupSchema, { username: 'x', password: 'short' }, 'de').error).toEqual({
      username: [expect.stringContaining('3')],
      password: [expect.stringContaining('8')],
    })
  })
})
