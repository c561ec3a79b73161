import { describe, expect, it } from 'vitest'
import { foldWord, queryWords, searchSnippet, snippetHtml } from './snippet'

const marked = (s: string) => s.replace(/\u0001/g, '[').replace(/\u0002/g, ']')

describe('searchSnippet', () => {
  const text = 'Sourced compares software. ' + Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ') + ' Tchap serves 600,000 agents of the French state. ' + Array.from({ length: 40 }, (_, i) => `tail${i}`).join(' ')

  it('shows the passage around the match, marked, cut with an ellipsis on both sides', () => {
    const snippet = marked(searchSnippet(text, queryWords('tchap')))
    expect(snippet).toBe('…word37 word38 word39 [Tchap] serves 600,000 agents of the French state. tail0 tail1 tail2 tail3…')
  })

  it('prefers the passage holding the most distinct words of the query', () => {
    const two = 'Tchap is a messenger. ' + 'filler '.repeat(30) + 'The French state runs Tchap for its agents.'
    expect(marked(searchSnippet(two, queryWords('tchap agents')))).toContain('[Tchap] for its [agents]')
  })

  it('folds case and accents both ways, as the engines do', () => {
    expect(marked(searchSnippet('Le télétravail a doublé.', queryWords('TELETRAVAIL')))).toBe('Le [télétravail] a doublé.')
    expect(marked(searchSnippet('Remote work (Teletravail).', queryWords('télétravail')))).toBe('Remote work ([Teletravail]).')
    expect(foldWord('Postfächer')).toBe('postfacher')
  })

  it('marks words that start with the last query word only when it was searched as a prefix', () => {
    expect(marked(searchSnippet('Collaboration tools', queryWords('collab'), { prefixLast: true }))).toBe('[Collaboration] tools')
    expect(marked(searchSnippet('Collaboration tools', queryWords('collab')))).toBe('Collaboration tools')
  })

  it('shows the opening when the words matched only the title or summary, and nothing for no text', () => {
    expect(marked(searchSnippet(text, queryWords('absent')))).toBe('Sourced compares software. word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12…')
    expect(searchSnippet('', queryWords('x'))).toBe('')
  })

  it('stays fast on a long page: it reads at most its first 30,000 characters', () => {
    const long = 'lorem ipsum '.repeat(100_000) + 'needle'
    const started = process.hrtime.bigint()
    expect(marked(searchSnippet(long, queryWords('needle')))).not.toContain('[needle]')
    // Generous bound; only a scan of the whole 1.2 MB would pass it (see docs/performance.md for timings).
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000)
  })

  it('keeps its markers apart from the text: snippetHtml escapes everything else', () => {
    expect(snippetHtml(searchSnippet('<b>Tchap</b> & co', queryWords('tchap')))).toBe('&lt;b&gt;<mark>Tchap</mark>&lt;/b&gt; &amp; co')
  })
})

describe('searchSnippet at the end of what it read', () => {
  it('cuts with an ellipsis when it stopped reading before the end of the text', () => {
    const text = `${'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen Tchap '.repeat(3)}end.`
    const snippet = searchSnippet(text, queryWords('tchap'))
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet.endsWith('end.')).toBe(false)
  })
})

describe('searchSnippet on decomposed text', () => {
  it('keeps an accent written as a separate mark inside its word', () => {
    expect(marked(searchSnippet('Le te\u0301le\u0301travail.', queryWords('teletravail')))).toBe('Le [télétravail].')
  })
})
