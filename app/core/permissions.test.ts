import { describe, expect, it } from 'vitest'
import { blockInForce, can, type Action } from './permissions'

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

describe('blockInForce', () => {
  const now = new Date('2026-06-01T00:00:00.000Z')
  it.each([
    [{ blockedUntil: '2026-06-02T00:00:00.000Z', blockReason: 'spam' }, { blockedUntil: '2026-06-02T00:00:00.000Z', blockReason: 'spam' }],
    [{ blockedUntil: '2026-06-01T00:00:00.000Z', blockReason: 'ended' }, { blockedUntil: null, blockReason: null }],
    [{ blockedUntil: null, blockReason: null }, { blockedUntil: null, blockReason: null }],
  ])('%j → %j', (user, expected) => {
    expect(blockInForce(user, now)).toEqual(expected)
  })
})
