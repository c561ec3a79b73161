import { describe, expect, it } from 'vitest'
import { doc, figure, p, text } from '#test/fixtures/docs'
import { lintRequest } from './lint'

const known = async (ids: string[]) => new Set(ids.filter((id) => id === 's1'))

describe('lintRequest', () => {
  it('answers text in the documented shape, with UTF-16 offsets', async () => {
    const input = 'A world-class suite used by 200,000 people.'
    const result = await lintRequest({ text: input, lang: 'en' }, known)
    expect(result).toEqual({
      ok: true,
      value: {
        figures: [{ text: '200,000', start: 28, end: 35, cited: false }],
        marketing: [{ text: 'world-class', start: 2, end: 13, category: 'peacock', suggestion: expect.any(String) }],
        findings: [
          { code: 'promotional', kind: 'marketing', field: 'body', text: 'world-class', start: 2, end: 13, category: 'peacock', message: expect.any(String) },
          { code: 'uncited-figure', kind: 'uncited-figure', field: 'body', text: '200,000', start: 28, end: 35, category: null, message: 'This figure has no source.' },
        ],
      },
    })
    if (result.ok) for (const f of [...result.value.figures, ...result.value.marketing]) expect(input.slice(f.start, f.end)).toBe(f.text)
  })

  it('offsets a document into its text blocks joined by newlines, and knows cited figures', async () => {
    const body = doc(p(text('Intro.')), p(text('Tchap had '), figure('220,000', { sourceId: 's1', quote: '220 000 inscrits', asOf: '2021-03' }), text(' and 5,000 others.')))
    const result = await lintRequest({ doc: body, lang: 'en' }, known)
    expect(result.ok && result.value.figures).toEqual([
      { text: '220,000', start: 17, end: 24, cited: true },
      { text: '5,000', start: 29, end: 34, cited: false },
    ])
  })

  it.each([[{ text: 'x' }], [{ text: 'x', lang: 'es' }], [{ doc: { type: 'script' }, lang: 'en' }], [{ text: 1, lang: 'en' }], [null], [{ text: 'x', lang: 'en', extra: 1 }]])('refuses %j', async (input) => {
    expect((await lintRequest(input, known)).ok).toBe(false)
  })
})
