import { describe, expect, it } from 'vitest'
import { isCrossSiteWrite } from './csrf'

const allowed = ['http://localhost:3000']
const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) })

describe('isCrossSiteWrite', () => {
  it.each([
    ['GET with a foreign origin', req('GET', { origin: 'https://evil.example', cookie: 'sourced_session=a' }), false],
    ['POST same origin with cookie', req('POST', { origin: 'http://localhost:3000', cookie: 'sourced_session=a' }), false],
    ['POST foreign origin with cookie', req('POST', { origin: 'https://evil.example', cookie: 'sourced_session=a' }), true],
    ['POST foreign origin without cookie (login CSRF)', req('POST', { origin: 'https://evil.example' }), true],
    ['POST "null" origin with cookie', req('POST', { origin: 'null', cookie: 'sourced_session=a' }), true],
    ['POST without origin with cookie', req('POST', { cookie: 'lang=de; sourced_session=a' }), true],
    ['POST without origin, other cookies only', req('POST', { cookie: 'lang=de' }), false],
    ['POST bearer token, no origin, no cookie', req('POST', { authorization: 'Bearer src_x' }), false],
    ['DELETE without origin with cookie', req('DELETE', { cookie: 'sourced_session=a' }), true],
  ])('%s', (_name, request, expected) => {
    expect(isCrossSiteWrite(request, allowed, 'sourced_session')).toBe(expected)
  })
})
