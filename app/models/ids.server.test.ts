import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { newId, newIdAfter } from './ids.server'

const ID = /^[0-9a-hjkmnp-tv-z]{26}$/

describe('newIdAfter', () => {
  it('is a fresh id when the clock is past the previous one', () => {
    const previous = newId()
    const next = newIdAfter(previous)
    expect(next).toMatch(ID)
    expect(next > previous).toBe(true)
    expect(newIdAfter(null)).toMatch(ID)
  })

  it('follows a previous id written by an instance whose clock is an hour ahead', () => {
    const ahead = ulid(Date.now() + 3_600_000).toLowerCase()
    const next = newIdAfter(ahead)
    expect(next).toMatch(ID)
    expect(next > ahead).toBe(true)
    expect(newIdAfter(next) > next).toBe(true)
  })

  it('carries over, in Crockford base 32, past the last character', () => {
    // Its time part lies in the 54th century: no clock here is past it.
    expect(newIdAfter('30000000000000000000000azz')).toBe('30000000000000000000000b00')
  })
})
