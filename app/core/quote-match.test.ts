import { describe, expect, it } from 'vitest'
import { normaliseForMatch, quoteAppears } from './quote-match'

const page = (text: string) => normaliseForMatch(text)

describe('quoteAppears', () => {
  it.each([
    // Typography differs, the words do not: found.
    ['plus de 220 000 inscrits', 'Tchap compte plus de 220\u202F000 inscrits.'],
    ['plus de 220 000 inscrits', 'Tchap compte PLUS DE 220,000 INSCRITS.'],
    ['375 000 utilisateurs', 'soit 375.000 utilisateurs actifs'],
    ['« la suite numérique »', 'appelée "La Suite numérique" par la DINUM'],
    ['l’État', "l'État"],
    ['2,5 Mio. Nutzer', 'rund 2.5 Mio. Nutzer'],
    ['2020–2022', '2020-2022'],
    ['Nutzer:innen : 30 000', 'Nutzer:innen: 30000'],
    ['ﬁnance', 'finance'],
    ['un­mögliche', 'unmögliche'],
    ['first part … second part', 'first part, then much more, then the second part'],
    ['first part [...] second part', 'first part and second part'],
    ['40 %', 'a rise of 40% in one year'],
  ])('%s is found in %s', (quote, text) => {
    expect(quoteAppears(quote, page(text))).toBe(true)
  })

  it.each([
    ['plus de 220 000 inscrits', 'plus de 200 000 inscrits'],
    ['375 000 utilisateurs', '37 500 utilisateurs'],
    ['2,5 Mio.', '25 Mio.'],
    ['second part … first part', 'first part and second part'],
    ['', 'anything'],
    ['...', 'anything'],
  ])('%s is not found in %s', (quote, text) => {
    expect(quoteAppears(quote, page(text))).toBe(false)
  })
})

describe('normaliseForMatch', () => {
  it.each([
    ['  A\u00A0 B\n', 'a b'],
    ['1 234 567', '1234567'],
    ['2.500,50', '2500.50'],
    ['2,500.50', '2500.50'],
    ['«\u202Ftexte\u202F»', 'texte'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseForMatch(input)).toBe(expected)
  })
})
