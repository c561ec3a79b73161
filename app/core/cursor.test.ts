import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, keysetPage, parseLimit } from './cursor'

describe('keyset cursors', () => {
  it('round-trips a key of strings and numbers', () => {
    const key = ['2026-12-03T10:00:00.000Z', '01jbz6x4f1m0c7q2c3d4e5f6g7', 42, -0.5]
    expect(decodeCursor(encodeCursor(key), ['string', 'string', 'number', 'number'])).toEqual(key)
  })

  it('round-trips text outside ASCII and quotes', () => {
    const key = ['Zürich "café" – 東京']
    expect(decodeCursor(encodeCursor(key), ['string'])).toEqual(key)
  })

  it('refuses a cursor of another shape', () => {
    expect(decodeCursor(encodeCursor(['a', 1]), ['string', 'string'])).toBeNull()
    expect(decodeCursor(encodeCursor(['a']), ['string', 'number'])).toBeNull()
    expect(decodeCursor(encodeCursor({ a: 1 } as never), ['string'])).toBeNull()
  })

  it('refuses what is not a cursor', () => {
    for (const raw of ['', 'not a cursor', '%%%', 'bnVsbA', Buffer.from('[1').toString('base64url'), 'A'.repeat(500)]) {
      expect(decodeCursor(raw, ['string'])).toBeNull()
    }
  })

  it('pages rows given one more than the limit', () => {
    const rows = [{ id: 'c' }, { id: 'b' }, { id: 'a' }]
    const page = keysetPage(rows, 2, (r) => [r.id])
    expect(page.items).toEqual([{ id: 'c' }, { id: 'b' }])
    expect(decodeCursor(page.next!, ['string'])).toEqual(['b'])
    expect(keysetPage(rows, 3, (r) => [r.id]).next).toBeNull()
  })

  it('reads ?limit= within 1–100', () => {
    expect(parseLimit(null)).toBe(50)
    expect(parseLimit('20')).toBe(20)
    expect(parseLimit('100')).toBe(100)
    for (const bad of ['0', '101', '2.5', 'x', '-1']) expect(parseLimit(bad)).toBeNull()
  })
})
