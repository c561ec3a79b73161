import { escapeHtml } from './html'

// Markers chosen because they cannot occur in validated content (control characters are refused).
const MATCH_START = '\u0001'
const MATCH_STOP = '\u0002'

/** A search snippet (matches between \u0001 and \u0002) as safe HTML with <mark>ed matches. */
export function snippetHtml(snippet: string): string {
  return escapeHtml(snippet.replace(/[\u0003-\u001f]/g, ' ')).replace(/\u0001/g, '<mark>').replace(/\u0002/g, '</mark>')
}

const WORD = /[\p{L}\p{N}]+/gu

/** A word as both search engines compare it: case and accents folded ("Télé" is "tele"). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a query, folded, in order: what a snippet marks. */
export function queryWords(query: string): string[] {
  return [...query.normalize('NFKC').matchAll(WORD)].map((m) => foldWord(m[0]))
}

/** How far into a page a snippet looks for the query's words: a long page's opening is enough. */
const SCANNED = 30_000
/** Words shown before the first match, for context. */
const LEAD = 3

/**
 * The passage of `text` that shows most of the query's words, `size` words long, with each match
 * between the markers and "…" where the text was cut; the text's opening when nothing matches (the
 * match was in the title or summary). `prefixLast` marks words starting with the query's last
 * word, as the search did when that word was still being typed. Built here rather than by the
 * engines (FTS5's snippet, PostgreSQL's ts_headline) so it costs the same on both and is made
 * only for the hits shown, not for every candidate ranked.
 */
export function searchSnippet(whole: string, words: readonly string[], options: { prefixLast?: boolean; size?: number } = {}): string {
  const size = options.size ?? 16
  // Composed, so an accent written as a separate mark stays inside its word.
  const text = whole.slice(0, SCANNED).normalize('NFC')
  const exact = new Set(options.prefixLast ? words.slice(0, -1) : words)
  const prefix = options.prefixLast ? words.at(-1) : undefined
  const wanted = new Set([...exact, ...(prefix ? [prefix] : [])]).size
  // Folding never shortens a word, so a word longer than every query word (with no prefix) is no match.
  const longest = prefix === undefined ? Math.max(0, ...[...exact].map((w) => w.length)) : Infinity
  const keyOf = (word: string): string | null => {
    if (word.length > longest) return null
    const lower = word.toLowerCase()
    const folded = /[^\x00-\x7f]/.test(lower) ? foldWord(lower) : lower
    if (exact.has(folded)) return folded
    return prefix !== undefined && folded.startsWith(prefix) ? prefix : null
  }
  const starts: number[] = []
  const ends: number[] = []
  const keys: Array<string | null> = []
  // A window of `size` words slides over the text, counting the query's words inside it.
  const inWindow = new Map<string, number>()
  let matches = 0
  let best = { first: 0, score: -1 }
  let stopAt = Infinity
  let read = whole.length <= SCANNED
  for (const m of text.matchAll(WORD)) {
    const key = keyOf(m[0])
    starts.push(m.index)
    ends.push(m.index + m[0].length)
    keys.push(key)
    if (key) {
      inWindow.set(key, (inWindow.get(key) ?? 0) + 1)
      matches++
    }
    const leaving = keys.length - 1 - size
    if (leaving >= 0) {
      const gone = keys[leaving]
      if (gone) {
        const left = inWindow.get(gone)! - 1
        if (left === 0) inWindow.delete(gone)
        else inWindow.set(gone, left)
        matches--
      }
    }
    const score = inWindow.size * 1000 + matches
    if (score > best.score) best = { first: Math.max(0, keys.length - size), score }
    // Every word of the query in view: later windows could only add repeats. Read one window
    // further, so the passage can start a little before its first match.
    if (inWindow.size === wanted && stopAt === Infinity) stopAt = keys.length + size
    if (keys.length >= stopAt) {
      read = false
      break
    }
  }
  if (keys.length === 0) return ''
  const firstMatch = keys.findIndex((key, i) => i >= best.first && key !== null)
  const first = firstMatch < 0 ? 0 : Math.max(0, Math.min(firstMatch - LEAD, keys.length - size))
  const last = Math.min(keys.length, first + size) - 1
  // The text itself at either end the passage reaches (punctuation included), "…" where cut.
  const end = read && last === keys.length - 1
  const shown = (i: number) => (keys[i] ? `${MATCH_START}${text.slice(starts[i]!, ends[i]!)}${MATCH_STOP}` : text.slice(starts[i]!, ends[i]!))
  let out = first > 0 ? '…' : text.slice(0, starts[0]!).trimStart()
  for (let i = first; i <= last; i++) out += (i > first ? text.slice(ends[i - 1]!, starts[i]!) : '') + shown(i)
  return end ? out + text.slice(ends[last]!).trimEnd() : `${out}…`
}
