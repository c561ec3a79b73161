import { describe, expect, it } from 'vitest'
import { blockUntil, checkReason, INDEFINITE, mayBlock, mayChangeRole } from './user-admin'
import type { Role } from './roles'

const person = (id: string, role: Role) => ({ id, role })

describe('mayBlock', () => {
  it.each([
    ['moderator blocks editor', person('m', 'moderator'), person('e', 'editor'), true],
    ['moderator blocks trusted', person('m', 'moderator'), person('t', 'trusted'), true],
    ['moderator blocks moderator', person('m', 'moderator'), person('m2', 'moderator'), false],
    ['moderator blocks admin', person('m', 'moderator'), person('a', 'admin'), false],
    ['admin blocks moderator', person('a', 'admin'), person('m', 'moderator'), true],
    ['admin blocks admin', person('a', 'admin'), person('a2', 'admin'), false],
    ['admin blocks self', person('a', 'admin'), person('a', 'admin'), false],
  ])('%s → %s', (_name, actor, target, allowed) => {
    expect(mayBlock(actor, target).ok).toBe(allowed)
  })
})

describe('mayChangeRole', () => {
  it.each([
    ['promote an editor', person('e', 'editor'), 'trusted', ['a'], true],
    ['demote one of two admins', person('a', 'admin'), 'moderator', ['a', 'b'], true],
    ['demote the last admin', person('a', 'admin'), 'moderator', ['a'], false],
    ['set the role it has', person('e', 'editor'), 'editor', ['a'], false],
  ] as const)('%s → %s', (_name, target, role, admins, allowed) => {
    expect(mayChangeRole(target, role, admins).ok).toBe(allowed)
  })
})

describe('blockUntil', () => {
  const now = new Date('2026-11-27T10:00:00Z')
  it.each([
    ['1d', '2026-11-28T10:00:00.000Z'],
    ['1w', '2026-12-04T10:00:00.000Z'],
    ['1y', '2027-11-27T10:00:00.000Z'],
    ['indefinite', INDEFINITE],
  ] as const)('%s → %s', (duration, until) => {
    expect(blockUntil(duration, now)).toBe(until)
  })
})

describe('checkReason', () => {
  it.each([
    ['  spam\nlinks  ', true, { ok: true, value: 'spam links' }],
    ['', true, { ok: false }],
    ['', false, { ok: true, value: '' }],
    ['x'.repeat(501), false, { ok: false }],
    [42, false, { ok: true, value: '' }],
  ])('%j (required %s)', (raw, required, expected) => {
    expect(checkReason(raw, { required })).toMatchObject(expected)
  })
})
