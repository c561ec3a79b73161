import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Analysis } from '#app/core/analyse'
import { htmlToText, collapseWhitespace } from '#app/core/html-text'
import { dueThresholds, isTransient, judgeQuotes, recheckAt, retryDelayMs, sourcesToRecheck, type LinkStatus, type QuoteResult, type Schedule, type SourceQuote } from '#app/core/link-check'
import { normaliseForMatch } from '#app/core/quote-match'
import { config, type Config } from '#app/config.server'
import { log } from '#app/infra/logger.server'
import type { Connection, DB } from '#app/models/db.server'
import { listCitations, listFigures } from '#app/models/evidence.server'
import { claimJob, completeJob, deleteFinishedJobs, enqueueJobs, failJob, type Job, type NewJob } from '#app/models/jobs.server'
import { listQuotesCitingSource, listSourcesDue, recordLinkCheck } from '#app/models/link-checks.server'
import { nowIso } from '#app/models/ids.server'
import { getSource, getSourcesByIds } from '#app/models/sources.server'
import { fetchPublic, type FetchPublicOptions, type FetchPublicResult } from './fetch-public.server'

/**
 * The link checker: finds the sources that are due, queues one `check-source` job each, and works
 * the queue — fetch the source (public addresses only, through fetchPublic), read its text, and
 * record whether each cited quote still appears. Runs in-process on a timer (startLinkChecker,
 * from bootstrap) and from the command line (`npm run check-links`); both use the job table, so
 * any number of instances and a CLI run can work side by side without checking a source twice.
 * A save that cites a source anew queues its check at once and wakes this process's checker
 * (queueChecksForRevision), so new quotes are judged within seconds, not at the next weekly turn.
 */

export const CHECK_SOURCE = 'check-source'

export interface LinkCheckerSettings extends Schedule {
  /** Attempts per job before a transient failure is recorded as the result. */
  maxAttempts: number
  /** Jobs worked per scheduled pass, so one pass stays short. */
  batchSize: number
  /** Fetches in flight at once. */
  concurrency: number
  /** Minutes between scheduled passes (jittered). */
  intervalMinutes: number
  /** How long a claimed job stays locked: longer than a fetch can take. */
  lockMs: number
  /** Base of the exponential backoff between attempts. */
  retryBaseMs: number
  /** How soon a pass runs after a save queued checks (wakeLinkCheckers): long enough for the
   * save's transaction to commit, short enough that its editor and moderator see the result. */
  wakeDelayMs: number
  fetch: FetchPublicOptions
}

/**
 * The test-only allowlist of host:port pairs the checker may reach although they are not public.
 *
 * Why an environment variable at all: `npm run check-links` is tested as the separate process it
 * is in production, and a separate process cannot be handed an option. Why it cannot leak into
 * production: it is honoured only when NODE_ENV is exactly "test" (Vitest sets it; `npm run serve`
 * and the test server set "production", a plain `npm run check-links` leaves it unset), and a
 * value set anywhere else is refused loudly rather than silently honoured. In-process tests pass
 * `fetch.testAllowlist` directly instead.
 */
export function testAllowlist(settings: Pick<Config, 'nodeEnv' | 'env'> = config): ReadonlySet<string> | undefined {
  const raw = settings.env.LINK_CHECK_TEST_ALLOWLIST
  if (raw === undefined || raw.trim() === '') return undefined
  if (settings.nodeEnv !== 'test') {
    log('warn', 'LINK_CHECK_TEST_ALLOWLIST is ignored outside NODE_ENV=test', {})
    return undefined
  }
  return new Set(raw.split(',').map((entry) => entry.trim()).filter(Boolean))
}

/** Settings from the configuration (documented in the README); defaults suit one small instance. */
export function linkCheckerSettings(settings: Config = config): LinkCheckerSettings {
  const env = settings.env
  const allowlist = testAllowlist(settings)
  return {
    intervalHours: env.LINK_CHECK_INTERVAL_HOURS,
    brokenIntervalHours: env.LINK_CHECK_BROKEN_INTERVAL_HOURS,
    maxAttempts: Math.floor(env.LINK_CHECK_MAX_ATTEMPTS),
    batchSize: Math.floor(env.LINK_CHECK_BATCH),
    concurrency: Math.floor(env.LINK_CHECK_CONCURRENCY),
    intervalMinutes: env.LINK_CHECK_INTERVAL_MINUTES,
    lockMs: 5 * 60_000,
    retryBaseMs: 60_000,
    wakeDelayMs: 5_000,
    fetch: {
      connectTimeoutMs: env.LINK_CHECK_CONNECT_TIMEOUT_MS,
      totalTimeoutMs: env.LINK_CHECK_TIMEOUT_MS,
      maxBytes: 1_048_576,
      maxRedirects: 5,
      ...(allowlist ? { testAllowlist: allowlist } : {}),
    },
  }
}

/** Queues a check for every source that is due. Returns how many jobs were added. */
export async function enqueueDueChecks(db: Connection, settings: Schedule, now = new Date(), limit = 10_000): Promise<number> {
  const due = await listSourcesDue(db, dueThresholds(now, settings), limit)
  return enqueueJobs(db, due.map((sourceId) => checkJob(sourceId, now)))
}

function checkJob(sourceId: string, runAt: Date): NewJob {
  return { kind: CHECK_SOURCE, dedupeKey: `${CHECK_SOURCE}:${sourceId}`, payload: { sourceId }, runAt }
}

/**
 * A source checked this recently is fetched again for a save only once this much time has passed
 * since that check: saving again and again must not make the checker hammer someone else's site.
 */
export const SAVE_RECHECK_SPACING_MS = 15 * 60_000

/**
 * Queues a check of each source a new revision cites in a way the revision before it did not (a
 * source newly cited, or a new quote of one): due at once, or SAVE_RECHECK_SPACING_MS after the
 * source's last check. Runs in the save's transaction, so the jobs exist exactly when the revision
 * does; then asks this process's link checker for a pass soon (after wakeDelayMs, by which the
 * transaction has committed; should it not have, the job waits for the next regular pass).
 * Returns the ids of the sources whose check is due now.
 */
export async function queueChecksForRevision(
  db: DB,
  input: { parentId: string | null; analysis: Pick<Analysis, 'figures' | 'citations'> },
  now = new Date(),
): Promise<string[]> {
  const after: SourceQuote[] = []
  for (const f of input.analysis.figures) if (f.sourceKnown && f.sourceId !== null) after.push({ sourceId: f.sourceId, quote: f.quote })
  for (const c of input.analysis.citations) if (c.known && c.sourceId !== null) after.push({ sourceId: c.sourceId, quote: c.quote })
  if (after.length === 0) return []
  const before: SourceQuote[] = []
  if (input.parentId !== null) {
    // One after the other: inside a transaction they share one connection anyway.
    const figures = await listFigures(db, input.parentId)
    const citations = await listCitations(db, input.parentId)
    for (const r of [...figures, ...citations]) if (r.sourceId !== null) before.push({ sourceId: r.sourceId, quote: r.quote })
  }
  const sourceIds = sourcesToRecheck(before, after)
  if (sourceIds.length === 0) return []
  const sources = await getSourcesByIds(db, sourceIds)
  const dueNow: string[] = []
  const jobs: NewJob[] = []
  for (const sourceId of sourceIds) {
    const source = sources.get(sourceId)
    if (!source) continue
    const runAt = recheckAt(source.linkCheckedAt, now, SAVE_RECHECK_SPACING_MS)
    jobs.push(checkJob(sourceId, runAt))
    if (runAt.getTime() <= now.getTime()) dueNow.push(sourceId)
  }
  // An open job for a source (queued by a pass, or by another save) is enough: it reads the
  // quotes when it runs, not when it was queued.
  await enqueueJobs(db, jobs)
  if (dueNow.length > 0) wakeLinkCheckers()
  return dueNow
}

/** The running in-process checkers' wake-up calls (one per startLinkChecker). */
const wakers = new Set<() => void>()

/**
 * Asks the link checkers running in this process, if any, for a pass soon instead of at their
 * next scheduled time. Other instances and a cron-run `npm run check-links` find the queued jobs
 * on their own next pass.
 */
export function wakeLinkCheckers(): void {
  for (const wake of wakers) wake()
}

/** What a page says, as text to look for quotes in; null when nothing readable arrived. */
export function readableText(result: Pick<FetchPublicResult, 'body' | 'contentType'>): string | null {
  if (result.body === null) return null
  const type = (result.contentType ?? 'text/html').split(';')[0]!.trim().toLowerCase()
  const markup = type === '' || type.includes('html') || type.includes('xml')
  return markup ? htmlToText(result.body) : collapseWhitespace(result.body)
}

export type CheckOutcome =
  | { kind: 'recorded'; sourceId: string; status: LinkStatus; httpStatus: number | null; quoteResults: QuoteResult[]; url: string }
  | { kind: 'retry'; sourceId: string; status: LinkStatus; reason: string | null; retryAt: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string }

/** Works one claimed job. Never throws: a failure of our own becomes a retry of the job. */
export async function runCheckJob(db: Connection, job: Job, workerId: string, settings: LinkCheckerSettings): Promise<CheckOutcome> {
  try {
    const sourceId = (job.payload as { sourceId?: unknown } | null)?.sourceId
    if (typeof sourceId !== 'string') {
      await failJob(db, job.id, workerId, 'payload has no sourceId', null)
      return { kind: 'skipped', reason: 'payload has no sourceId' }
    }
    const source = await getSource(db, sourceId)
    if (!source) {
      await completeJob(db, job.id, workerId)
      return { kind: 'skipped', reason: `source ${sourceId} no longer exists` }
    }
    // The fetch runs outside any transaction: it may take seconds, and holds no lock meanwhile.
    const result = await fetchPublic(source.url, settings.fetch)
    const status = result.status as LinkStatus
    if (isTransient(status, result.httpStatus) && job.attempts < settings.maxAttempts) {
      const retryAt = new Date(Date.now() + retryDelayMs(job.attempts, settings.retryBaseMs))
      await failJob(db, job.id, workerId, `${status}: ${result.reason ?? ''}`, retryAt)
      return { kind: 'retry', sourceId, status, reason: result.reason, retryAt: nowIso(retryAt) }
    }
    const quotes = await listQuotesCitingSource(db, sourceId)
    const text = readableText(result)
    const quoteResults = judgeQuotes(quotes, text === null ? null : normaliseForMatch(text), status !== 'too-large')
    await db.transaction().execute(async (trx) => {
      await recordLinkCheck(trx, {
        sourceId,
        checkedAt: nowIso(),
        status,
        httpStatus: result.httpStatus,
        finalUrl: result.finalUrl,
        reason: result.reason,
        quoteResults,
      })
      await completeJob(trx, job.id, workerId)
    })
    return { kind: 'recorded', sourceId, status, httpStatus: result.httpStatus, quoteResults, url: source.url }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    log('warn', 'link check failed', { jobId: job.id, error: reason })
    const retryAt = job.attempts < settings.maxAttempts ? new Date(Date.now() + retryDelayMs(job.attempts, settings.retryBaseMs)) : null
    await failJob(db, job.id, workerId, reason, retryAt).catch(() => undefined)
    return { kind: 'failed', reason }
  }
}

export interface PassSummary {
  enqueued: number
  outcomes: CheckOutcome[]
}

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
}

/**
 * One pass: queue what is due, then work jobs until the queue has nothing due, `limit` jobs were
 * taken, or `shouldStop()` says so (shutdown). Jobs run `concurrency` at a time.
 */
export async function runLinkCheckPass(
  db: Connection,
  settings: LinkCheckerSettings,
  options: { workerId?: string; limit?: number; shouldStop?: () => boolean } = {},
): Promise<PassSummary> {
  const workerId = options.workerId ?? newWorkerId()
  const limit = options.limit ?? settings.batchSize
  const enqueued = await enqueueDueChecks(db, settings)
  const outcomes: CheckOutcome[] = []
  let taken = 0
  const worker = async () => {
    while (taken < limit && !options.shouldStop?.()) {
      taken++
      const job = await claimJob(db, { kinds: [CHECK_SOURCE], workerId, lockMs: settings.lockMs })
      if (!job) return
      outcomes.push(await runCheckJob(db, job, workerId, settings))
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, worker))
  await deleteFinishedJobs(db, new Date(Date.now() - 30 * 86_400_000))
  return { enqueued, outcomes }
}

export interface RunningLinkChecker {
  stop(): Promise<void>
}

/**
 * Runs a pass every `intervalMinutes` (± 20 % jitter, so instances started together drift apart),
 * the first shortly after start-up, and one `wakeDelayMs` after a save queued checks
 * (wakeLinkCheckers; during a pass, right after it). The timer is unref'd: it never keeps the
 * process alive. stop() cancels the timer and waits for the pass in flight, which takes no new
 * job meanwhile.
 */
export function startLinkChecker(db: Connection, settings: LinkCheckerSettings): RunningLinkChecker {
  const workerId = newWorkerId()
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let nextAt = Number.POSITIVE_INFINITY
  let running: Promise<void> | undefined
  let wokenDuringPass = false
  const jitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4))
  const schedule = (ms: number) => {
    if (stopped) return
    clearTimeout(timer)
    nextAt = Date.now() + ms
    timer = setTimeout(tick, ms)
    timer.unref()
  }
  const tick = () => {
    nextAt = Number.POSITIVE_INFINITY
    running = runLinkCheckPass(db, settings, { workerId, shouldStop: () => stopped })
      .then((summary) => {
        if (summary.outcomes.length > 0) log('info', 'link check pass', summarise(summary))
      })
      .catch((error: unknown) => log('warn', 'link check pass failed', { error }))
      .finally(() => {
        running = undefined
        // A save that queued checks while this pass ran may have missed it: run again soon.
        schedule(wokenDuringPass ? settings.wakeDelayMs : jitter(settings.intervalMinutes * 60_000))
        wokenDuringPass = false
      })
  }
  const wake = () => {
    if (stopped) return
    if (running) wokenDuringPass = true
    else if (nextAt - Date.now() > settings.wakeDelayMs) schedule(settings.wakeDelayMs)
  }
  wakers.add(wake)
  schedule(jitter(Math.min(60_000, settings.intervalMinutes * 60_000)))
  return {
    async stop() {
      stopped = true
      wakers.delete(wake)
      clearTimeout(timer)
      await running
    },
  }
}

/** Counts for a log line or the CLI's report. */
export function summarise(summary: PassSummary): {
  enqueued: number
  recorded: number
  byStatus: Record<string, number>
  quotesNotFound: number
  retries: number
  failures: number
} {
  const byStatus: Record<string, number> = {}
  let quotesNotFound = 0
  let recorded = 0
  for (const o of summary.outcomes) {
    if (o.kind !== 'recorded') continue
    recorded++
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1
    quotesNotFound += o.quoteResults.filter((q) => q.found === false).length
  }
  return {
    enqueued: summary.enqueued,
    recorded,
    byStatus,
    quotesNotFound,
    retries: summary.outcomes.filter((o) => o.kind === 'retry').length,
    failures: summary.outcomes.filter((o) => o.kind === 'failed').length,
  }
}
