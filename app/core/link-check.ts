import { quoteAppears, quoteKey } from './quote-match'

/**
 * The link checker's rules, apart from its I/O: when a source is due, which outcomes are worth
 * a retry, how long to wait between attempts, and what a check says about each cited quote.
 */

export type LinkStatus = 'ok' | 'redirected' | 'dead' | 'blocked' | 'timeout' | 'too-large' | 'error'

/** Statuses that mean the reader cannot reach the source (re-checked sooner). */
export const BROKEN_STATUSES: readonly LinkStatus[] = ['dead', 'timeout', 'error']

export interface Schedule {
  /** A reachable source is checked again after this many hours (default a week). */
  intervalHours: number
  /** A broken one sooner, so a fixed link stops showing as dead within a day. */
  brokenIntervalHours: number
}

/** Sources checked before these instants are due (`checked_at < threshold`). */
export function dueThresholds(now: Date, schedule: Schedule): { regular: string; broken: string } {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString()
  return { regular: hoursAgo(schedule.intervalHours), broken: hoursAgo(schedule.brokenIntervalHours) }
}

export function isDue(
  source: { linkStatus: string | null; linkCheckedAt: string | null },
  now: Date,
  schedule: Schedule,
): boolean {
  if (source.linkCheckedAt === null) return true
  const { regular, broken } = dueThresholds(now, schedule)
  const threshold = BROKEN_STATUSES.includes(source.linkStatus as LinkStatus) ? broken : regular
  return source.linkCheckedAt < threshold
}

/**
 * Worth another attempt before it is recorded: a timeout, a failure of our own, a server error or
 * a connection that failed. A 404 or 410, a blocked address, a page that arrived: recorded at once.
 */
export function isTransient(status: LinkStatus, httpStatus: number | null): boolean {
  if (status === 'timeout' || status === 'error') return true
  if (status === 'dead') return httpStatus === null || httpStatus >= 500 || httpStatus === 429
  return false
}

/** Exponential backoff: 1, 4, 16 … minutes after the 1st, 2nd, 3rd failed attempt, at most a day. */
export function retryDelayMs(attempt: number, baseMs = 60_000): number {
  return Math.min(baseMs * 4 ** Math.max(0, attempt - 1), 86_400_000)
}

export interface QuoteResult {
  quote: string
  /** true: appears; false: the page was read and it does not; null: the page could not be read. */
  found: boolean | null
}

/**
 * What one check says about each quote. `normalisedText` is the page's text after
 * normaliseForMatch, or null when nothing readable arrived (dead, blocked, not text). A page cut
 * at the size limit can confirm a quote but not deny one: the quote may lie past the cut.
 */
export function judgeQuotes(quotes: readonly string[], normalisedText: string | null, complete: boolean): QuoteResult[] {
  const seen = new Set<string>()
  const results: QuoteResult[] = []
  for (const quote of quotes) {
    const key = quoteKey(quote)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    if (normalisedText === null) {
      results.push({ quote, found: null })
      continue
    }
    const found = quoteAppears(quote, normalisedText)
    results.push({ quote, found: found ? true : complete ? false : null })
  }
  return results
}

/** The result for `quote` in a check, or null when that check did not look for it. */
export function findQuoteResult(results: readonly QuoteResult[], quote: string): QuoteResult | null {
  const key = quoteKey(quote)
  return results.find((r) => quoteKey(r.quote) === key) ?? null
}

/** Reads a link_checks.quote_results value defensively: a malformed row means "no results". */
export function parseQuoteResults(json: string): QuoteResult[] {
  try {
    const value: unknown = JSON.parse(json)
    if (!Array.isArray(value)) return []
    return value
      .filter((r): r is { quote: string; found: unknown } => typeof r === 'object' && r !== null && typeof (r as { quote?: unknown }).quote === 'string')
      .map((r) => ({ quote: r.quote, found: r.found === true ? true : r.found === false ? false : null }))
  } catch {
    return []
  }
}

/**
 * What the latest check of a source says about one quote: found, not found or unknown (null:
 * no check yet, the page was unreadable, or the quote was added after the check), and when.
 */
export function quoteCheckOf(
  check: { checkedAt: string; quoteResults: readonly QuoteResult[] } | undefined,
  quote: string | null,
): { quoteFound: boolean | null; quoteCheckedAt: string | null } {
  if (!check || !quote) return { quoteFound: null, quoteCheckedAt: null }
  const result = findQuoteResult(check.quoteResults, quote)
  return result ? { quoteFound: result.found, quoteCheckedAt: check.checkedAt } : { quoteFound: null, quoteCheckedAt: null }
}

export interface SourceQuote {
  sourceId: string
  /** The quoted passage; null for a citation that names the source without quoting it. */
  quote: string | null
}

/**
 * The sources a revision cites in a way the revision before it did not: a source it newly cites,
 * or a quote of a source that is new (compared after normalisation, so re-spacing a quote is not
 * new). Their next check is worth having soon: the moderator reviewing the revision and its
 * editor see the link status and whether each new quote is on the page. Sorted, without repeats.
 */
export function sourcesToRecheck(before: readonly SourceQuote[], after: readonly SourceQuote[]): string[] {
  const key = (c: SourceQuote) => `${c.sourceId}\u0000${c.quote === null ? '' : quoteKey(c.quote)}`
  const known = new Set(before.map(key))
  return [...new Set(after.filter((c) => !known.has(key(c))).map((c) => c.sourceId))].sort()
}

/**
 * When a check queued by a save may run: at once, unless the source was checked less than
 * `minSpacingMs` ago — then that long after its last check, so that saving again and again cannot
 * make the checker hammer someone else's site.
 */
export function recheckAt(lastCheckedAt: string | null, now: Date, minSpacingMs: number): Date {
  const last = lastCheckedAt === null ? Number.NaN : Date.parse(lastCheckedAt)
  if (Number.isNaN(last)) return now
  return new Date(Math.max(now.getTime(), last + minSpacingMs))
}

/**
 * What a pass's network-level failures (a failed name lookup, a connection that could not be
 * opened) say, judged together:
 * - 'online': some host answered (any HTTP status), so the network works and a host that could
 *   not be reached is the source's own problem — recorded as before (retried, then dead).
 * - 'offline': no host answered and at least `minHosts` distinct hosts failed at the network
 *   level. One site can vanish; that many at once, with nothing answering, is this machine.
 * - 'unconfirmed': no host answered and too few failed to say. Nothing is recorded either way.
 * Hosts are compared as host:port, so local test servers count apart.
 */
export type NetworkVerdict = 'online' | 'offline' | 'unconfirmed'

export function judgeNetwork(observed: { answeredHosts: number; failedHosts: number }, minHosts: number): NetworkVerdict {
  if (observed.answeredHosts > 0) return 'online'
  return observed.failedHosts >= minHosts ? 'offline' : 'unconfirmed'
}
