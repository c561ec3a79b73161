import { describe, expect, it } from 'vitest'
import { isSafeUrl, isWebUrl } from './safe-url'

describe('isSafeUrl', () => {
  it.each([
    ['https://example.org/x', true],
    ['http://example.org', true],
    ['mailto:someone@example.org', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
    ['file:///etc/passwd', false],
    ['/relative/path', false],
    ['//example.org', false],
    ['https://', false],
    ['', false],
    [null, false],
  ])('%s → %s', (url, expected) => {
    expect(isSafeUrl(url)).toBe(expected)
  })
  it('web URLs exclude mailto', () => {
    expect(isWebUrl('mailto:a@b.c')).toBe(false)
    expect(isWebUrl('https://b.c')).toBe(true)
  })
})
