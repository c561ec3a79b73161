import type { DocNode, PageContent } from '#app/core/content'

// The document: prose sections and one feature table, 300 figures each in a figure mark with its
// source, quote and as-of date, plus uncited numbers in the prose; about 200 KB of JSON. Each
// `variant` has different text in every block and quote (and other figures), so that no cache of
// an earlier variant's analysis helps: the cost of a page this process has never seen.

export const FIGURES = 300

const text = (t: string, marks?: DocNode['marks']): DocNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t })
const para = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })
const FORMATS = [(n: number) => `${(n * 1_137).toLocaleString('en-US')}`, (n: number) => `${(n % 90) + 5}%`, (n: number) => `${(n % 9) + 1}.${n % 10} million`, (n: number) => `€${(n % 40) + 2}m`]

/** A word made of letters only (a digit would be one more figure): 0 → "ka", 1 → "kb"… */
export function variantWord(variant: number): string {
  let word = ''
  for (let n = variant; ; n = Math.floor(n / 26) - 1) {
    word = String.fromCharCode(97 + (n % 26)) + word
    if (n < 26) break
  }
  return `k${word}`
}

function figureNode(i: number, sourceIds: string[], variant: number): DocNode {
  const figure = FORMATS[i % FORMATS.length]!(i + 1 + variant * 7919)
  return text(figure, [{ type: 'figure', attrs: { sourceId: sourceIds[i % sourceIds.length]!, quote: `According to the annual report (${variantWord(variant)}) on the digital workplace, the service reached ${figure} in the period under review, as the table on deployment shows.`, asOf: `20${20 + (i % 5)}-0${(i % 9) + 1}`, metric: i % 2 ? 'registered users' : 'daily active users' } }])
}

const PLAIN = 'The public administration evaluated hosting, interoperability with existing directories, the migration of archives and the training of staff before deciding on a timetable for the switch.'

export function benchDocument(sourceIds: string[], variant = 0): PageContent {
  const FILLER = `${PLAIN} (${variantWord(variant)})`
  const blocks: DocNode[] = []
  let figure = 0
  const proseFigures = FIGURES - 120
  for (let section = 0; figure < proseFigures; section++) {
    const name = String.fromCharCode(65 + section)
    blocks.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Deployment in region ${name}`)] })
    blocks.push(para(text(`${FILLER} ${FILLER}`)))
    for (let k = 0; k < 6 && figure < proseFigures; k++) {
      // Every third paragraph also states a number nobody cited: the findings a moderator sees.
      const uncited = k % 3 === 0 ? ` About ${(section + 2) * 150 + k} staff hours went into support.` : ''
      blocks.push(para(text(`${FILLER} By the end of the pilot, `), figureNode(figure++, sourceIds, variant), text(` accounts were active, and `), figureNode(figure++, sourceIds, variant), text(` of ministries had moved.${uncited} ${FILLER} ${FILLER} ${FILLER}`)))
    }
  }
  const header = ['Product', 'Users', 'Share', 'Budget'].map((h) => ({ type: 'tableHeader', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para(text(h))] }))
  const rows: DocNode[] = [{ type: 'tableRow', content: header }]
  for (let r = 0; figure < FIGURES; r++) {
    const cells = [para(text(`Product ${String.fromCharCode(65 + (r % 26))}${r >= 26 ? String.fromCharCode(65 + Math.floor(r / 26)) : ''}`)), para(figureNode(figure++, sourceIds, variant)), para(figureNode(figure++, sourceIds, variant)), para(figureNode(figure++, sourceIds, variant))]
    rows.push({ type: 'tableRow', content: cells.map((c) => ({ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [c] })) })
  }
  blocks.push({ type: 'table', content: rows })
  return {
    title: 'Benchmark comparison',
    summary: 'A large comparison used to measure the cost of a save.',
    lang: 'en',
    subjects: { proprietary: [{ name: 'Microsoft 365', vendor: 'Microsoft', homepage: 'https://www.microsoft.com/microsoft-365' }], alternatives: [{ name: 'openDesk', vendor: 'ZenDiS', homepage: 'https://www.opendesk.eu', license: 'Apache-2.0', repository: 'https://gitlab.opencode.de/bmi/opendesk' }] },
    categories: ['office', 'collaboration'],
    body: { type: 'doc', content: blocks },
  }
}

