// npx tsx scripts/bench/lint-quality.ts [--errors] [--json] [--compare-recognizers]
//
// How well the detectors keep the promise, on the labelled corpus in corpus/detection/: figure
// precision, recall and F1, recall per figure kind, non-figures reported as figures, and
// promotional and time-relative language, per language. `--errors` lists every mistake.
// `--compare-recognizers` also scores @microsoft/recognizers-text-number (EN, FR) as the figure
// detector, when it is installed (it is not a dependency; see docs/decisions/018-*.md).
import { parseArgs } from 'node:util'
import { LANGS, type Lang } from '#app/core/lang'
import { evaluate, FIGURE_KINDS, loadCorpus, NON_FIGURE_KINDS, ourFigures, type FigureDetector, type LanguageReport, type Scores } from './detection-corpus'

const { values } = parseArgs({ options: { errors: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, 'compare-recognizers': { type: 'boolean', default: false } } })

const corpus = loadCorpus()
const pct = (x: number) => `${(100 * x).toFixed(1)}`
const line = (s: Scores) => `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`

function print(name: string, lang: Lang, r: LanguageReport): void {
  const count = corpus.filter((s) => s.lang === lang).length
  console.log(`\n${name} — ${lang} (${count} sentences)`)
  console.log(`  figures         ${line(r.figures)}`)
  console.log(`  per kind        ${FIGURE_KINDS.map((k) => `${k} ${r.figureKinds[k]!.found}/${r.figureKinds[k]!.spans}`).join('  ')}`)
  const reported = NON_FIGURE_KINDS.map((k) => `${k} ${r.nonFigures[k]!.reported}/${r.nonFigures[k]!.spans}`).join('  ')
  console.log(`  non-figures     reported as figures: ${NON_FIGURE_KINDS.reduce((n, k) => n + r.nonFigures[k]!.reported, 0)}  (${reported})`)
  console.log(`  promotional     ${line(r.promotional)}`)
  console.log(`  time-relative   ${line(r.timeRelative)}`)
  if (values.errors) for (const e of r.errors) console.log(`    ${e.what.padEnd(10)} ${e.kind.padEnd(6)} «${e.text}»  in: ${e.sentence}`)
}

const reports = Object.fromEntries(LANGS.map((lang) => [lang, evaluate(corpus, lang)]))
if (values.json) console.log(JSON.stringify(reports, (k, v) => (k === 'errors' ? undefined : v), 2))
else for (const lang of LANGS) print('Sourced grammar', lang, reports[lang]!)

if (values['compare-recognizers']) {
  // Loaded by name at run time: the package is installed only for this measurement.
  const name = '@microsoft/recognizers-text-number'
  const recognizers = (await import(name)) as {
    NumberRecognizer: new (culture: string) => { getNumberModel(): { parse(text: string): Array<{ start: number; end: number; text: string }> } }
    Culture: { English: string; French: string }
  }
  const models = {
    en: new recognizers.NumberRecognizer(recognizers.Culture.English).getNumberModel(),
    fr: new recognizers.NumberRecognizer(recognizers.Culture.French).getNumberModel(),
  }
  for (const lang of ['en', 'fr'] as const) {
    // Its spans are inclusive of the last character.
    const detect: FigureDetector = (text) => models[lang].parse(text).map((r) => ({ start: r.start, end: r.end + 1, text: r.text }))
    print('recognizers-text-number alone', lang, evaluate(corpus, lang, detect))
    // The fairer use: our digit figures (with every exclusion rule), and its numbers in words in
    // place of our word grammar.
    const combined: FigureDetector = (text) =>
      [...ourFigures(text, lang).filter((f) => /\d/.test(f.text)), ...detect(text, lang).filter((r) => !/\d/.test(r.text))].sort((a, b) => a.start - b.start)
    print('our digits + recognizers-text-number words', lang, evaluate(corpus, lang, combined))
  }
}
