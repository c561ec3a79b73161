import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { ReadNotificationsSchema } from './read-notifications'

const ID = '01jbz3s2m4x5y6z7a8b9c0d1e2'

describe('ReadNotificationsSchema', () => {
  it('marks one notification read', () => {
    expect(parseForm(ReadNotificationsSchema, { intent: 'read', id: ID }).value).toEqual({ ids: [ID] })
  })

  it('marks all of them read, whatever the id', () => {
    expect(parseForm(ReadNotificationsSchema, { intent: 'read-all', id: 'x' }).value).toEqual({ ids: null })
  })

  it.each([
    ['no id', { intent: 'read' }],
    ['an id that is not one', { intent: 'read', id: '../etc/passwd' }],
    ['an upper-case id', { intent: 'read', id: ID.toUpperCase() }],
    ['no intent and no id', {}],
  ])('marks nothing for %s, refusing nothing', (_, fields) => {
    expect(parseForm(ReadNotificationsSchema, fields).value).toEqual({ ids: [] })
  })
})
