import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LANGS, type Lang } from './lang'
import { LEXICON, SUGGESTIONS } from './lexicon'
import { findMarketing, lexiconSize } from './marketing'
import { FLAGGED, NEUTRAL, type Case } from '#test/fixtures/marketing-cases'

const CASES: readonly Case[] = [...NEUTRAL, ...FLAGGED]

describe('findMarketing: table', () => {
  it('covers enough ground', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100)
    expect(NEUTRAL.length).toBeGreaterThanOrEqual(40)
    for (const lang of LANGS) expect(CASES.filter(([l]) => l === lang).length).toBeGreaterThanOrEqual(30)
  })

  it.each(CASES)('%s: %s', (lang, input, expected) => {
    const findings = findMarketing(input, lang)
    expect(findings.map((f) => [f.text, f.category])).toEqual(expected)
    for (const f of findings) expect(input.slice(f.start, f.end)).toBe(f.text)
  })
})

describe('findMarketing: suggestions', () => {
  it('writes the suggestion in the language of the text, naming the matched words', () => {
    expect(findMarketing('openDesk is the leading suite.', 'en')[0]?.suggestion).toBe(
      "Say what it does, with a source, instead of 'leading'.",
    )
    expect(findMarketing('openDesk ist die führende Lösung.', 'de')[0]?.suggestion).toContain('statt ‚führende‘')
    expect(findMarketing('Nextcloud est le leader du marché.', 'fr')[0]?.suggestion).toContain('au lieu de « leader »')
  })

  it('uses entry-specific advice where there is better advice', () => {
    expect(findMarketing('An award-winning suite.', 'en')[0]?.suggestion).toContain('Name the award')
    expect(findMarketing('Das Projekt wird bis heute gepflegt.', 'de')[0]?.suggestion).toContain('bis <Monat Jahr>')
  })
})

describe('findMarketing: exemptions', () => {
  const text = 'openDesk is the leading suite. Tchap is currently used by 375,000 people.'
  const leading = text.indexOf('leading')

  it('drops findings inside caller-provided exempt ranges', () => {
    expect(findMarketing(text, 'en', { exemptRanges: [[0, 30]] }).map((f) => f.text)).toEqual(['currently'])
    expect(findMarketing(text, 'en', { exemptRanges: [[leading, leading + 7]] }).map((f) => f.text)).toEqual(['currently'])
  })

  it('keeps findings only partly covered, and ignores malformed ranges', () => {
    expect(findMarketing(text, 'en', { exemptRanges: [[leading + 1, leading + 7]] }).map((f) => f.text)).toEqual(['leading', 'currently'])
    const malformed = [[Number.NaN, 10], [20, 5], [Number.POSITIVE_INFINITY, 3]] as unknown as Array<[number, number]>
    expect(findMarketing(text, 'en', { exemptRanges: malformed })).toHaveLength(2)
  })

  it('merges overlapping exempt ranges', () => {
    expect(findMarketing(text, 'en', { exemptRanges: [[leading + 3, 40], [0, leading + 4]] }).map((f) => f.text)).toEqual(['currently'])
  })

  it('keeps an unattributed quote in one sentence while exempting an attributed one in the next', () => {
    const two = 'The blog calls it "world-class". Critics were not asked: "world-class".'
    expect(findMarketing(two, 'en').map((f) => f.start)).toEqual([two.lastIndexOf('world-class')])
  })
})

describe('findMarketing: robustness', () => {
  it('returns nothing for empty text or an unknown language', () => {
    expect(findMarketing('', 'en')).toEqual([])
    expect(findMarketing('the leading suite', 'xx' as Lang)).toEqual([])
  })

  it('gives the same answer on repeated and interleaved calls', () => {
    const en = 'Currently the leading suite.'
    const first = findMarketing(en, 'en')
    findMarketing('Derzeit die führende Lösung.', 'de')
    expect(findMarketing(en, 'en')).toEqual(first)
  })

  it('scans a megabyte in one pass', () => {
    const paragraph = 'Tchap had 220,000 registered users in March 2021. openDesk is currently the leading suite. '
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))
    // Speed is measured in scripts/bench/lint.ts, not asserted here; the test timeout guards
    // against pathological backtracking.
    const findings = findMarketing(text, 'en')
    expect(findings.length).toBe(2 * Math.ceil(1_000_000 / paragraph.length))
  })

  const pieces = fc.constantFrom(
    ' ', '\u00A0', '\n', '.', ',', '"', '“', '”', '„', '«', '»', "'", '’', '‚', '‘', '(', ')', '-',
    'leading', 'Leading', 'the', 'said', 'selon', 'laut', 'currently', 'Derzeit', 'heute', 'bis', '2025',
    'as of', 'Stand:', 'setzt', 'Maßstäbe', 'Massstäbe', 'il y a', 'ans', 'vor', 'Jahren', "d'avant-garde",
    'alternative souveraine crédible', 'unique', 'constraint', 'TOP', 'super', '-administrateur', 'ß', 'é',
    '\uD800', '\uDC00', '😀',
  )
  const texts = fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''))
  const ranges = fc.array(fc.tuple(fc.integer({ min: -5, max: 400 }), fc.integer({ min: -5, max: 400 })), { maxLength: 4 })

  it('never throws and returns sorted, non-overlapping, exact findings', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...LANGS), ranges, (text, lang, exemptRanges) => {
        const findings = findMarketing(text, lang, { exemptRanges })
        let previousEnd = 0
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd)
          expect(f.end).toBeGreaterThan(f.start)
          expect(text.slice(f.start, f.end)).toBe(f.text)
          expect(f.suggestion.length).toBeGreaterThan(0)
          expect(Object.keys(SUGGESTIONS.en)).toContain(f.category)
          previousEnd = f.end
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('lexicon', () => {
  it('reports its size per language', () => {
    const size = lexiconSize()
    for (const lang of LANGS) {
      expect(size[lang]).toBe(LEXICON[lang].length)
      expect(size[lang]).toBeGreaterThan(200)
    }
  })

  it('has a suggestion template naming the term for every language and category', () => {
    for (const lang of LANGS) {
      for (const template of Object.values(SUGGESTIONS[lang])) expect(template).toContain('{t}')
    }
  })

  // Every unguarded term must compile and be found as the whole text: catches typos in the term syntax.
  const standalone = LANGS.flatMap((lang) =>
    LEXICON[lang]
      .filter((entry) => entry.guard?.requireBefore === undefined && entry.guard?.requireAfter === undefined)
      .map((entry) => [lang, entry.term.replace(/ ~ /g, ' ').replace(/ # /g, ' 2 '), entry.category] as const),
  )
  it.each(standalone)('%s: finds "%s" on its own', (lang, term, category) => {
    expect(findMarketing(`${term}.`, lang).map((f) => [f.text, f.category])).toEqual([[term, category]])
  })
})
