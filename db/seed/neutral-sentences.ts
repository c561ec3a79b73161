/**
 * The demo comparisons as a corpus of neutral prose, for measuring the promotional-language
 * detector's false alarms (docs/marketing-precision.md). The demo pages are written to the
 * project's own neutrality rules, so any finding in them is a false positive — except inside
 * quotations attributed to a source, which the app exempts too and which are scanned the same way here.
 */
import { attributedQuotations } from '#app/core/analyse'
import type { Lang } from '#app/core/lang'
import { flattenDoc } from '#app/core/plain-text'
import { demoPages } from './demo-content'

export interface NeutralSentence {
  page: string
  lang: Lang
  /** The sentence as the detector sees it. */
  text: string
  /** Attributed quotations inside it ([start, end) into `text`): exempt, as in the app. */
  exemptRanges: Array<[number, number]>
}

/** Sentence ends: ., !, ? or … before a space and a capital, digit or opening mark; and every line break. */
const SENTENCE_BREAK = /(?<=[.!?…]["”»“)]?)\s+(?=[\p{Lu}\p{N}"“„«(])|\n/gu

function splitSentences(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let start = 0
  for (const match of text.matchAll(SENTENCE_BREAK)) {
    if (match.index > start) ranges.push([start, match.index])
    start = match.index + match[0].length
  }
  if (start < text.length) ranges.push([start, text.length])
  return ranges.filter(([s, e]) => text.slice(s, e).trim() !== '')
}

export function demoNeutralSentences(): NeutralSentence[] {
  const sentences: NeutralSentence[] = []
  for (const page of demoPages) {
    const { lang } = page.content
    for (const field of [page.content.title, page.content.summary]) {
      for (const [s, e] of splitSentences(field)) sentences.push({ page: page.slug, lang, text: field.slice(s, e), exemptRanges: [] })
    }
    const flat = flattenDoc(page.content.body)
    const quotes = attributedQuotations(flat)
    for (const [s, e] of splitSentences(flat.text)) {
      const exemptRanges = quotes
        .filter(([qs, qe]) => qs < e && qe > s)
        .map(([qs, qe]): [number, number] => [Math.max(qs, s) - s, Math.min(qe, e) - s])
      sentences.push({ page: page.slug, lang, text: flat.text.slice(s, e), exemptRanges })
    }
  }
  return sentences
}
