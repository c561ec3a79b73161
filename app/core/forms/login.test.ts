import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, it } from 'vitest'
import { translator } from '#app/core/i18n/index'
import { LoginSchema } from './login'
import { formatIssues } from './messages'

const parse = (fields: Record<string, string>, lang: 'en' | 'fr' = 'en') =>
  parseWithZod(new URLSearchParams(fields), { schema: LoginSchema, formatError: formatIssues(translator(lang)) })

describe('LoginSchema', () => {
  it('takes a name, a password and where to go next', () => {
    const submission = parse({ username: 'alice', password: 'a long passphrase', redirectTo: '/account' })
    expect(submission.status).toBe('success')
    expect(submission.status === 'success' && submission.value).toEqual({ username: 'alice', password: 'a long passphrase', redirectTo: '/account' })
  })

  it('cuts an overlong name or password instead of refusing it', () => {
    const submission = parse({ username: 'a'.repeat(300), password: 'p'.repeat(5000) })
    expect(submission.status === 'success' && [submission.value.username.length, submission.value.password.length]).toEqual([100, 1000])
  })

  it.each([
    ['no name', { password: 'secret' }, 'username'],
    ['an empty name', { username: '', password: 'secret' }, 'username'],
    ['no password', { username: 'alice' }, 'password'],
    ['an empty password', { username: 'alice', password: '' }, 'password'],
  ])('refuses %s, saying what to do in the reader’s language', (_, fields, field) => {
    expect(parse(fields).error).toEqual({ [field]: ['Enter your username and password.'] })
    expect(parse(fields, 'fr').error?.[field]?.[0]).toBe(translator('fr')('auth.login.missing'))
  })

  it('keeps the person’s input for the reply, without the password', () => {
    const reply = parse({ username: 'alice', password: '' }).reply({ hideFields: ['password'] })
    expect(reply.initialValue).toEqual({ username: 'alice' })
  })
})
