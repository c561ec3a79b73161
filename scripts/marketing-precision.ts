/**
 * Measures the promotional-language detector on neutral text: every sentence of the demo
 * comparisons (titles, summaries and bodies; attributed quotations exempt as in the app).
 * Prints the figures recorded in docs/marketing-precision.md, and each false positive.
 *
 *   npx tsx scripts/marketing-precision.ts
 */
import { findMarketing } from '#app/core/marketing'
import { demoNeutralSentences } from '#db/seed/neutral-sentences'

const sentences = demoNeutralSentences()
const flagged = sentences
  .map((s) => ({ ...s, findings: findMarketing(s.text, s.lang, { exemptRanges: s.exemptRanges }) }))
  .filter((s) => s.findings.length > 0)
const byLang = new Map<string, number>()
for (const s of sentences) byLang.set(s.lang, (byLang.get(s.lang) ?? 0) + 1)
const findings = flagged.reduce((n, s) => n + s.findings.length, 0)
const precision = sentences.length === 0 ? 1 : 1 - flagged.length / sentences.length

console.log(`sentences scanned:   ${sentences.length} (${[...byLang].map(([l, n]) => `${l} ${n}`).join(', ')})`)
console.log(`words scanned:       ${sentences.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0)}`)
console.log(`false positives:     ${flagged.length} sentence(s), ${findings} finding(s)`)
console.log(`precision (neutral): ${(precision * 100).toFixed(2)} % of sentences left alone`)
for (const s of flagged) {
  console.log(`  ${s.page} [${s.lang}] ${s.findings.map((f) => `"${f.text}" (${f.category})`).join(', ')}: ${s.text}`)
}
