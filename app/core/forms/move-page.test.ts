import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { MovePageBody, MovePageSchema } from './move-page'

describe('MovePageSchema', () => {
  it('takes the new address and the reason', () => {
    expect(parseForm(MovePageSchema, { to: 'teams-vs-tchap', reason: 'shorter' }).value).toEqual({ to: 'teams-vs-tchap', reason: 'shorter' })
  })

  it('reads missing fields as empty and cuts long ones, leaving the rules to movePage', () => {
    expect(parseForm(MovePageSchema, { to: 'x'.repeat(300) }).value).toEqual({ to: 'x'.repeat(200), reason: '' })
  })
})

describe('MovePageBody', () => {
  it('takes the new address and the reason as JSON', () => {
    expect(MovePageBody.parse({ to: 'teams-vs-tchap', reason: 'shorter' })).toEqual({ to: 'teams-vs-tchap', reason: 'shorter' })
  })

  it.each([
    ['no address', { reason: 'x' }, 'to'],
    ['an address too long', { to: 'x'.repeat(201), reason: 'x' }, 'to'],
    ['no reason', { to: 'x' }, 'reason'],
    ['a reason too long', { to: 'x', reason: 'x'.repeat(1001) }, 'reason'],
  ])('refuses %s (422), where the form would cut', (_, body, path) => {
    expect(MovePageBody.safeParse(body).error?.issues.map((i) => i.path.join('.'))).toEqual([path])
  })
})
