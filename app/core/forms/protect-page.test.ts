import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { ProtectPageSchema } from './protect-page'

describe('ProtectPageSchema', () => {
  it('protects until a chosen date', () => {
    expect(parseForm(ProtectPageSchema, { level: 'trusted', reason: 'edit war', duration: 'date', expiresOn: '2999-01-31' }).value).toEqual({ level: 'trusted', reason: 'edit war', expiresAt: '2999-01-31T00:00:00.000Z' })
  })

  it('lifts protection with a reason alone', () => {
    expect(parseForm(ProtectPageSchema, { level: 'none', reason: 'calm again' }).value).toEqual({ level: null, reason: 'calm again', expiresAt: null })
  })

  it.each([
    ['no level', { reason: 'x', duration: 'never' }, { level: ['Choose who may edit the page.'] }],
    ['an unknown level', { level: 'root', reason: 'x', duration: 'never' }, { level: ['Choose who may edit the page.'] }],
    ['no reason', { level: 'registered', duration: 'never' }, { reason: ['Give a public reason.'] }],
    ['a reason of spaces', { level: 'registered', reason: '   ', duration: 'never' }, { reason: ['Give a public reason.'] }],
    ['no duration', { level: 'registered', reason: 'x' }, { duration: ['Choose when the protection ends.'] }],
    ['a date that is not one', { level: 'registered', reason: 'x', duration: 'date', expiresOn: '2999-02-30' }, { expiresOn: ['Enter the end date as a valid date.'] }],
    ['a date in the past', { level: 'registered', reason: 'x', duration: 'date', expiresOn: '2000-01-01' }, { expiresOn: ['The end date must be in the future.'] }],
  ])('refuses %s on the field it concerns', (_, fields, error) => {
    expect(parseForm(ProtectPageSchema, fields).error).toEqual(error)
  })
})
