import { randomBytes } from 'node:crypto'
import os from 'node:os'
import type { Kysely } from 'kysely'
import type { Analysis } from '#app/core/analyse'
import { htmlToText, collapseWhitespace } from '#app/core/html-text'
import { dueThresholds, isTransient, judgeNetwork, judgeQuotes, recheckAt, retryDelayMs, sourcesToRecheck, type LinkStatus, type NetworkVerdict, type QuoteResult, type Schedule, type SourceQuote } from '#app/core/link-check'
import { normaliseForMatch } from '#app/core/quote-match'
import { getConfig, loadConfig } from '#app/infra/config.server'
import { log } from '#app/infra/logger.server'
import type { DB } from '#app/models/db.server'
import { listCitations, listFigures } from '#app/models/evidence.server'
import { claimJob, completeJob, deleteFinishedJobs, enqueueJobs, failJob, releaseJob, type Job, type NewJob } from '#app/models/jobs.server'
import { listQuotesCitingSource, listReachableSourceUrls, listSourcesDue, recordLinkCheck } from '#app/models/link-checks.server'
import { nowIso } from '#app/models/ids.server'
import { getSource, getSourcesByIds } from '#app/models/sources.server'
import type { Database } from '#db/schema'
import { fetchPublicWith, type FetchPublicDeps, type FetchPublicOptions, type FetchPublicResult } from './fetch-public.server'

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
  /** Distinct hosts failing at the network level, with none answering, that make a pass offline. */
  offlineMinHosts: number
  fetch: FetchPublicOptions
  /** TEST ONLY: replaces the resolver (every lookup failing is a machine without network). */
  fetchDeps?: Partial<FetchPublicDeps>
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
export function testAllowlistFromEnv(env?: Record<string, string | undefined>): ReadonlySet<string> | undefined {
  const settings = env ? loadConfig(env) : getConfig()
  const hosts = settings.linkChecker.testAllowlist
  if (hosts === undefined) return undefined
  if (settings.nodeEnv !== 'test') {
    log('warn', 'LINK_CHECK_TEST_ALLOWLIST is ignored outside NODE_ENV=test', {})
    return undefined
  }
  return new Set(hosts)
}

/**
 * The checker's settings from the configuration (documented in the README), or from the given
 * environment; defaults suit one small instance.
 */
export function linkCheckerSettingsFromEnv(env?: Record<string, string | undefined>): LinkCheckerSettings {
  const { linkChecker: c } = env ? loadConfig(env) : getConfig()
  const testAllowlist = testAllowlistFromEnv(env)
  return {
    intervalHours: c.intervalHours,
    brokenIntervalHours: c.brokenIntervalHours,
    maxAttempts: c.maxAttempts,
    batchSize: c.batchSize,
    concurrency: c.concurrency,
    intervalMinutes: c.intervalMinutes,
    lockMs: 5 * 60_000,
    retryBaseMs: 60_000,
    wakeDelayMs: 5_000,
    offlineMinHosts: c.offlineMinHosts,
    fetch: {
      connectTimeoutMs: c.connectTimeoutMs,
      totalTimeoutMs: c.totalTimeoutMs,
      maxBytes: 1_048_576,
      maxRedirects: 5,
      ...(testAllowlist ? { testAllowlist } : {}),
    },
  }
}

/** Queues a check for every source that is due. Returns how many jobs were added. */
export async function enqueueDueChecks(db: Kysely<Database>, settings: Schedule, now = new Date(), limit = 10_000): Promise<number> {
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
function wakeLinkCheckers(): void {
  for (const wake of wakers) wake()
}

/** What a page says, as text to look for quotes in; null when nothing readable arrived. */
function readableText(result: Pick<FetchPublicResult, 'body' | 'contentType'>): string | null {
  if (result.body === null) return null
  const type = (result.contentType ?? 'text/html').split(';')[0]!.trim().toLowerCase()
  const markup = type === '' || type.includes('html') || type.includes('xml')
  return markup ? htmlToText(result.body) : collapseWhitespace(result.body)
}

type CheckOutcome =
  | { kind: 'recorded'; sourceId: string; status: LinkStatus; httpStatus: number | null; quoteResults: QuoteResult[]; url: string }
  | { kind: 'retry'; sourceId: string; status: LinkStatus; reason: string | null; retryAt: string }
  | { kind: 'unchecked'; sourceId: string; reason: string | null; retryAt: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string }

/** A job whose source was fetched, before anything is recorded. */
interface Fetched {
  job: Job
  sourceId: string
  url: string
  result: FetchPublicResult
}

/** Fetches a claimed job's source. Never throws: a failure of our own becomes a retry of the job. */
async function fetchForJob(db: Kysely<Database>, job: Job, workerId: string, settings: LinkCheckerSettings): Promise<Fetched | CheckOutcome> {
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
    // Checked at or after the moment this job was due: another pass found the source due at the
    // same time, queued its own job after this one's check had finished, and the check it wanted
    // has happened (it read the page and the latest quotes).
    if (source.linkCheckedAt !== null && source.linkCheckedAt >= job.runAt) {
      await completeJob(db, job.id, workerId)
      return { kind: 'skipped', reason: 'checked since it was due' }
    }
    // The fetch runs outside any transaction: it may take seconds, and holds no lock meanwhile.
    const result = await fetchPublicWith(settings.fetchDeps ?? {}, source.url, settings.fetch)
    return { job, sourceId, url: source.url, result }
  } catch (error) {
    return failed(db, job, workerId, settings, error)
  }
}

async function recordFetched(db: Kysely<Database>, fetched: Fetched, workerId: string, settings: LinkCheckerSettings): Promise<CheckOutcome> {
  const { job, sourceId, result } = fetched
  try {
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
    return { kind: 'recorded', sourceId, status, httpStatus: result.httpStatus, quoteResults, url: fetched.url }
  } catch (error) {
    return failed(db, job, workerId, settings, error)
  }
}

async function failed(db: Kysely<Database>, job: Job, workerId: string, settings: LinkCheckerSettings, error: unknown): Promise<CheckOutcome> {
  const reason = error instanceof Error ? error.message : String(error)
  log('warn', 'link check failed', { jobId: job.id, error: reason })
  const retryAt = job.attempts < settings.maxAttempts ? new Date(Date.now() + retryDelayMs(job.attempts, settings.retryBaseMs)) : null
  await failJob(db, job.id, workerId, reason, retryAt).catch(() => undefined)
  return { kind: 'failed', reason }
}

/** host:port of a URL, the unit the offline rule counts. */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'https:' ? '443' : '80')}`
  } catch {
    return url
  }
}

/**
 * When a pass's own fetches cannot tell (network failures, nothing answered, too few hosts to
 * call it offline), fetches sources the checker last reached on other hosts — nothing is
 * recorded for them — so that one dead site checked alone is still told from an offline machine.
 */
async function probeNetwork(db: Kysely<Database>, settings: LinkCheckerSettings, answered: Set<string>, failedHosts: Set<string>): Promise<void> {
  const candidates = await listReachableSourceUrls(db, 50)
  const probes: string[] = []
  const hosts = new Set(failedHosts)
  for (const url of candidates) {
    if (probes.length >= settings.offlineMinHosts) break
    if (hosts.has(hostOf(url))) continue
    hosts.add(hostOf(url))
    probes.push(url)
  }
  const results = await Promise.all(probes.map((url) => fetchPublicWith(settings.fetchDeps ?? {}, url, settings.fetch)))
  results.forEach((result, i) => {
    if (result.httpStatus !== null) answered.add(hostOf(probes[i]!))
    else if (result.network !== null) failedHosts.add(hostOf(probes[i]!))
  })
}

export interface PassSummary {
  enqueued: number
  outcomes: CheckOutcome[]
  /** What the pass's network-level failures said (null: it had none, so nothing to judge). */
  network: NetworkVerdict | null
  /** Hosts that failed at the network level, for the log. */
  failedHosts: string[]
}

function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
}

/**
 * One pass: queue what is due, then work jobs until the queue has nothing due, `limit` jobs were
 * taken, or `shouldStop()` says so (shutdown). Jobs run `concurrency` at a time.
 */
export async function runLinkCheckPass(
  db: Kysely<Database>,
  settings: LinkCheckerSettings,
  options: { workerId?: string; limit?: number; shouldStop?: () => boolean } = {},
): Promise<PassSummary> {
  const workerId = options.workerId ?? newWorkerId()
  const limit = options.limit ?? settings.batchSize
  const enqueued = await enqueueDueChecks(db, settings)
  const outcomes: CheckOutcome[] = []
  // A source whose host could not be reached is held back until the pass as a whole says whether
  // that is the source (record it) or this machine's network (record nothing): see judgeNetwork.
  const held: Fetched[] = []
  const answered = new Set<string>()
  const failedHosts = new Set<string>()
  let taken = 0
  const worker = async () => {
    while (taken < limit && !options.shouldStop?.()) {
      taken++
      const job = await claimJob(db, { kinds: [CHECK_SOURCE], workerId, lockMs: settings.lockMs })
      if (!job) return
      const fetched = await fetchForJob(db, job, workerId, settings)
      if ('kind' in fetched) outcomes.push(fetched)
      else if (fetched.result.network !== null) {
        failedHosts.add(hostOf(fetched.url))
        held.push(fetched)
      } else {
        if (fetched.result.httpStatus !== null) answered.add(hostOf(fetched.url))
        outcomes.push(await recordFetched(db, fetched, workerId, settings))
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, settings.concurrency) }, worker))
  let network: NetworkVerdict | null = held.length > 0 || answered.size > 0 ? judgeNetwork({ answeredHosts: answered.size, failedHosts: failedHosts.size }, settings.offlineMinHosts) : null
  if (network === 'unconfirmed' && held.length > 0) {
    await probeNetwork(db, settings, answered, failedHosts)
    network = judgeNetwork({ answeredHosts: answered.size, failedHosts: failedHosts.size }, settings.offlineMinHosts)
  }
  for (const fetched of held) {
    if (network === 'online') {
      outcomes.push(await recordFetched(db, fetched, workerId, settings))
      continue
    }
    // Not tried, as far as the source is concerned: no status changes and no attempt is used up.
    const retryAt = new Date(Date.now() + settings.retryBaseMs)
    await releaseJob(db, fetched.job.id, workerId, `not checked (${network}): ${fetched.result.reason ?? ''}`, retryAt)
    outcomes.push({ kind: 'unchecked', sourceId: fetched.sourceId, reason: fetched.result.reason, retryAt: nowIso(retryAt) })
  }
  await deleteFinishedJobs(db, new Date(Date.now() - 30 * 86_400_000))
  return { enqueued, outcomes, network, failedHosts: [...failedHosts] }
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
export function startLinkChecker(db: Kysely<Database>, settings: LinkCheckerSettings): RunningLinkChecker {
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
        noteNetwork(summary)
        if (summary.outcomes.length > 0) log(summary.network === 'offline' ? 'warn' : 'info', 'link check pass', summarise(summary))
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

export interface LinkCheckerHealth {
  /** off: no checker runs in this process; unknown: no pass has reached (or failed to reach) a host yet. */
  status: 'off' | 'unknown' | NetworkVerdict
  /** When the status last changed. */
  since: string | null
}

let health: { status: 'unknown' | NetworkVerdict; since: string | null } = { status: 'unknown', since: null }

/** This process's link checker as /healthz reports it: offline means it records nothing. */
export function linkCheckerHealth(): LinkCheckerHealth {
  return wakers.size === 0 ? { status: 'off', since: null } : { ...health }
}

/** Keeps the checker's network state from a pass that had something to say, and logs changes. */
function noteNetwork(summary: PassSummary): void {
  if (summary.network === null || summary.network === health.status) return
  if (summary.network === 'offline') log('warn', 'link checker offline: no source status changes until hosts answer again', { failedHosts: summary.failedHosts.slice(0, 10) })
  else if (health.status === 'offline') log('info', 'link checker online again', {})
  health = { status: summary.network, since: nowIso() }
}

/** Counts for a log line or the CLI's report. */
export function summarise(summary: PassSummary): {
  enqueued: number
  recorded: number
  byStatus: Record<string, number>
  quotesNotFound: number
  retries: number
  failures: number
  unchecked: number
  network: NetworkVerdict | null
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
    unchecked: summary.outcomes.filter((o) => o.kind === 'unchecked').length,
    network: summary.network,
  }
}
