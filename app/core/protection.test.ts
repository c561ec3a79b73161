import { describe, expect, it } from 'vitest'
import { parseProtection, protectionInForce } from './protection'

const now = new Date('2026-06-10T12:00:00Z')

describe('parseProtection', () => {
  it.each([
    ['a week for trusted editors', { level: 'trusted', reason: 'Edit war', duration: '1w' }, { level: 'trusted', reason: 'Edit war', expiresAt: '2026-06-17T12:00:00.000Z' }],
    ['until a date', { level: 'moderator', reason: 'Vandalism', duration: 'date', expiresOn: '2026-07-01' }, { level: 'moderator', reason: 'Vandalism', expiresAt: '2026-07-01T00:00:00.000Z' }],
    ['without end', { level: 'registered', reason: 'Spam', duration: 'never' }, { level: 'registered', reason: 'Spam', expiresAt: null }],
    ['lifting it', { level: 'none', reason: 'Calm again' }, { level: null, reason: 'Calm again', expiresAt: null }],
  ])('%s', (_name, fields, value) => {
    expect(parseProtection(fields, now)).toEqual({ ok: true, value })
  })

  it.each([
    ['no level', { reason: 'x', duration: '1d' }, 'level_required'],
    ['an unknown level', { level: 'admin', reason: 'x', duration: '1d' }, 'level_required'],
    ['no reason', { level: 'trusted', reason: ' ', duration: '1d' }, 'reason_required'],
    ['no expiry', { level: 'trusted', reason: 'x' }, 'expiry_required'],
    ['a malformed date', { level: 'trusted', reason: 'x', duration: 'date', expiresOn: '2026-02-30' }, 'expiry_invalid'],
    ['a date in the past', { level: 'trusted', reason: 'x', duration: 'date', expiresOn: '2026-06-01' }, 'expiry_past'],
  ])('%s', (_name, fields, code) => {
    const result = parseProtection(fields, now)
    expect(!result.ok && result.issues[0]?.code).toBe(code)
  })
})

describe('protectionInForce', () => {
  it.each([
    [{ protection: 'trusted', protectionExpiresAt: null }, 'trusted'],
    [{ protection: 'trusted', protectionExpiresAt: '2026-06-11T00:00:00Z' }, 'trusted'],
    [{ protection: 'trusted', protectionExpiresAt: '2026-06-10T11:59:59Z' }, null],
    [{ protection: null, protectionExpiresAt: null }, null],
    [{ protection: 'bogus', protectionExpiresAt: null }, null],
  ])('%o → %s', (page, expected) => {
    expect(protectionInForce(page, now)).toBe(expected)
  })
})
