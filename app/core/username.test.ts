import { describe, expect, it } from 'vitest'
import { usernameKey, validateUsername } from './username'

describe('validateUsername', () => {
  it.each(['alice', 'Jean-Luc', 'müller_2', 'алиса', 'Ελένη', 'やまだ太郎', 'tanaka太郎', '김민준', 'ａｌｉｃｅ'])('accepts %s', (name) => {
    expect(validateUsername(name).ok).toBe(true)
  })

  it.each([
    ['\u0430lice', 'mixed_scripts'], // Cyrillic а, then Latin
    ['p\u0430ypal', 'mixed_scripts'],
    ['\u03bfscar', 'mixed_scripts'], // Greek ο
    ['김minjun\u0430', 'mixed_scripts'],
    ['al', 'invalid_username'],
    ['-alice', 'invalid_username'],
    ['alice bob', 'invalid_username'],
    [42, 'invalid_username'],
  ])('refuses %s (%s)', (name, code) => {
    const result = validateUsername(name)
    expect(result.ok ? null : result.issues.map((i) => i.code)).toEqual([code])
  })

  it('folds case and full-width forms into one key', () => {
    expect(usernameKey('ＡＬＩＣＥ')).toBe(usernameKey('alice'))
  })
})
