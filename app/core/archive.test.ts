import { describe, expect, it } from 'vitest'
import { waybackLookupUrl } from './archive'

describe('waybackLookupUrl', () => {
  it.each([
    ['2024', 'https://web.archive.org/web/2024/https://example.org/report?id=1'],
    ['2024-03', 'https://web.archive.org/web/202403/https://example.org/report?id=1'],
    ['2024-03-15', 'https://web.archive.org/web/20240315/https://example.org/report?id=1'],
    [null, 'https://web.archive.org/web/*/https://example.org/report?id=1'],
    ['March 2024', 'https://web.archive.org/web/*/https://example.org/report?id=1'],
  ])('asks for the snapshot nearest %s', (asOf, expected) => {
    expect(waybackLookupUrl('https://example.org/report?id=1', asOf)).toBe(expected)
  })
})
