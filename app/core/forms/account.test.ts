import { describe, expect, it } from 'vitest'
import { translator } from '#app/core/i18n/index'
import { parseForm } from '#test/forms'
import { AccountSchema, ChangePasswordSchema, CreateTokenSchema } from './account'

describe('ChangePasswordSchema', () => {
  const change = { intent: 'change-password', currentPassword: 'the old passphrase', newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }

  it('takes the current password and the new one twice', () => {
    expect(parseForm(ChangePasswordSchema, change).value).toEqual(change)
  })

  it('refuses two new passwords that differ, on the second, in the reader’s language', () => {
    const fields = { ...change, confirmPassword: 'another passphrase' }
    expect(parseForm(ChangePasswordSchema, fields).error).toEqual({ confirmPassword: ['The two new passwords differ; type the same one twice.'] })
    expect(parseForm(ChangePasswordSchema, fields, 'de').error).toEqual({ confirmPassword: [translator('de')('account.password.mismatch')] })
  })

  it('leaves the length and the common list to the service, and cuts nothing it would refuse', () => {
    const long = 'p'.repeat(5000)
    expect(parseForm(ChangePasswordSchema, { ...change, newPassword: long, confirmPassword: long }).value?.newPassword).toBe(long)
    expect(parseForm(ChangePasswordSchema, { ...change, newPassword: 'short', confirmPassword: 'short' }).value?.newPassword).toBe('short')
  })

  it('reads missing passwords as empty, for the service to refuse', () => {
    expect(parseForm(ChangePasswordSchema, { intent: 'change-password' }).value).toEqual({ intent: 'change-password', currentPassword: '', newPassword: '', confirmPassword: '' })
  })

  it('keeps no password in the reply', () => {
    const { submission } = parseForm(ChangePasswordSchema, { ...change, confirmPassword: 'x' })
    expect(submission.reply({ hideFields: ['currentPassword', 'newPassword', 'confirmPassword'] }).initialValue).toEqual({ intent: 'change-password' })
  })
})

describe('CreateTokenSchema', () => {
  it('takes a name, whose rule is the service’s (an empty one reaches it)', () => {
    expect(parseForm(CreateTokenSchema, { intent: 'create-token', name: 'import script' }).value).toEqual({ intent: 'create-token', name: 'import script' })
    expect(parseForm(CreateTokenSchema, { intent: 'create-token' }).value).toEqual({ intent: 'create-token', name: '' })
  })

  it('cuts a huge name beyond the service’s limit, so the service still refuses it', () => {
    expect(parseForm(CreateTokenSchema, { intent: 'create-token', name: 'n'.repeat(5000) }).value?.name).toHaveLength(1000)
  })
})

describe('AccountSchema', () => {
  it.each([
    [{ intent: 'revoke-session', sessionId: 'abc' }, { intent: 'revoke-session', sessionId: 'abc' }],
    [{ intent: 'revoke-other-sessions' }, { intent: 'revoke-other-sessions' }],
    [{ intent: 'revoke-token', tokenId: 'tok' }, { intent: 'revoke-token', tokenId: 'tok' }],
    [{ intent: 'create-token', name: 'n', userId: 'someone-else' }, { intent: 'create-token', name: 'n' }],
  ])('reads each form by its intent, and no field it does not have: %o', (fields, value) => {
    expect(parseForm(AccountSchema, fields).value).toEqual(value)
  })

  it('runs the chosen form’s rules', () => {
    expect(parseForm(AccountSchema, { intent: 'change-password', newPassword: 'a', confirmPassword: 'b' }).error).toEqual({ confirmPassword: ['The two new passwords differ; type the same one twice.'] })
  })

  it.each([
    ['no intent', {}],
    ['an unknown intent', { intent: 'delete-account' }],
  ])('refuses %s on the intent, saying the form is not known', (_, fields) => {
    expect(parseForm(AccountSchema, fields).error).toEqual({ intent: ['This form is not known here; reload the page and try again.'] })
    expect(parseForm(AccountSchema, fields, 'fr').error).toEqual({ intent: [translator('fr')('account.unknownIntent')] })
  })
})
