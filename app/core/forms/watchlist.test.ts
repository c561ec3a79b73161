import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { WatchlistSchema } from './watchlist'

const ID = '01jbz3s2m4x5y6z7a8b9c0d1e2'

describe('WatchlistSchema', () => {
  it.each([
    [{ intent: 'unwatch', kind: 'thread', id: ID }, { intent: 'unwatch', kind: 'thread', id: ID }],
    [{ intent: 'seen', kind: 'page', id: ID }, { intent: 'seen', kind: 'page', id: ID }],
    [{ intent: 'seen-all' }, { intent: 'seen-all', kind: 'page', id: '' }],
  ])('reads %j', (fields, value) => {
    expect(parseForm(WatchlistSchema, fields).value).toEqual(value)
  })

  it.each([
    ['an unknown intent as none', { intent: 'delete-all', kind: 'page', id: ID }, { intent: null }],
    ['no intent as none', { kind: 'page', id: ID }, { intent: null }],
    ['an unknown kind as a page', { intent: 'seen', kind: 'user', id: ID }, { kind: 'page' }],
    ['an overlong id cut', { intent: 'seen', id: 'x'.repeat(300) }, { id: 'x'.repeat(100) }],
  ])('reads %s, refusing nothing', (_, fields, value) => {
    expect(parseForm(WatchlistSchema, fields).value).toMatchObject(value)
  })
})
