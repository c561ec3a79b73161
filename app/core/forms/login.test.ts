import { describe, expect, it } from 'vitest'
import { translator } from '#app/core/i18n/index'
import { parseForm } from '#test/forms'
import { LoginSchema } from './login'

describe('LoginSchema', () => {
  it('takes a name, a password and where to go next', () => {
    expect(parseForm(LoginSchema, { username: 'alice', password: 'a long passphrase', redirectTo: '/account' }).value).toEqual({ username: 'alice', password: 'a long passphrase', redirectTo: '/account' })
  })

  it('cuts an overlong name or password instead of refusing it', () => {
    const { value } = parseForm(LoginSchema, { username: 'a'.repeat(300), password: 'p'.repeat(5000) })
    expect([value?.username.length, value?.password.length]).toEqual([100, 1000])
  })

  it.each([
    ['no name', { password: 'secret' }, 'username'],
    ['an empty name', { username: '', password: 'secret' }, 'username'],
    ['no password', { username: 'alice' }, 'password'],
    ['an empty password', { username: 'alice', password: '' }, 'password'],
  ])('refuses %s, saying what to do in the reader’s language', (_, fields, field) => {
    expect(parseForm(LoginSchema, fields).error).toEqual({ [field]: ['Enter your username and password.'] })
    expect(parseForm(LoginSchema, fields, 'fr').error?.[field]).toEqual([translator('fr')('auth.login.missing')])
  })

  it('keeps the person’s input for the reply, without the password', () => {
    expect(parseForm(LoginSchema, { username: 'alice', password: '' }).submission.reply({ hideFields: ['password'] }).initialValue).toEqual({ username: 'alice' })
  })
})
