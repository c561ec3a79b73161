import { describe, expect, it } from 'vitest'
import { LANGS } from '#app/core/lang'
import { evaluate, loadCorpus, NON_FIGURE_KINDS, parseMarkup } from './detection-corpus'

// Issue 14's targets, per language, on the labelled corpus in corpus/detection/.
const corpus = loadCorpus()

describe('the labelled corpus', () => {
  it('has at least 600 sentences, 200 per language, in the five styles', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(600)
    for (const lang of LANGS) {
      const sentences = corpus.filter((s) => s.lang === lang)
      expect(sentences.length).toBeGreaterThanOrEqual(200)
      expect(new Set(sentences.map((s) => s.style))).toEqual(new Set(['announce', 'press', 'vendor', 'forum', 'encyclopedic']))
    }
  })

  it('reads its markup into text and spans', () => {
    expect(parseMarkup('Over {word:a million} users, {P:the safest}.')).toEqual({
      text: 'Over a million users, the safest.',
      spans: [{ kind: 'word', start: 5, end: 14 }, { kind: 'P', start: 22, end: 32 }],
    })
    expect(() => parseMarkup('{nope:1}')).toThrow(/unknown span kind/)
  })
})

describe.each(LANGS)('detection quality in %s', (lang) => {
  const report = evaluate(corpus, lang)

  it('finds figures with F1 ≥ 0.97', () => {
    expect(report.figures.f1).toBeGreaterThanOrEqual(0.97)
  })

  it('reports no number of the non-figure kinds as a figure', () => {
    const reported = Object.fromEntries(NON_FIGURE_KINDS.map((k) => [k, report.nonFigures[k]!.reported]))
    expect(reported).toEqual(Object.fromEntries(NON_FIGURE_KINDS.map((k) => [k, 0])))
  })

  it('finds promotional language with recall ≥ 0.85 at precision ≥ 0.95', () => {
    expect(report.promotional.recall).toBeGreaterThanOrEqual(0.85)
    expect(report.promotional.precision).toBeGreaterThanOrEqual(0.95)
  })
})
