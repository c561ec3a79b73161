import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findFigures, parseFigure, quoteShowsFigure, type FigureUnit } from './figures'
import type { Lang } from './lang'

type Expected = Array<[text: string, value: number, unit?: FigureUnit | null]>

/** Sentences with figures: [lang, input, expected figures as [text, value, unit]]. */
const FIGURES: Array<[Lang, string, Expected]> = [
  // Thousands separators: comma, dot, space, no-break space, narrow no-break space.
  ['en', 'Tchap had 200,000 registered users.', [['200,000', 200000]]],
  ['de', 'Es gab 200.000 Nutzer.', [['200.000', 200000]]],
  ['fr', 'Il y avait 200 000 utilisateurs.', [['200 000', 200000]]],
  ['fr', 'Il y avait 200\u00A0000 utilisateurs.', [['200\u00A0000', 200000]]],
  ['fr', 'Il y avait 200\u202F000 utilisateurs.', [['200\u202F000', 200000]]],
  ['en', '1,000,000 emails', [['1,000,000', 1e6]]],
  // Counts after capitalised words: a plural or a word that leads into a count keeps them.
  ['en', 'In France 40 ministries adopted it. Over 300 were migrated.', [['40', 40], ['300', 300]]],
  ['en', 'Editing 200-page documents, OpenProject 14 brings charts to 300 teams.', [['200', 200], ['300', 300]]],
  ['de', 'Rund 40 meldeten sich an, dass die Stadt 300 bezahlt hat.', [['40', 40], ['300', 300]]],
  ['fr', 'Environ 40 se sont inscrits. Rendez-vous à 9 h pour 3 heures.', [['40', 40], ['3', 3]]],
  ['en', 'Tchap (200,000 users) and BigBlueButton(s) with 47,000', [['200,000', 200000], ['47,000', 47000]]],
  ['de', '1.000.000 E-Mails', [['1.000.000', 1e6]]],
  ['fr', '1 000 000 courriels', [['1 000 000', 1e6]]],
  ['en', '25,000 staff and 7,000 laptops', [['25,000', 25000], ['7,000', 7000]]],
  ['de', '25.000 Arbeitsplätze', [['25.000', 25000]]],
  ['fr', '1 500 demandes', [['1 500', 1500]]],
  ['de', 'CHF 1’200 pro Jahr', [['CHF 1’200', 1200, 'CHF']]],
  // Decimals, and the language deciding "separator + 3 digits".
  ['en', '1,500 inquiries', [['1,500', 1500]]],
  ['en', '2.5 users per seat', [['2.5', 2.5]]],
  ['de', 'im Schnitt 2,5 Geräte', [['2,5', 2.5]]],
  ['de', 'über 1.500 Anfragen', [['1.500', 1500]]],
  ['de', 'Faktor 1,500 laut Studie', [['1,500', 1.5]]],
  ['fr', 'environ 1.500 postes', [['1.500', 1500]]],
  ['fr', 'un ratio de 1,500', [['1,500', 1.5]]],
  ['en', 'only 1.500 of them', [['1.500', 1.5]]],
  ['en', 'a share of 12,5 %', [['12,5 %', 12.5, 'percent']]],
  ['en', 'revenue of 1,234.56 per user', [['1,234.56', 1234.56]]],
  ['de', 'Kosten von 1.234,56 pro Nutzer', [['1.234,56', 1234.56]]],
  ['fr', 'un coût de 1 234,56 par poste', [['1 234,56', 1234.56]]],
  // Percentages.
  ['en', '40% of staff', [['40%', 40, 'percent']]],
  ['en', '40 % of staff', [['40 %', 40, 'percent']]],
  ['de', '12,5 % der Stellen', [['12,5 %', 12.5, 'percent']]],
  ['fr', '12,5\u00A0% des postes', [['12,5\u00A0%', 12.5, 'percent']]],
  ['fr', '12,5\u202F% des postes', [['12,5\u202F%', 12.5, 'percent']]],
  ['en', '30 percent of licences', [['30 percent', 30, 'percent']]],
  ['en', '30 per cent of licences', [['30 per cent', 30, 'percent']]],
  ['de', '30 Prozent der Lizenzen', [['30 Prozent', 30, 'percent']]],
  ['fr', '30 pour cent des licences', [['30 pour cent', 30, 'percent']]],
  ['en', 'a 3.5 % increase', [['3.5 %', 3.5, 'percent']]],
  ['en', 'between 10 and 20 %', [['between 10 and 20 %', 10, 'percent']]],
  // Scale words.
  ['en', '2.5 million people', [['2.5 million', 2.5e6]]],
  ['de', '2,5 Mio. Euro', [['2,5 Mio. Euro', 2.5e6, 'EUR']]],
  ['de', '2,5 Mio. Nutzer', [['2,5 Mio.', 2.5e6]]],
  ['fr', '2,5 millions de personnes', [['2,5 millions', 2.5e6]]],
  ['de', '23 Millionen Euro', [['23 Millionen Euro', 23e6, 'EUR']]],
  ['de', '2 Milliarden Anfragen', [['2 Milliarden', 2e9]]],
  ['de', 'eine Milliarde und 1 Milliarde', [['eine Milliarde', 1e9], ['1 Milliarde', 1e9]]],
  ['de', '1,2 Mrd. € Umsatz', [['1,2 Mrd. €', 1.2e9, 'EUR']]],
  ['fr', '3 milliards d’euros', [['3 milliards', 3e9]]],
  ['fr', '1,2 Md€ de budget', [['1,2 Md€', 1.2e9, 'EUR']]],
  ['en', '2 billion requests', [['2 billion', 2e9]]],
  ['de', '1 Billion Euro Schulden', [['1 Billion Euro', 1e12, 'EUR']]],
  ['en', 'a $12bn deal', [['$12bn', 12e9, 'USD']]],
  ['en', 'costs €2.5m a year', [['€2.5m', 2.5e6, 'EUR']]],
  ['en', '47k users', [['47k', 47000]]],
  ['en', '5.5 M downloads', [['5.5 M', 5.5e6]]],
  ['fr', '5,5 M d’agents', [['5,5 M', 5.5e6]]],
  ['fr', '23 M€ en 2023', [['23 M€', 23e6, 'EUR']]],
  ['fr', 'passé en 5 000 postes', [['5 000', 5000]]],
  ['fr', 'un budget de 500 k€', [['500 k€', 500000, 'EUR']]],
  ['en', '3 thousand schools', [['3 thousand', 3000]]],
  ['de', '200 Tausend Lehrkräfte', [['200 Tausend', 200000]]],
  ['fr', 'pour 10 mille euros', [['10 mille euros', 10000, 'EUR']]],
  ['en', 'Teams grew from 32 M to 44 M', [['32 M', 32e6], ['44 M', 44e6]]],
  ['de', '110 Mio. Mails und Termine', [['110 Mio.', 110e6]]],
  // Currencies before or after.
  ['en', 'EUR 5,000 per seat', [['EUR 5,000', 5000, 'EUR']]],
  ['en', '£300 per year', [['£300', 300, 'GBP']]],
  ['en', 'USD 12 per user', [['USD 12', 12, 'USD']]],
  ['en', '$7 per month', [['$7', 7, 'USD']]],
  ['de', '12 CHF pro Monat', [['12 CHF', 12, 'CHF']]],
  ['de', '450 Euro pro Jahr', [['450 Euro', 450, 'EUR']]],
  ['fr', '450 euros par an', [['450 euros', 450, 'EUR']]],
  ['de', 'Der Bund gab 23 Mio. € aus', [['23 Mio. €', 23e6, 'EUR']]],
  // Approximations and ranges: the prefix is not part of the figure.
  ['en', 'more than 40,000 mailboxes', [['40,000', 40000]]],
  ['de', 'mehr als 40.000 Postfächer', [['40.000', 40000]]],
  ['fr', 'plus de 60 000 utilisateurs', [['60 000', 60000]]],
  ['en', '~850,000 messages a week', [['850,000', 850000]]],
  ['en', '>220,000 users', [['220,000', 220000]]],
  ['en', '≈ 3,000 seats and <50 admins', [['3,000', 3000], ['50', 50]]],
  ['de', 'rund 7.000 Nutzer', [['7.000', 7000]]],
  ['en', '80,000 → 160,000 users', [['80,000', 80000], ['160,000', 160000]]],
  ['en', '10–20 users per team', [['10–20', 10]]],
  // Plain counts, also small ones.
  ['en', '6 tools', [['6', 6]]],
  ['en', '12 meetings per week', [['12', 12]]],
  ['en', 'about 400 health authorities', [['400', 400]]],
  ['en', 'in 6 months', [['6', 6]]],
  ['en', 'a 30-day trial', [['30', 30]]],
  ['en', '100GB of storage', [['100GB', 100]]],
  ['en', 'Tchap reached 2,024 users', [['2,024', 2024]]],
  ['de', 'Tchap 200 Nutzer', [['200', 200]]],
  ['de', 'Es waren 3. Danach mehr.', [['3', 3]]],
  ['en', 'Over 200 users.', [['200', 200]]],
  ['en', 'Foo 3 users', [['3', 3]]],
  ['fr', '375 000 utilisateurs actifs mensuels', [['375 000', 375000]]],
  ['fr', '50 % Armées et Intérieur', [['50 %', 50, 'percent']]],
  // Figures next to non-figures.
  ['en', 'Microsoft 365 has 400 million paid seats', [['400 million', 400e6]]],
  ['en', 'Slack had 12 M daily active users in October 2019', [['12 M', 12e6]]],
  ['en', 'Windows 11 users: 400 schools', [['400', 400]]],
  ['de', '44.000 Postfächer und 110 Mio. Einträge', [['44.000', 44000], ['110 Mio.', 110e6]]],
  ['de', 'Am 2. Oktober 2025 nutzten 1.200 Schulen Moodle', [['1.200', 1200]]],
  ['fr', 'Le 25 juillet, 60 000 agents utilisaient Tchap [1].', [['60 000', 60000]]],
  ['en', 'Since 2021, 85,000 people registered (section 4.2).', [['85,000', 85000]]],
  // Numbers in words, shares, multipliers, vague magnitudes (issue 14).
  ['en', 'six flagship tools', [['six', 6]]],
  ['de', 'zwei Anbieter', [['zwei', 2]]],
  ['fr', 'trois millions d’habitants', [['trois millions', 3e6]]],
  ['de', 'dreitausendfünfhundert Nutzer', [['dreitausendfünfhundert', 3500]]],
  ['en', 'two thirds of agencies', [['two thirds', 2 / 3]]],
  ['de', 'jeder vierte Beamte', [['jeder vierte', 0.25]]],
  ['fr', 'un agent sur cinq', [['un agent sur cinq', 0.2]]],
  ['en', '3/4 of ministries', [['3/4', 0.75]]],
  ['en', 'a fivefold increase', [['fivefold', 5]]],
  ['fr', 'quatre fois plus de postes', [['quatre fois plus', 4]]],
  ['en', '1,000s of admins', [['1,000s', 1000]]],
  ['fr', 'de 5 à 8 % du budget', [['5 à 8 %', 5, 'percent']]],
  ['fr', '2 To de stockage', [['2 To', 2]]],
]

/** Text without figures: numbers in words, years, dates, versions, product names, ordinals, references, codes. */
const NON_FIGURES: Array<[Lang, string]> = [
  // Names of products and places we do not know, at the start of a sentence or not.
  ['en', 'Kolab 16 was released. The Tixeo 15 client and the Fairphone 5 costs less. Schedule 2 and Hall 3 were updated.'],
  ['en', 'C++20 modules and C# 12 features are used.'],
  ['de', 'Mit Kolab 16 kam ein neuer Webclient, der Umstieg auf Proton 7 dauerte.'],
  ['fr', 'Avec Kolab 16, un nouveau client est arrivé. La migration vers Proton 7 a pris du temps.'],
  // French clock times.
  ['fr', 'La réunion a lieu à 9h30 ou à 14 h 30, rendez-vous à 9 h.'],
  // Code and sub-clause references: call arguments and inline code are literals, not facts.
  ['en', 'the summary said alert(1) and setTimeout(0, 250)'],
  ['de', 'gemäß Art. 6(1) DSGVO und `retries = 3` in der Konfiguration'],
  ['fr', 'selon l’article 6(1) du RGPD et `timeout = 30`'],
  // Number words that count nothing: articles, ordinals, names, compounds.
  ['en', 'one of the tools, the second to none'],
  ['en', 'see page two, chapter three and phase four'],
  ['de', 'ein Anbieter, Zwei-Faktor-Anmeldung'],
  ['fr', 'un serveur neuf, un tiers de confiance'],
  // Years (a bare 1900–2099 is a year, even before a noun).
  ['en', 'In 2024 the state moved'],
  ['en', 'funding from 2023–2026'],
  ['en', 'since 2021'],
  ['en', '2024 users'],
  ['en', 'the class of ’24'],
  // Dates and times.
  ['en', 'on 25 July 2025'],
  ['de', 'am 11.06.2025'],
  ['de', 'am 11.06. beschlossen'],
  ['en', 'on 2025-10-02'],
  ['en', 'on 2 Oct 2025'],
  ['de', 'am 2. Oktober 2025'],
  ['fr', 'le 23 mai 2024'],
  ['fr', 'le 1er janvier'],
  ['fr', 'le 25 juillet'],
  ['en', 'until 27 Nov'],
  ['en', 'since March 2020'],
  ['en', 'the week of 11–18 Mar 2020'],
  ['en', 'on July 25, 2025'],
  ['en', 'at 10:30'],
  ['en', 'at 10 am'],
  ['de', 'um 14 Uhr'],
  ['en', 'the 2020-21 school year'],
  // Version numbers.
  ['en', 'v2'],
  ['en', 'version 3.32.0'],
  ['en', 'since version 7'],
  ['de', 'Version 2.1'],
  ['en', 'PHP 8.2 and Node.js 20'],
  ['en', 'HTTP/2 and IPv6'],
  // Numbers in product names.
  ['en', 'Microsoft 365 costs more'],
  ['en', 'Windows 11'],
  ['en', 'Office 2019'],
  ['en', 'Matrix 2.0 is out'],
  ['en', 'with Jitsi 2 and Teams 2.0'],
  ['en', 'Nextcloud Hub 9'],
  ['de', 'Umstieg von Microsoft 365'],
  ['fr', 'remplacer Microsoft 365'],
  ['en', 'M365 E5 and G Suite'],
  ['en', 'the new Foo 3 is out'],
  ['de', 'mit OpenDesk 2 arbeiten'],
  // Ordinals.
  ['en', 'the 1st and 2nd'],
  ['en', 'the 3rd and 4th'],
  ['en', 'In the 21st century'],
  ['fr', 'le 2e trimestre'],
  ['fr', 'le 3ème rapport'],
  ['fr', 'le 1er ministre'],
  ['de', 'der 3. Platz'],
  ['de', 'vom 2. bis zum 5. Tag'],
  // Sections and references.
  ['en', 'see section 4.2'],
  ['de', 'Art. 28 DSGVO'],
  ['de', '§ 5 Abs. 2'],
  ['de', '§§ 5–7'],
  ['en', 'Article 6 and chapter 3'],
  ['en', 'RFC 9110'],
  ['en', 'conforms to EN 301 549'],
  ['de', 'barrierefrei nach EN 301 549'],
  ['fr', 'conforme à la norme EN 301 549'],
  ['en', 'ISO 27001 and ISO/IEC 27001'],
  ['fr', 'la norme ISO 8601'],
  ['en', 'See Table 3'],
  ['de', 'Kapitel 2'],
  ['fr', 'article 6'],
  ['fr', 'le n°5'],
  ['en', 'Tchap [1] is'],
  ['en', 'level 2 support'],
  // Identifiers, codes, phone numbers, postcodes.
  ['en', 'CVE-2024-1234'],
  ['en', 'SHA-256 and AES-256'],
  ['en', 'H.264'],
  ['en', '5G and 4K'],
  ['en', 'x86_64'],
  ['en', 'Element2 speaks utf8'],
  ['de', '24103 Kiel'],
  ['fr', '75007 Paris'],
  ['de', 'Hauptstr. 5, 10115 Berlin'],
  ['fr', '+33 1 23 45 67 89'],
  ['fr', 'au 01 23 45 67 89'],
  ['de', 'Tel. 030 123456'],
  ['en', 'see https://example.org/2024/report-12'],
  // Ratios and fractions.
  ['en', 'open 24/7'],
  ['en', 'a 16:9 screen'],
]

describe('findFigures', () => {
  it.each(FIGURES)('%s: %s', (lang, input, expected) => {
    const found = findFigures(input, lang)
    expect(found.map((f) => [f.text, f.value, f.unit])).toEqual(expected.map(([t, v, u]) => [t, v, u ?? null]))
    for (const f of found) expect(input.slice(f.start, f.end)).toBe(f.text)
  })

  it.each(NON_FIGURES)('%s: no figure in %s', (lang, input) => {
    expect(findFigures(input, lang).map((f) => f.text)).toEqual([])
  })

  it('has the cases the issue asks for', () => {
    expect(FIGURES.length + NON_FIGURES.length).toBeGreaterThanOrEqual(80)
    expect(NON_FIGURES.length).toBeGreaterThanOrEqual(25)
  })

  it('gives UTF-16 offsets after astral characters', () => {
    const input = '😀 40 % 😀'
    expect(findFigures(input, 'en')).toEqual([{ text: '40 %', start: 3, end: 7, value: 40, unit: 'percent' }])
  })

  const figureish = fc.constantFrom(
    '1', '2', '0', '2024', ',', '.', ' ', '\u00A0', '\u202F', '%', '€', '$', 'M', 'k', 'm', 'Mio.', 'million', 'EUR', 'v', '-', '–', '/', ':',
    '[', ']', '§', "'", 'a', 'É', 'Windows', 'July', 'der', '\n', '\uD800', '\uDC00', '😀',
  )
  const inputs = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: figureish }))

  it('never throws, and returns sorted, non-overlapping slices of the input', () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom<Lang>('en', 'de', 'fr'), (input, lang) => {
        const found = findFigures(input, lang)
        let last = 0
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(last)
          expect(f.end).toBeGreaterThan(f.start)
          expect(input.slice(f.start, f.end)).toBe(f.text)
          expect(Number.isFinite(f.value)).toBe(true)
          last = f.end
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws in parseFigure and quoteShowsFigure', () => {
    fc.assert(
      fc.property(inputs, inputs, fc.constantFrom<Lang>('en', 'de', 'fr'), (a, b, lang) => {
        parseFigure(a, lang)
        expect(typeof quoteShowsFigure(a, b, lang)).toBe('boolean')
      }),
      { numRuns: 500 },
    )
  })

  it('stays fast on long and adversarial input', () => {
    const realistic =
      'In 2024, Tchap had more than 200,000 users and a 2,5 Mio. Euro budget; Microsoft 365 costs €2.5m (40 %) since 25 July 2025, v3.32.0, § 5 [1]. '
    const inputs = [
      realistic.repeat(Math.ceil(1_000_000 / realistic.length)),
      '1'.repeat(200_000),
      '1,000'.repeat(40_000),
      '1 000 '.repeat(40_000),
      '1-'.repeat(100_000),
      'a-1'.repeat(60_000),
      '5 Mar '.repeat(30_000),
      '+1 '.repeat(60_000),
    ]
    // No timing assertion (benchmarks measure speed): pathological backtracking would blow the
    // test timeout, which is the guard here.
    for (const input of inputs) expect(Array.isArray(findFigures(input, 'de'))).toBe(true)
  })
})

describe('parseFigure', () => {
  it.each([
    ['2,5 Mio.', 'de', 2.5e6, null],
    ['40 %', 'en', 40, 'percent'],
    ['40\u202F%', 'fr', 40, 'percent'],
    ['€2.5m', 'en', 2.5e6, 'EUR'],
    ['47k', 'en', 47000, null],
    ['23 M€', 'fr', 23e6, 'EUR'],
    ['~850,000', 'en', 850000, null],
    ['> 220,000', 'en', 220000, null],
    ['200 000', 'fr', 200000, null],
    ['1.500', 'de', 1500, null],
    ['1.500', 'en', 1.5, null],
    ['2,024', 'en', 2024, null],
    ['6', 'en', 6, null],
  ] as const)('%s (%s)', (text, lang, value, unit) => {
    expect(parseFigure(text, lang)).toEqual({ value, unit })
  })

  it.each([
    ['2024', 'en'],
    ['users', 'en'],
    ['', 'en'],
    ['40 % and 50 %', 'en'],
    ['Windows 11', 'en'],
    ['3.32.0', 'en'],
    ['v2', 'en'],
    ['more than 200,000', 'en'],
  ] as const)('%s is not one figure', (text, lang) => {
    expect(parseFigure(text, lang)).toBeNull()
  })
})

describe('quoteShowsFigure', () => {
  it.each([
    ['85 000 inscrits', '85,000', 'en', true],
    ['58 000 inscrits', '85,000', 'en', false],
    ['plus de 220 000 inscrits', '220,000', 'en', true],
    ['220.000 Nutzer', '220,000', 'en', true],
    ['about 220k users', '220,000', 'en', true],
    ['221 000 inscrits', '220,000', 'en', false],
    ['plus de 200 000 agents', 'more than 200,000', 'en', true],
    ['2,5 millions', '2.5 million', 'en', true],
    ['2 500 000 agents', '2.5 million', 'en', true],
    ['25 millions', '2.5 million', 'en', false],
    ['2.5 billion', '2.5 million', 'en', false],
    ['44 million daily active users', '44 M', 'en', true],
    ['mehr als 40.000 Postfächer', '40.000', 'de', true],
    ['rund 7.000 Nutzer', '7,000', 'en', true],
    ['nearly 80 percent', '80 %', 'en', true],
    ['80% of staff', '80 %', 'fr', true],
    ['a budget of 2.5 million euros', '€2.5m', 'en', true],
    ['a budget of $2.5m', '€2.5m', 'en', false],
    ['since 2024, growth', '2024', 'en', true],
    ['75 million daily users', '44 M', 'en', false],
    ['the suite is used widely', '5,000', 'en', false],
    ['', '5', 'en', false],
  ] as const)('"%s" shows %s (%s): %s', (quote, figure, lang, expected) => {
    expect(quoteShowsFigure(quote, figure, lang)).toBe(expected)
  })
})
