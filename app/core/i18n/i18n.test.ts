import { describe, expect, it } from 'vitest'
import { editorMessages } from './editor-messages'
import { catalogue, negotiateLang, translator } from './index'

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

// Every parameter name any message takes, with a sample value; a message whose output still
// shows "undefined" uses a parameter missing here or misnamed in the catalogue.
const SAMPLE_PARAMS = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? (/count|months|years|minutes|n|min|max|total|size/.test(name) ? 2 : `«${name}»`) : undefined) })

describe('catalogues', () => {
  it('every language has every key (the types enforce it; this guards against casts)', () => {
    const keys = Object.keys(catalogue('en')).sort()
    expect(Object.keys(catalogue('de')).sort()).toEqual(keys)
    expect(Object.keys(catalogue('fr')).sort()).toEqual(keys)
  })
  it('no translation is left empty or identical to a placeholder', () => {
    for (const lang of ['en', 'de', 'fr'] as const) {
      for (const [key, message] of Object.entries(catalogue(lang))) {
        const text = typeof message === 'function' ? (message as (p: unknown) => string)(SAMPLE_PARAMS) : String(message)
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
  it('counts are written with the language’s digit grouping, in every counted message', () => {
    expect(translator('en')('home.figures', { count: 1500 })).toBe('1,500 cited figures')
    expect(translator('de')('home.figures', { count: 1500 })).toBe('1.500 belegte Zahlen')
    expect(translator('fr')('home.figures', { count: 1500 })).toBe('1\u202f500 chiffres sourcés')
    // No message prints a large count without grouping ("12345").
    const BIG = new Proxy({}, { get: (_t, name) => (typeof name === 'string' ? (/count|months|years|minutes/.test(name) ? 12345 : `«${name}»`) : undefined) })
    for (const lang of ['en', 'de', 'fr'] as const) {
      for (const [key, message] of [...Object.entries(catalogue(lang)), ...Object.entries(editorMessages(lang))]) {
        if (typeof message === 'function') expect((message as (p: unknown) => string)(BIG), `${lang} ${key}`).not.toContain('12345')
      }
    }
  })
})

describe('French typography', () => {
  // French puts a no-break space before ":" and a narrow one before ";", "!" and "?" (Imprimerie
  // nationale); an ordinary space would let the mark wrap onto a line of its own. Checked over every
  // French message, so a new string cannot forget it.
  const messages = [...Object.entries(catalogue('fr')), ...Object.entries(editorMessages('fr'))]
  const texts = messages.map(([key, message]) => [key, typeof message === 'function' ? (message as (p: unknown) => string)(SAMPLE_PARAMS) : String(message)] as const)
  it.each(texts)('%s', (_key, text) => {
    expect(text).not.toMatch(/ [:;!?]/)
    expect(text).not.toMatch(/[\p{L}\p{N}»”’)][;!?](?=\s|$)/u)
    expect(text).not.toMatch(/[\p{L}\p{N}»”’)]:(?=\s|$)/u)
    expect(text).not.toMatch(/\u00a0[;!?]/)
  })
})
