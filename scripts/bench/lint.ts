// npx tsx scripts/bench/lint.ts [--runs 9] [--mb 1] [--json]
//
// What linting costs (figures and promotional language, as POST /api/v1/lint and every save run
// them): over about 1 MB of mixed English, German and French prose — the sentences of the demo
// comparisons and of the detector's test table, shuffled and repeated — each language's share
// linted in its language. The result is a ratio to a single regular-expression scan of the same
// text in the same run (/\d+/g, counting matches), the median of several runs, so it does not
// depend on how fast this machine happens to be. Absolute times are printed for reference only.
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { findFigures } from '#app/core/figures'
import type { Lang } from '#app/core/lang'
import { findMarketing } from '#app/core/marketing'
import { demoNeutralSentences } from '#db/seed/neutral-sentences'
import { FLAGGED, NEUTRAL } from '#test/fixtures/marketing-cases'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, mb: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } } })
const RUNS = Math.max(3, Number(values.runs))
const TARGET_BYTES = Math.max(0.1, Number(values.mb)) * 1_000_000

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** A deterministic shuffle (mulberry32), so every run lints the same text. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

/** Paragraphs of 4–8 sentences in one language, shuffled, until the text reaches the target size. */
function buildCorpus(): Array<{ lang: Lang; text: string }> {
  const sentences: Array<{ lang: Lang; text: string }> = [
    ...demoNeutralSentences().map((s) => ({ lang: s.lang, text: s.text })),
    ...[...NEUTRAL, ...FLAGGED].map(([lang, text]) => ({ lang, text })),
  ]
  const byLang = new Map<Lang, string[]>()
  for (const s of sentences) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s.text])
  const paragraphs: Array<{ lang: Lang; text: string }> = []
  let bytes = 0
  for (let round = 0; bytes < TARGET_BYTES; round++) {
    for (const [lang, list] of byLang) {
      const order = shuffled(list, round * 31 + lang.charCodeAt(0))
      for (let i = 0; i < order.length && bytes < TARGET_BYTES; ) {
        const size = 4 + ((i + round) % 5)
        const text = order.slice(i, i + size).join(' ')
        i += size
        paragraphs.push({ lang, text })
        bytes += Buffer.byteLength(text) + 1
      }
    }
  }
  return shuffled(paragraphs, 7)
}

const paragraphs = buildCorpus()
// Each language's paragraphs joined by "\n", as the app's plain text joins blocks.
const perLang = (['en', 'de', 'fr'] as const).map((lang) => ({ lang, text: paragraphs.filter((p) => p.lang === lang).map((p) => p.text).join('\n') }))
const whole = paragraphs.map((p) => p.text).join('\n')

function regexScan(): number {
  let n = 0
  const digits = /\d+/g
  while (digits.exec(whole) !== null) n++
  return n
}

function lint(): { figures: number; marketing: number } {
  let figures = 0
  let marketing = 0
  for (const { lang, text } of perLang) {
    figures += findFigures(text, lang).length
    marketing += findMarketing(text, lang).length
  }
  return { figures, marketing }
}

function time(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

// Warm up: build the per-language matchers and let the JIT settle before measuring.
lint()
regexScan()

// The regex scan takes about a millisecond: each baseline sample averages 20 scans so a timer
// tick or a GC pause does not become the denominator. Samples interleave with the lint runs, so
// both see the same machine load; the ratio is of the medians.
const SCANS_PER_SAMPLE = 20
const baseline: number[] = []
const linting: number[] = []
for (let i = 0; i < RUNS; i++) {
  baseline.push(time(() => { for (let k = 0; k < SCANS_PER_SAMPLE; k++) regexScan() }) / SCANS_PER_SAMPLE)
  linting.push(time(lint))
}
const ratios = linting.map((l, i) => l / baseline[i]!)
const counts = lint()
const result = {
  bytes: Buffer.byteLength(whole),
  paragraphs: paragraphs.length,
  languages: Object.fromEntries(perLang.map((p) => [p.lang, Buffer.byteLength(p.text)])),
  findings: counts,
  runs: RUNS,
  medianRegexMs: Number(median(baseline).toFixed(2)),
  medianLintMs: Number(median(linting).toFixed(2)),
  medianRatio: Number((median(linting) / median(baseline)).toFixed(1)),
  minRatio: Number(Math.min(...ratios).toFixed(1)),
  maxRatio: Number(Math.max(...ratios).toFixed(1)),
}
if (values.json) {
  console.log(JSON.stringify(result))
} else {
  console.log(`text:      ${(result.bytes / 1e6).toFixed(2)} MB in ${result.paragraphs} paragraphs (en ${result.languages.en} B, de ${result.languages.de} B, fr ${result.languages.fr} B)`)
  console.log(`found:     ${counts.figures} figures, ${counts.marketing} promotional phrases`)
  console.log(`baseline:  /\\d+/g over the same text, median ${result.medianRegexMs} ms`)
  console.log(`lint:      figures + promotional language, median ${result.medianLintMs} ms`)
  console.log(`ratio:     ${result.medianRatio}× the single regex scan (medians of ${RUNS} runs; per-run range ${result.minRatio}–${result.maxRatio}×)`)
}
