import { describe, expect, it } from 'vitest'
import { TALK_BODY_MAX, TALK_REASON_MAX, TALK_TITLE_MAX, parsePostBody, parseThread } from '#app/core/talk'
import type { Result } from '#app/core/result'
import { parseForm } from '#test/forms'
import { TalkSchema } from './talk'

const ID = '01jbz3s2m4x5y6z7a8b9c0d1e2'
const issues = (result: Result<unknown>) => (result.ok ? [] : result.issues.map((i) => [i.path, i.code]))
const EMPTY = { threadId: '', postId: '', title: '', body: '', reason: '' }

describe('TalkSchema', () => {
  it.each([
    [{ intent: 'thread', title: 'Is 5,000 right?', body: 'The source says 4,000.' }, { ...EMPTY, intent: 'thread', title: 'Is 5,000 right?', body: 'The source says 4,000.' }],
    [{ intent: 'reply', threadId: ID, body: 'Agreed.' }, { ...EMPTY, intent: 'reply', threadId: ID, body: 'Agreed.' }],
    [{ intent: 'delete', postId: ID, threadId: ID }, { ...EMPTY, intent: 'delete', postId: ID, threadId: ID }],
    [{ intent: 'hide', postId: ID, reason: 'Personal data' }, { ...EMPTY, intent: 'hide', postId: ID, reason: 'Personal data' }],
    [{ intent: 'watch' }, { ...EMPTY, intent: 'watch' }],
  ])('reads %j', (fields, value) => {
    expect(parseForm(TalkSchema, fields).value).toEqual(value)
  })

  it.each([
    ['no intent', {}],
    ['an unknown intent', { intent: 'publish' }],
  ])('starts a thread for %s, as the page always has', (_, fields) => {
    expect(parseForm(TalkSchema, fields).value?.intent).toBe('thread')
  })

  it('leaves empty text to the talk services, which say it is missing', () => {
    const value = parseForm(TalkSchema, { intent: 'thread', title: '   ' }).value!
    expect(issues(parseThread(value))).toEqual([['title', 'required'], ['body', 'required']])
  })

  it('keeps text just over each limit, for the services to say it is too long', () => {
    const value = parseForm(TalkSchema, { title: 'x'.repeat(TALK_TITLE_MAX + 1), body: 'x'.repeat(TALK_BODY_MAX + 1), reason: 'x'.repeat(TALK_REASON_MAX + 1) }).value!
    expect([value.title.length, value.body.length, value.reason.length]).toEqual([TALK_TITLE_MAX + 1, TALK_BODY_MAX + 1, TALK_REASON_MAX + 1])
    expect(issues(parsePostBody(value))).toEqual([['body', 'too_long']])
  })

  it('cuts text far beyond the limits', () => {
    expect(parseForm(TalkSchema, { body: 'x'.repeat(5 * TALK_BODY_MAX) }).value?.body.length).toBe(2 * TALK_BODY_MAX)
  })
})
