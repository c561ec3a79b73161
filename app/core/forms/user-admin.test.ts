import { describe, expect, it } from 'vitest'
import { translator } from '#app/core/i18n/index'
import { parseForm } from '#test/forms'
import { BlockSchema, SetRoleSchema, UnblockSchema, UserAdminSchema } from './user-admin'

describe('SetRoleSchema', () => {
  it('takes a role and a reason, trimmed to one line; the reason may be left out', () => {
    expect(parseForm(SetRoleSchema, { intent: 'set-role', role: 'trusted', reason: '  good\nwork ' }).value).toEqual({ intent: 'set-role', role: 'trusted', reason: 'good work' })
    expect(parseForm(SetRoleSchema, { intent: 'set-role', role: 'editor' }).value).toEqual({ intent: 'set-role', role: 'editor', reason: '' })
  })

  it.each([
    ['no role', { intent: 'set-role' }, { role: ['Choose one of the roles in the list.'] }],
    ['a role not in the list', { intent: 'set-role', role: 'superuser' }, { role: ['Choose one of the roles in the list.'] }],
    ['a reason too long', { intent: 'set-role', role: 'trusted', reason: 'r'.repeat(501) }, { reason: ['Keep the reason under 500 characters.'] }],
  ])('refuses %s with the message the page shows', (_, fields, error) => {
    expect(parseForm(SetRoleSchema, fields).error).toEqual(error)
  })
})

describe('BlockSchema', () => {
  it('takes a duration from the list and a reason', () => {
    expect(parseForm(BlockSchema, { intent: 'block', duration: 'indefinite', reason: 'spam links' }).value).toEqual({ intent: 'block', duration: 'indefinite', reason: 'spam links' })
  })

  it.each([
    ['no duration', { intent: 'block', reason: 'spam' }, { duration: ['Choose a duration from the list.'] }],
    ['a duration not in the list', { intent: 'block', duration: '2w', reason: 'spam' }, { duration: ['Choose a duration from the list.'] }],
    ['no reason', { intent: 'block', duration: '1d' }, { reason: ['Give a public reason.'] }],
    ['a reason of spaces', { intent: 'block', duration: '1d', reason: '   ' }, { reason: ['Give a public reason.'] }],
    ['a reason too long', { intent: 'block', duration: '1d', reason: 'r'.repeat(501) }, { reason: ['Keep the reason under 500 characters.'] }],
  ])('refuses %s on the field it concerns', (_, fields, error) => {
    expect(parseForm(BlockSchema, fields).error).toEqual(error)
  })

  it('says it in the reader’s language', () => {
    expect(parseForm(BlockSchema, { intent: 'block', duration: 'soon' }, 'fr').error).toEqual({ duration: [translator('fr')('userAdmin.block.invalidDuration')], reason: [translator('fr')('userAdmin.reason_required')] })
  })
})

describe('UnblockSchema', () => {
  it('lifts a block with or without a reason, but not with one too long', () => {
    expect(parseForm(UnblockSchema, { intent: 'unblock' }).value).toEqual({ intent: 'unblock', reason: '' })
    expect(parseForm(UnblockSchema, { intent: 'unblock', reason: 'r'.repeat(501) }).error).toEqual({ reason: ['Keep the reason under 500 characters.'] })
  })
})

describe('UserAdminSchema', () => {
  it('reads each form by its intent, and no field it does not have', () => {
    expect(parseForm(UserAdminSchema, { intent: 'end-sessions', userId: 'someone' }).value).toEqual({ intent: 'end-sessions' })
    expect(parseForm(UserAdminSchema, { intent: 'set-role', role: 'trusted', targetUserId: 'someone' }).value).toEqual({ intent: 'set-role', role: 'trusted', reason: '' })
  })

  it.each([['no intent', {}], ['an unknown intent', { intent: 'delete-user' }]])('refuses %s on the intent', (_, fields) => {
    expect(parseForm(UserAdminSchema, fields).error).toEqual({ intent: ['This form is not known here; reload the page and try again.'] })
  })
})
