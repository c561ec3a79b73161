import { describe, expect, it } from 'vitest'
import { de } from './de'
import { en } from './en'
import { fr } from './fr'
import { negotiateLang, translator } from './index'

describe('negotiateLang', () => {
  it.each([
    [null, 'de-DE,de;q=0.9,en;q=0.8', 'de'],
    [null, 'fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7', 'fr'],
    [null, 'es-ES,es;q=0.9,fr;q=0.5', 'fr'],
    [null, 'en;q=0.1, de;q=0.9', 'de'],
    [null, 'de;q=0, fr', 'fr'],
    [null, '', 'en'],
    [null, 'zz', 'en'],
    ['fr', 'de-DE', 'fr'],
    ['xx', 'de-DE', 'de'],
  ])('cookie %s, Accept-Language %s → %s', (cookie, header, expected) => {
    expect(negotiateLang(cookie, header)).toBe(expected)
  })
})

describe('catalogues', () => {
  it('every language has every key (the types enforce it; this guards against casts)', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort())
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort())
  })
  it('no translation is left empty or identical to a placeholder', () => {
    for (const catalogue of [en, de, fr]) {
      for (const [key, message] of Object.entries(catalogue)) {
        const text = typeof message === 'function' ? (message as (p: unknown) => string)({ count: 2, date: 'D', months: 3, years: 2, minutes: 5, n: 1, slug: 's', text: 't', min: 8, id: 'i' }) : message
        expect(text, key).not.toMatch(/undefined|\{\w+\}/)
        expect(text.trim(), key).not.toBe('')
      }
    }
  })
  it('plurals follow each language', () => {
    expect(translator('en')('figure.age', { months: 1 })).toBe('1 month old')
    expect(translator('en')('figure.age', { months: 19 })).toBe('19 months old')
    expect(translator('de')('figure.age', { months: 19 })).toBe('19 Monate alt')
    expect(translator('fr')('figure.ageYears', { years: 1 })).toBe('1 an')
    expect(translator('fr')('figure.ageYears', { years: 2 })).toBe('2 ans')
  })
})
