import { describe, expect, it } from 'vitest'
import { sourceUrlKey } from './source-url'

describe('sourceUrlKey', () => {
  it('is the same for spellings of one document', () => {
    const key = sourceUrlKey('https://www.heise.de/news/openDesk-10342383.html')
    for (const variant of [
      'http://heise.de/news/openDesk-10342383.html',
      'https://HEISE.de/news/openDesk-10342383.html/',
      'https://www.heise.de:443/news/openDesk-10342383.html#comments',
      'https://www.heise.de/news/openDesk-10342383.html?utm_source=x&utm_medium=y',
    ]) {
      expect(sourceUrlKey(variant)).toBe(key)
    }
  })
  it('keeps what can tell documents apart', () => {
    expect(sourceUrlKey('https://e-voltaire.fr/?p=9112')).not.toBe(sourceUrlKey('https://e-voltaire.fr/?p=9113'))
    expect(sourceUrlKey('https://example.org/A')).not.toBe(sourceUrlKey('https://example.org/a'))
  })
  it('refuses what is not a web URL', () => {
    expect(sourceUrlKey('javascript:alert(1)')).toBeNull()
    expect(sourceUrlKey('ftp://example.org/x')).toBeNull()
    expect(sourceUrlKey('not a url')).toBeNull()
  })
})
