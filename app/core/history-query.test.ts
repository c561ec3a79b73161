import { describe, expect, it } from 'vitest'
import { newestPageQuery, olderPageQuery, parseListQuery, parseStatus } from './history-query'

const ID = '01jabcdefghjkmnpqrstvwxyz0'

describe('parseListQuery', () => {
  it.each([
    ['', { before: null, limit: 50 }],
    [`before=${ID}`, { before: ID, limit: 50 }],
    ['before=not-an-id&limit=10', { before: null, limit: 10 }],
    [`before=${ID.toUpperCase()}`, { before: null, limit: 50 }],
    ['limit=0', { before: null, limit: 50 }],
    ['limit=-3', { before: null, limit: 50 }],
    ['limit=2.5', { before: null, limit: 50 }],
    ['limit=100000', { before: null, limit: 500 }],
    ['limit=abc', { before: null, limit: 50 }],
  ])('%j → %j', (query, expected) => {
    expect(parseListQuery(new URLSearchParams(query))).toEqual(expected)
  })
})

describe('parseStatus', () => {
  it.each([
    ['pending', 'pending'],
    ['superseded', 'superseded'],
    ['', null],
    [null, null],
    ['PENDING', null],
    ['deleted', null],
  ])('%j → %j', (value, expected) => {
    expect(parseStatus(value)).toBe(expected)
  })
})

describe('page links keep the filters', () => {
  it.each([
    ['user=alice&status=pending', `?user=alice&status=pending&before=${ID}`, '?user=alice&status=pending'],
    [`before=x&limit=5`, `?before=${ID}&limit=5`, '?limit=5'],
    ['', `?before=${ID}`, '?'],
  ])('%j', (query, older, newest) => {
    const params = new URLSearchParams(query)
    expect(olderPageQuery(params, ID)).toBe(older)
    expect(newestPageQuery(params)).toBe(newest)
  })
})
