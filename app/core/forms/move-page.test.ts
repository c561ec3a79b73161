import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { MovePageSchema } from './move-page'

describe('MovePageSchema', () => {
  it('takes the new address and the reason', () => {
    expect(parseForm(MovePageSchema, { to: 'teams-vs-tchap', reason: 'shorter' }).value).toEqual({ to: 'teams-vs-tchap', reason: 'shorter' })
  })

  it('reads missing fields as empty and cuts long ones, leaving the rules to movePage', () => {
    expect(parseForm(MovePageSchema, { to: 'x'.repeat(300) }).value).toEqual({ to: 'x'.repeat(200), reason: '' })
  })
})
