import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { DeletePageSchema } from './delete-page'

describe('DeletePageSchema', () => {
  it('deletes with the box ticked and a reason', () => {
    expect(parseForm(DeletePageSchema, { intent: 'delete', reason: 'spam', confirm: 'yes' }).value).toEqual({ intent: 'delete', reason: 'spam', confirm: 'yes' })
  })

  it('restores without the box', () => {
    expect(parseForm(DeletePageSchema, { intent: 'restore', reason: 'a mistake' }).value).toEqual({ intent: 'restore', reason: 'a mistake' })
  })

  it.each([['no intent', { reason: 'spam' }], ['the box unticked', { intent: 'delete', reason: 'spam' }], ['any other intent', { intent: 'purge', reason: 'spam', confirm: 'no' }]])(
    'asks for the box with %s, since anything but restore deletes',
    (_, fields) => {
      expect(parseForm(DeletePageSchema, fields).error).toEqual({ confirm: ['Tick the box to confirm.'] })
    },
  )

  it('leaves an empty reason to the service (its rule, and the API’s)', () => {
    expect(parseForm(DeletePageSchema, { intent: 'restore' }).value).toEqual({ intent: 'restore', reason: '' })
  })
})
