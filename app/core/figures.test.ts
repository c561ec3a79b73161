import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findFigures, parseFigure, quoteShowsFigure, type FigureUnit } from './figures'
import type { Lang } from './lang'

type Expected = Array<[text: string, value: number, unit?: FigureUnit | null]>

/** Figures: [lang, input, expected figures]. */
const FIGURES: Array<[Lang, string, Expected]> = [
  ['en', 'Tchap had 200,000 registered users.', [['200,000', 200000]]],
  ['de', 'Es gab 200.000 Nutzer.', [['200.000', 200000]]],
  ['fr', 'Il y avait 200 000 utilisateurs.', [['200 000', 200000]]],
  ['fr', 'Il y avait 200\u00A0000 utilisateurs.', [['200\u00A0000', 200000]]],
  ['fr', 'Il y avait 200\u202F000 utilisateurs.', [['200\u202F000', 200000]]],
  ['en', '2.5 million people', [['2.5 million', 2.5e6]]],
  ['de', '2,5 Mio. Euro', [['2,5 Mio. Euro', 2.5e6, 'EUR']]],
  ['fr', '2,5 millions de personnes', [['2,5 millions', 2.5e6]]],
  ['en', '40% of staff', [['40%', 40, 'percent']]],
  ['en', '40 % of staff', [['40 %', 40, 'percent']]],
  ['de', '12,5 % der Stellen', [['12,5 %', 12.5, 'percent']]],
  ['fr', '12,5\u00A0% des postes', [['12,5\u00A0%', 12.5, 'percent']]],
  ['de', '30 Prozent der Lizenzen', [['30 Prozent', 30, 'percent']]],
  ['fr', '30 pour cent des licences', [['30 pour cent', 30, 'percent']]],
  ['en', 'costs €2.5m a year', [['€2.5m', 2.5e6, 'EUR']]],
  ['en', '47k users', [['47k', 47000]]],
  ['fr', '23 M€ en 2023', [['23 M€', 23e6, 'EUR']]],
  ['fr', '5,5 M d’agents', [['5,5 M', 5.5e6]]],
  ['fr', '3 milliards d’euros', [['3 milliards', 3e9]]],
  ['de', '1,2 Mrd. € Umsatz', [['1,2 Mrd. €', 1.2e9, 'EUR']]],
  ['en', 'a $12bn deal', [['$12bn', 12e9, 'USD']]],
  ['en', 'EUR 5,000 per seat', [['EUR 5,000', 5000, 'EUR']]],
  ['en', '£300 per year', [['£300', 300, 'GBP']]],
  ['de', '450 Euro pro Jahr', [['450 Euro', 450, 'EUR']]],
  ['fr', '450 euros par an', [['450 euros', 450, 'EUR']]],
  ['en', 'more than 40,000 mailboxes', [['40,000', 40000]]],
  ['de', 'mehr als 40.000 Postfächer', [['40.000', 40000]]],
  ['fr', 'plus de 60 000 utilisateurs', [['60 000', 60000]]],
  ['en', '~850,000 messages a week', [['850,000', 850000]]],
  ['en', '>220,000 users', [['220,000', 220000]]],
  ['de', 'rund 7.000 Nutzer', [['7.000', 7000]]],
  ['de', 'über 1.500 Anfragen', [['1.500', 1500]]],
  ['en', '1,500 inquiries', [['1,500', 1500]]],
  ['en', '6 tools', [['6', 6]]],
  ['en', 'about 400 health authorities', [['400', 400]]],
  ['en', 'Teams grew from 32 M to 44 M', [['32 M', 32e6], ['44 M', 44e6]]],
  ['de', '110 Mio. Mails und Termine', [['110 Mio.', 110e6]]],
  ['en', 'nearly 80 % of licences', [['80 %', 80, 'percent']]],
  ['fr', '50 % Armées et Intérieur', [['50 %', 50, 'percent']]],
  ['de', 'Der Bund gab 23 Mio. € aus', [['23 Mio. €', 23e6, 'EUR']]],
  ['de', '23 Millionen Euro', [['23 Millionen Euro', 23e6, 'EUR']]],
  ['de', '44.000 Postfächer und 110 Mio. Einträge', [['44.000', 44000], ['110 Mio.', 110e6]]],
  ['en', '2.5 users per seat', [['2.5', 2.5]]],
  ['en', 'Slack had 12 M daily active users in October 2019', [['12 M', 12e6]]],
  ['fr', '375 000 utilisateurs actifs mensuels', [['375 000', 375000]]],
  ['en', 'Microsoft 365 has 400 million paid seats', [['400 million', 400e6]]],
  ['en', '80,000 → 160,000 users', [['80,000', 80000], ['160,000', 160000]]],
  ['en', 'between 10 and 20 %', [['10', 10], ['20 %', 20, 'percent']]],
  ['fr', '1 500 demandes', [['1 500', 1500]]],
  ['de', '25.000 Arbeitsplätze', [['25.000', 25000]]],
  ['en', 'a 3.5 % increase', [['3.5 %', 3.5, 'percent']]],
  ['de', 'Tchap 200 Nutzer', [['200', 200]]],
  ['en', 'Tchap reached 2,024 users', [['2,024', 2024]]],
  ['en', '1,000,000 emails', [['1,000,000', 1e6]]],
  ['de', '1.000.000 E-Mails', [['1.000.000', 1e6]]],
  ['fr', '1 000 000 courriels', [['1 000 000', 1e6]]],
  ['en', 'in 6 months', [['6', 6]]],
]

/** Non-figures: years, dates, versions, product names, ordinals, references, codes. */
const NON_FIGURES: Array<[Lang, string]> = [
  ['en', 'In 2024 the state moved'],
  ['en', 'funding from 2023–2026'],
  ['en', 'on 25 July 2025'],
  ['de', 'am 11.06.2025'],
  ['en', 'on 2025-10-02'],
  ['de', 'am 2. Oktober 2025'],
  ['fr', 'le 23 mai 2024'],
  ['fr', 'le 1er janvier'],
  ['en', 'until 27 Nov'],
  ['en', 'since March 2020'],
  ['en', 'the week of 11–18 Mar 2020'],
  ['en', 'on July 25, 2025'],
  ['en', 'at 10:30'],
  ['en', 'version 3.32.0'],
  ['de', 'Version 2.1'],
  ['en', 'PHP 8.2 and Node.js 20'],
  ['en', 'HTTP/2 and IPv6'],
  ['en', 'Microsoft 365 costs more'],
  ['en', 'Windows 11'],
  ['en', 'Office 2019'],
  ['en', 'Matrix 2.0 is out'],
  ['en', 'Nextcloud Hub 9'],
  ['de', 'Umstieg von Microsoft 365'],
  ['fr', 'remplacer Microsoft 365'],
  ['en', 'M365 E5'],
  ['en', 'the 1st and 2nd'],
  ['en', 'In the 21st century'],
  ['fr', 'le 2e trimestre'],
  ['fr', 'le 3ème rapport'],
  ['de', 'der 3. Platz'],
  ['en', 'see section 4.2'],
  ['de', 'Art. 28 DSGVO'],
  ['de', '§ 5 Abs. 2'],
  ['en', 'RFC 9110'],
  ['en', 'ISO 27001'],
  ['fr', 'la norme ISO 8601'],
  ['en', 'CVE-2024-1234'],
  ['en', 'SHA-256 and AES-256'],
  ['en', 'H.264'],
  ['en', '5G and 4K'],
  ['en', 'x86_64'],
  ['de', '24103 Kiel'],
  ['fr', '75007 Paris'],
  ['fr', '+33 1 23 45 67 89'],
  ['fr', 'au 01 23 45 67 89'],
  ['en', 'Tchap [1] is'],
  ['en', 'open 24/7'],
  ['en', 'a 16:9 screen'],
  ['en', 'See Table 3'],
  ['de', 'Kapitel 2'],
  ['fr', 'article 6'],
  ['en', 'six flagship tools'],
]

describe('findFigures', () => {
  it.each(FIGURES)('%s: %s', (lang, input, expected) => {
    const found = findFigures(input, lang)
    expect(found.map((f) => [f.text, f.value, f.unit])).toEqual(expected.map(([t, v, u]) => [t, v, u ?? null]))
    for (const f of found) expect(input.slice(f.start, f.end)).toBe(f.text)
  })

  it.each(NON_FIGURES)('%s: not a figure in %s', (lang, input) => {
    expect(findFigures(input, lang).map((f) => f.text)).toEqual([])
  })

  it('has the cases the issue asks for', () => {
    expect(FIGURES.length + NON_FIGURES.length).toBeGreaterThanOrEqual(80)
    expect(NON_FIGURES.length).toBeGreaterThanOrEqual(25)
  })

  it('never throws, and returns sorted, non-overlapping slices of the input', () => {
    const texty = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('1', '2', '0', ',', '.', ' ', '\u00A0', '\u202F', '%', '€', 'M', 'k', 'Mio.', 'million', 'v', '-', '/', ':', '[', ']', 'a', 'É', '\uD800') }))
    fc.assert(
      fc.property(texty, fc.constantFrom<Lang>('en', 'de', 'fr'), (input, lang) => {
        const found = findFigures(input, lang)
        let last = -1
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(last)
          expect(f.end).toBeGreaterThan(f.start)
          expect(input.slice(f.start, f.end)).toBe(f.text)
          last = f.end
        }
      }),
      { numRuns: 1000 },
    )
  })
})

describe('parseFigure', () => {
  it.each([
    ['2,5 Mio.', 'de', 2.5e6, null],
    ['40 %', 'en', 40, 'percent'],
    ['€2.5m', 'en', 2.5e6, 'EUR'],
    ['~850,000', 'en', 850000, null],
    ['200 000', 'fr', 200000, null],
  ] as const)('%s (%s)', (text, lang, value, unit) => {
    expect(parseFigure(text, lang)).toEqual({ value, unit })
  })
  it.each([['2024', 'en'], ['users', 'en'], ['40 % and 50 %', 'en'], ['Windows 11', 'en']] as const)('%s is not one figure', (text, lang) => {
    expect(parseFigure(text, lang)).toBeNull()
  })
})

describe('quoteShowsFigure', () => {
  it.each([
    ['plus de 220 000 inscrits', '220,000', 'en', true],
    ['85 000 inscrits', '85,000', 'en', true],
    ['58 000 inscrits', '85,000', 'en', false],
    ['2,5 millions', '2.5 million', 'en', true],
    ['2 500 000 agents', '2.5 million', 'en', true],
    ['44 million daily active users', '44 M', 'en', true],
    ['mehr als 40.000 Postfächer', '40.000', 'de', true],
    ['rund 7.000 Nutzer', '7,000', 'en', true],
    ['nearly 80 percent', '80 %', 'en', true],
    ['75 million daily users', '44 M', 'en', false],
    ['the suite is used widely', '5,000', 'en', false],
    ['', '5', 'en', false],
  ] as const)('"%s" shows %s (%s): %s', (quote, figure, lang, expected) => {
    expect(quoteShowsFigure(quote, figure, lang)).toBe(expected)
  })
})
