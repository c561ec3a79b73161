import { describe, expect, it } from 'vitest'
import { findMarketing } from '#app/core/marketing'
import { demoNeutralSentences } from './neutral-sentences'

/**
 * Precision on neutral text (docs/marketing-precision.md): the demo comparisons follow the
 * project's neutrality rules, so the detector must leave every sentence of them alone.
 */
describe('the promotional-language detector on the demo pages', () => {
  const sentences = demoNeutralSentences()

  it('scans a real corpus in all three languages', () => {
    expect(sentences.length).toBeGreaterThan(250)
    for (const lang of ['en', 'de', 'fr'] as const) expect(sentences.filter((s) => s.lang === lang).length).toBeGreaterThan(50)
  })

  it('flags no neutral sentence (attributed quotations exempt, as in the app)', () => {
    const flagged = sentences
      .map((s) => ({ page: s.page, text: s.text, findings: findMarketing(s.text, s.lang, { exemptRanges: s.exemptRanges }).map((f) => f.text) }))
      .filter((s) => s.findings.length > 0)
    expect(flagged).toEqual([])
  })

  it('finds the attributed quotations of the demo, which the count excludes as the app does', () => {
    const quoted = sentences.filter((s) => s.exemptRanges.length > 0).map((s) => s.text.slice(...s.exemptRanges[0]!))
    expect(quoted).toContain('„a superior alternative to proprietary offerings“')
  })
})
