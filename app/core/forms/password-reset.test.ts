import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { ForgotPasswordSchema, ResetPasswordSchema } from './password-reset'

describe('ForgotPasswordSchema', () => {
  it.each([
    ['an address', { email: 'reader@example.org' }, 'reader@example.org'],
    ['no address', {}, ''],
  ])('reads %s for the service to judge', (_, fields, email) => {
    expect(parseForm(ForgotPasswordSchema, fields).value).toEqual({ email })
  })

  it('keeps the address typed for the reply', () => {
    expect(parseForm(ForgotPasswordSchema, { email: 'not an address' }).submission.reply({ formErrors: ['x'] }).initialValue).toEqual({ email: 'not an address' })
  })
})

describe('ResetPasswordSchema', () => {
  it('reads both passwords whole, even when they differ or are too long: the link is checked first', () => {
    const long = 'p'.repeat(5000)
    expect(parseForm(ResetPasswordSchema, { password: long, confirm: 'other' }).value).toEqual({ password: long, confirm: 'other' })
    expect(parseForm(ResetPasswordSchema, {}).value).toEqual({ password: '', confirm: '' })
  })

  it('keeps no password in the reply', () => {
    expect(parseForm(ResetPasswordSchema, { password: 'a', confirm: 'b' }).submission.reply({ formErrors: ['x'], hideFields: ['password', 'confirm'] }).initialValue).toEqual({})
  })
})
