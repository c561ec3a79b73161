import { describe, expect, it } from 'vitest'
import { cleanBody, linkify, parseModerationReason, parsePostBody, parseThread, TALK_BODY_MAX, TALK_TITLE_MAX } from './talk'

describe('linkify', () => {
  it.each([
    ['see https://example.org/a.', [{ kind: 'text', text: 'see ' }, { kind: 'link', text: 'https://example.org/a', href: 'https://example.org/a' }, { kind: 'text', text: '.' }]],
    ['(http://example.org/x)', [{ kind: 'text', text: '(' }, { kind: 'link', text: 'http://example.org/x', href: 'http://example.org/x' }, { kind: 'text', text: ')' }]],
    ['https://en.wikipedia.org/wiki/Tchap_(app)', [{ kind: 'link', text: 'https://en.wikipedia.org/wiki/Tchap_(app)', href: 'https://en.wikipedia.org/wiki/Tchap_(app)' }]],
    ['javascript:alert(1) and data:text/html,x', [{ kind: 'text', text: 'javascript:alert(1) and data:text/html,x' }]],
    ['<script>alert(1)</script>', [{ kind: 'text', text: '<script>alert(1)</script>' }]],
    ['<a href="https://evil.example/">x</a>', [{ kind: 'text', text: '<a href="' }, { kind: 'link', text: 'https://evil.example/', href: 'https://evil.example/' }, { kind: 'text', text: '">x</a>' }]],
    ['no links here', [{ kind: 'text', text: 'no links here' }]],
  ])('%s', (input, expected) => {
    expect(linkify(input)).toEqual(expected)
  })

  it('loses no character', () => {
    const input = 'a https://x.org/1, b http://y.org/(2) c https://z.org/?q=1&r=2! end'
    expect(linkify(input).map((s) => s.text).join('')).toBe(input)
  })
})

describe('parseThread', () => {
  it('accepts a title and a body, cleaned', () => {
    expect(parseThread({ title: '  Is 200,000 daily users right? ', body: 'Line 1  \r\n\r\n\r\n\r\nLine 2\u0007' })).toEqual({ ok: true, value: { title: 'Is 200,000 daily users right?', body: 'Line 1\n\nLine 2' } })
  })

  it.each([
    [{ title: '', body: 'x' }, 'title', 'required'],
    [{ title: 'x', body: '   ' }, 'body', 'required'],
    [{ title: 'x'.repeat(TALK_TITLE_MAX + 1), body: 'x' }, 'title', 'too_long'],
    [{ title: 'x', body: 'x'.repeat(TALK_BODY_MAX + 1) }, 'body', 'too_long'],
    [{ title: 42, body: ['x'] }, 'title', 'required'],
  ])('refuses %j', (fields, path, code) => {
    const result = parseThread(fields)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path, code })
  })

  it('treats a missing body as empty, not as a crash', () => {
    expect(parsePostBody(undefined).ok).toBe(false)
    expect(parseModerationReason(null).ok).toBe(false)
  })
})

describe('cleanBody', () => {
  it('keeps paragraphs and drops control characters', () => {
    expect(cleanBody('a\u0000b\n\n\n\nc', 100)).toBe('ab\n\nc')
    expect(cleanBody(7, 100)).toBe('')
  })
})
