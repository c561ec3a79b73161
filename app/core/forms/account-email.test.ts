import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { AccountEmailSchema } from './account-email'

describe('AccountEmailSchema', () => {
  it.each([
    ['address', { intent: 'address', email: 'reader@example.org' }],
    ['none', { email: 'reader@example.org' }],
    ['an unknown one', { intent: 'something else', email: 'reader@example.org' }],
  ])('reads an address to verify when the intent is %s (anything but removal or preferences)', (_, fields) => {
    expect(parseForm(AccountEmailSchema, fields).value).toMatchObject({ intent: 'address', email: 'reader@example.org' })
  })

  it('reads a removal, and an address left empty for the service to judge', () => {
    expect(parseForm(AccountEmailSchema, { intent: 'remove' }).value).toMatchObject({ intent: 'remove', email: '' })
  })

  it('reads the ticked kinds from their own boxes and the mode, daily or else immediate', () => {
    expect(parseForm(AccountEmailSchema, { intent: 'preferences', 'kind-decision': 'on', 'kind-reply': 'on', 'kind-nothing': 'on', mode: 'daily' }).value).toEqual({ intent: 'preferences', email: '', mode: 'daily', kinds: ['decision', 'reply'] })
    expect(parseForm(AccountEmailSchema, { intent: 'preferences', 'kind-move': 'yes', mode: 'hourly' }).value).toEqual({ intent: 'preferences', email: '', mode: 'immediate', kinds: [] })
  })

  it('keeps the address typed for the reply when the service refuses it', () => {
    expect(parseForm(AccountEmailSchema, { intent: 'address', email: 'not an address' }).submission.reply({ fieldErrors: { email: ['x'] } }).initialValue).toEqual({ intent: 'address', email: 'not an address' })
  })
})
