import { describe, expect, it } from 'vitest'
import { parseForm } from '#test/forms'
import { LanguageSchema } from './language'

describe('LanguageSchema', () => {
  it.each(['en', 'de', 'fr'])('takes %s and the page to go back to', (lang) => {
    expect(parseForm(LanguageSchema, { lang, redirectTo: '/pages' }).value).toEqual({ lang, redirectTo: '/pages' })
  })

  it.each([['no language', {}], ['an unknown language', { lang: 'es' }], ['a tag with a region', { lang: 'de-CH' }]])('refuses %s', (_, fields) => {
    expect(parseForm(LanguageSchema, fields).error).toHaveProperty('lang')
  })
})
