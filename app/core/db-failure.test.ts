import { describe, expect, it } from 'vitest'
import { classifyDbFailure, failureApiError, failureStatus, retryAfterSeconds } from './db-failure'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('classifyDbFailure', () => {
  it.each([
    ['57P01', 'unavailable'], // terminating connection due to administrator command (a restart, pg_terminate_backend)
    ['57P02', 'unavailable'],
    ['57P03', 'unavailable'], // the database system is starting up
    ['08006', 'unavailable'],
    ['08001', 'unavailable'],
    ['53300', 'unavailable'], // too many connections
    ['ECONNREFUSED', 'unavailable'],
    ['ECONNRESET', 'unavailable'],
    ['57014', 'timeout'], // statement_timeout
    ['25P03', 'timeout'], // idle_in_transaction_session_timeout
    ['55P03', 'timeout'], // lock_timeout
    ['SQLITE_BUSY', 'timeout'],
    ['SQLITE_BUSY_SNAPSHOT', 'timeout'],
    ['SQLITE_IOERR_WRITE', 'unavailable'],
    ['53100', 'full'],
    ['SQLITE_FULL', 'full'],
    ['ENOSPC', 'full'],
  ] as const)('%s is %s', (code, kind) => {
    expect(classifyDbFailure(withCode(code))).toBe(kind)
  })

  it.each([
    ['Connection terminated unexpectedly', 'unavailable'],
    ['Connection terminated due to connection timeout', 'unavailable'],
    ['timeout exceeded when trying to connect', 'unavailable'],
    ['Client has encountered a connection error and is not queryable', 'unavailable'],
    ['Query read timeout', 'timeout'],
    ['database or disk is full', 'full'],
  ] as const)('the driver message “%s” is %s', (message, kind) => {
    expect(classifyDbFailure(new Error(message))).toBe(kind)
  })

  it('follows the cause of wrapped errors', () => {
    expect(classifyDbFailure(new Error('save failed', { cause: withCode('57P01') }))).toBe('unavailable')
  })

  it('leaves bugs and the person’s own mistakes unclassified (they stay 500s or 4xx)', () => {
    for (const error of [new TypeError('x is undefined'), withCode('23505'), withCode('42P01'), withCode('SQLITE_CONSTRAINT_UNIQUE'), withCode('42601'), new Error('cannot rollback - no transaction is active'), null, undefined, 'a string', 42]) {
      expect(classifyDbFailure(error)).toBeNull()
    }
  })

  it('stops following causes after a few levels (a cycle cannot hang it)', () => {
    const a: Error & { cause?: unknown } = new Error('a')
    a.cause = a
    expect(classifyDbFailure(a)).toBeNull()
  })
})

describe('the answer to each failure', () => {
  it('is 507 for a full disk and 503 otherwise, each with a Retry-After and an API error code', () => {
    expect([failureStatus('full'), failureStatus('unavailable'), failureStatus('timeout')]).toEqual([507, 503, 503])
    for (const kind of ['full', 'unavailable', 'timeout'] as const) {
      expect(retryAfterSeconds(kind)).toBeGreaterThan(0)
      expect(failureApiError(kind).message.length).toBeGreaterThan(20)
    }
    expect(new Set((['full', 'unavailable', 'timeout'] as const).map((k) => failureApiError(k).code)).size).toBe(3)
  })
})
