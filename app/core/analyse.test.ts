import { describe, expect, it } from 'vitest'
import { content, doc, figure, p, text } from '#test/fixtures/docs'
import { analyseBody, analyseContent } from './analyse'
import type { DocNode } from './content'

/** Only "s1" exists; "gone" is a source id nobody registered (or one since deleted). */
const known = { has: (id: string) => id === 's1' }

const sentence = (mark: DocNode) => doc(p(text('Tchap had '), mark, text(' users.')))
const figureOf = (body: DocNode) => analyseBody(body, 'en', known).figures[0]!
const findingsOf = (body: DocNode) => analyseBody(body, 'en', known).findings.map((f) => [f.kind, f.text, f.message])

describe('coverage: when a figure counts as cited', () => {
  it('is cited inside a figure mark whose source exists and whose quote and as-of date are set', () => {
    const body = sentence(figure('220,000', { sourceId: 's1', quote: 'plus de 220 000 inscrits', asOf: '2021-03', metric: 'registered users' }))
    expect(figureOf(body)).toMatchObject({ text: '220,000', start: 10, end: 17, value: 220000, marked: true, sourceKnown: true, cited: true, quoteShowsFigure: true })
    expect(findingsOf(body)).toEqual([])
  })

  it.each([
    { name: 'a number outside any mark', mark: text('220,000'), message: 'This figure has no source.' },
    { name: 'a mark without a source', mark: figure('220,000', { sourceId: null, quote: '220 000 inscrits', asOf: '2021' }), message: 'This figure names no known source.' },
    { name: 'a mark naming a source that does not exist', mark: figure('220,000', { sourceId: 'gone', quote: '220 000 inscrits', asOf: '2021' }), message: 'This figure names no known source.' },
    { name: 'a mark without a quote', mark: figure('220,000', { sourceId: 's1', quote: null, asOf: '2021' }), message: 'This figure needs the quoted passage of its source.' },
    { name: 'a mark whose quote is only spaces', mark: figure('220,000', { sourceId: 's1', quote: '   ', asOf: '2021' }), message: 'This figure needs the quoted passage of its source.' },
    { name: 'a mark without an as-of date', mark: figure('220,000', { sourceId: 's1', quote: '220 000 inscrits', asOf: null }), message: 'This figure needs the date it is "as of".' },
  ])('is uncited: $name', ({ mark, message }) => {
    const body = sentence(mark)
    expect(figureOf(body)).toMatchObject({ text: '220,000', start: 10, end: 17, cited: false })
    expect(findingsOf(body)).toEqual([['uncited-figure', '220,000', message]])
    expect(analyseContent(content(body), known).uncitedFigures.map((f) => f.text)).toEqual(['220,000'])
  })

  it('finds the uncited figures of every language and every block, with offsets into the joined text', () => {
    const body = doc(p(text('Intro without numbers.')), p(text('Es gab 2,5 Mio. Nutzer und 40 % mehr.')))
    const analysis = analyseBody(body, 'de', known)
    expect(analysis.figures.map((f) => [f.text, f.cited])).toEqual([['2,5 Mio.', false], ['40 %', false]])
    for (const f of analysis.figures) expect(analysis.text.slice(f.start, f.end)).toBe(f.text)
  })

  it('does not count years, versions or product numbers as uncited figures', () => {
    const body = doc(p(text('Since 2021, Microsoft 365 and Windows 11 moved to version 3.2.')))
    expect(analyseBody(body, 'en', known).figures).toEqual([])
  })
})

describe('coverage: "the quote does not show this figure"', () => {
  it.each([
    { quote: 'Tchap compte 58 000 inscrits', figureText: '85,000', lang: 'en' as const },
    { quote: 'Tchap is used widely across the state', figureText: '85,000', lang: 'en' as const },
    { quote: 'un budget de 25 millions', figureText: '2,5 Mio.', lang: 'de' as const },
  ])('a cited figure whose quote shows another number: $figureText in “$quote”', ({ quote, figureText, lang }) => {
    const body = sentence(figure(figureText, { sourceId: 's1', quote, asOf: '2021' }))
    const analysis = analyseBody(body, lang, known)
    expect(analysis.figures[0]).toMatchObject({ text: figureText, cited: false, quoteShowsFigure: false })
    expect(analysis.findings.map((f) => [f.kind, f.text])).toEqual([['quote-mismatch', figureText]])
    // A quote that does not show the number is no evidence for it: the revision cannot publish.
    expect(analyseContent(content(body, { lang }), known).uncitedFigures.map((f) => f.text)).toEqual([figureText])
  })

  it.each([
    { quote: 'plus de 220 000 inscrits', figureText: '220,000', lang: 'en' as const },
    { quote: '220.000 registrierte Nutzer', figureText: '220,000', lang: 'en' as const },
    { quote: 'about 220k registered users', figureText: '220,000', lang: 'en' as const },
    { quote: 'un budget de 2,5 millions d’euros', figureText: '2.5 million', lang: 'en' as const },
    { quote: 'ein Budget von 2.500.000 Euro', figureText: '2,5 Mio.', lang: 'de' as const },
    { quote: '40 Prozent der Schulen', figureText: '40 %', lang: 'de' as const },
  ])('no finding when the quote shows the same number in another spelling: $figureText in “$quote”', ({ quote, figureText, lang }) => {
    const body = sentence(figure(figureText, { sourceId: 's1', quote, asOf: '2021' }))
    const analysis = analyseBody(body, lang, known)
    expect(analysis.figures[0]).toMatchObject({ cited: true, quoteShowsFigure: true })
    expect(analysis.findings).toEqual([])
  })

  it('says what is wrong in the page\'s language', () => {
    const body = sentence(figure('85.000', { sourceId: 's1', quote: '58 000', asOf: '2021' }))
    expect(analyseBody(body, 'de', known).findings.map((f) => f.message)).toEqual(['Das Zitat zeigt diese Zahl nicht.'])
    expect(analyseBody(sentence(text('85 000')), 'fr', known).findings.map((f) => f.message)).toEqual(['Ce chiffre n’a pas de source.'])
  })

  it('says only "uncited" for an uncited figure, not also that its quote does not show it', () => {
    const body = sentence(figure('85,000', { sourceId: 'gone', quote: '58 000 inscrits', asOf: '2021' }))
    expect(findingsOf(body).map(([kind]) => kind)).toEqual(['uncited-figure'])
  })
})

describe('every field goes through the figure rule', () => {
  const body = doc(p(text('Tchap is a messenger.')))
  it.each([
    { name: 'the title', overrides: { title: 'Tchap, used by 5,000 agencies' }, field: 'title', figure: '5,000' },
    { name: 'the summary', overrides: { summary: 'Three quarters of ministries use it.' }, field: 'summary', figure: 'Three quarters' },
    { name: 'a product name', overrides: { subjects: { proprietary: [{ name: 'Teams for 300 million users', vendor: 'Microsoft', homepage: '' }], alternatives: [] } }, field: 'subjects.proprietary.0.name', figure: '300 million' },
    { name: 'a category', overrides: { categories: ['messaging', 'used by 40 % of towns'] }, field: 'categories.1', figure: '40 %' },
  ])('an uncited figure in $name keeps the revision from publishing, naming the field', ({ overrides, field, figure: shown }) => {
    const analysis = analyseContent(content(body, overrides as never), known)
    expect(analysis.uncitedFigures.map((f) => [f.field, f.text])).toEqual([[field, shown]])
    expect(analysis.findings.filter((f) => f.kind === 'uncited-figure').map((f) => [f.field, f.text])).toEqual([[field, shown]])
  })

  it('reads the edit summary too, and leaves names, licences and links alone', () => {
    const analysis = analyseContent(content(body), known, { editSummary: 'Added that 12,000 schools switched' })
    expect(analysis.findings.map((f) => [f.field, f.text])).toEqual([['editSummary', '12,000']])
  })

  it('walks fields added later to the snapshot', () => {
    const extended = { ...content(body), products: [{ name: 'openDesk', metric: 'twice as many seats' }] }
    expect(analyseContent(extended, known).findings.map((f) => f.field)).toEqual(['fields.products.0.metric'])
  })
})
