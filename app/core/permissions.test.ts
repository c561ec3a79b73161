import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ACTIONS, audienceOf, can, type Action } from './permissions'
import { ROLES } from './roles'

const editor = { role: 'editor' as const, blockedUntil: null }
const trusted = { role: 'trusted' as const, blockedUntil: null }
const moderator = { role: 'moderator' as const, blockedUntil: null }
const admin = { role: 'admin' as const, blockedUntil: null }
const blockedModerator = { role: 'moderator' as const, blockedUntil: '2999-01-01T00:00:00Z' }

describe('can', () => {
  it.each([
    [null, 'page.edit', false],
    [null, 'report.create', true],
    [editor, 'page.edit', true],
    [editor, 'revision.publish', false],
    [trusted, 'revision.publish', true],
    [trusted, 'revision.review', false],
    [moderator, 'revision.review', true],
    [moderator, 'user.setRole', false],
    [admin, 'user.setRole', true],
    [moderator, 'user.block', true],
    [moderator, 'user.list', false],
    [moderator, 'user.endSessions', false],
    [admin, 'user.endSessions', true],
    [blockedModerator, 'page.edit', false],
    [blockedModerator, 'revision.review', false],
    [blockedModerator, 'report.create', false],
  ] as const)('%o %s → %s', (actor, action, expected) => {
    expect(can(actor, action as Action)).toBe(expected)
  })
  it('protection raises the bar for editing one page', () => {
    expect(can(editor, 'page.edit', { protection: 'trusted' })).toBe(false)
    expect(can(trusted, 'page.edit', { protection: 'trusted' })).toBe(true)
    expect(can(trusted, 'page.edit', { protection: 'moderator' })).toBe(false)
    expect(can(editor, 'page.edit', { protection: 'registered' })).toBe(true)
  })
})

describe('audienceOf', () => {
  const actor = fc.record({
    role: fc.constantFrom(...ROLES),
    blockedUntil: fc.option(fc.constantFrom('2999-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), { nil: null }),
  })

  it('groups exactly the people every permission treats alike (a shared signed-in document relies on it)', () => {
    fc.assert(
      fc.property(actor, actor, fc.constantFrom(null, 'registered' as const, 'trusted' as const, 'moderator' as const), (a, b, protection) => {
        const alike = ACTIONS.every((action) => can(a, action, { protection }) === can(b, action, { protection }))
        if (audienceOf(a) === audienceOf(b)) expect(alike).toBe(true)
        // And no finer than the roles: people the permissions tell apart are in different audiences.
        if (!alike) expect(audienceOf(a)).not.toBe(audienceOf(b))
      }),
    )
  })
})
