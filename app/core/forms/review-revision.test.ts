import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { ReviewRevisionBody, ReviewRevisionSchema } from './review-revision'

describe('ReviewRevisionBody', () => {
  it.each([
    [{ decision: 'approve' }, { decision: 'approve', reason: '' }],
    [{ decision: 'reject', reason: 'no source' }, { decision: 'reject', reason: 'no source' }],
  ])('takes %j', (body, value) => {
    expect(ReviewRevisionBody.parse(body)).toEqual(value)
  })

  it.each([
    ['no decision', { reason: 'x' }, 'decision'],
    ['an unknown decision', { decision: 'publish' }, 'decision'],
    ['a reason too long', { decision: 'reject', reason: 'x'.repeat(1001) }, 'reason'],
    ['a reason not text', { decision: 'reject', reason: 3 }, 'reason'],
  ])('refuses %s, naming the field', (_, body, path) => {
    const parsed = ReviewRevisionBody.safeParse(body)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([path])
  })

  it('says what is wrong in Zod’s words, as the API has always answered', () => {
    expect(ReviewRevisionBody.safeParse({ decision: 'reject', reason: 'x'.repeat(1001) }).error?.issues[0]?.message).toBe('Too big: expected string to have <=1000 characters')
  })
})

describe('ReviewRevisionSchema', () => {
  it.each([
    [{ intent: 'reject', reason: 'no source' }, { intent: 'reject', reason: 'no source' }],
    [{ intent: 'approve' }, { intent: 'approve', reason: '' }],
    [{}, { intent: 'approve', reason: '' }],
    [{ intent: 'publish', reason: 'x'.repeat(2000) }, { intent: 'approve', reason: 'x'.repeat(1000) }],
  ])('reads %j as the service takes it', (fields, value) => {
    expect(parseForm(ReviewRevisionSchema, fields).value).toEqual(value)
  })
})
