import { describe, expect, it } from 'vitest'
import { isSafeUrl } from '#app/core/safe-url'
import { normaliseLinkInput } from './link-input'

describe('normaliseLinkInput', () => {
  it.each([
    ['example.org/report', 'https://example.org/report', true],
    ['  https://example.org ', 'https://example.org', true],
    ['http://example.org', 'http://example.org', true],
    ['press@example.org', 'mailto:press@example.org', true],
    ['mailto:press@example.org', 'mailto:press@example.org', true],
    ['//example.org/x', 'https://example.org/x', true],
    ['javascript:alert(1)', 'javascript:alert(1)', false],
    ['data:text/html,x', 'data:text/html,x', false],
    ['', '', false],
  ])('%j → %j (allowed: %s)', (input, expected, allowed) => {
    const value = normaliseLinkInput(input)
    expect(value).toBe(expected)
    expect(isSafeUrl(value)).toBe(allowed)
  })
})
