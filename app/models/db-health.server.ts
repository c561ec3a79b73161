import pg from 'pg'
import { classifyDbFailure, type DbFailure } from '#app/core/db-failure'
import { log } from '#app/infra/logger.server'

/**
 * What the app knows about its database's health, one per opened database:
 *  - up or down, decided by a probe on a connection of its own (never queued behind the pool),
 *    run in the background and whenever a query fails as if the database were gone. While down,
 *    queries fail at once instead of each waiting out its timeout, and /healthz answers 503;
 *  - whether the disk filled up: set by a write refused for lack of space, cleared by the next
 *    write that succeeds. Reads go on meanwhile, so that is "degraded", not down.
 * Transitions are logged once each, with the cause.
 */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable'
  latencyMs?: number
  reason?: DbFailure
  storage: 'ok' | 'full'
  storageFullSince?: string
}

const FULL_CLEARS_AFTER_MS = 10_000

export interface Probe {
  /** Resolves with the round trip in ms, rejects with the failure; bounded by its own timeout. */
  run(): Promise<number>
  close(): void
}

export class DatabaseHealth {
  #down: { reason: DbFailure; since: string } | null = null
  #fullSince: string | null = null
  #lastFullAt = 0
  #wakeDown: Array<(error: Error) => void> = []
  #inFlight: Promise<HealthReport> | null = null
  #last: { report: HealthReport; at: number } | null = null
  #timer: NodeJS.Timeout | undefined
  #stopped = false

  constructor(
    private readonly probe: Probe,
    private readonly intervalMs: number,
  ) {}

  get isDown(): boolean {
    return this.#down !== null
  }

  /** An Error that classifies as the current outage, for queries refused while down. */
  unavailableError(): Error {
    return Object.assign(new Error('The database is unavailable (health probe failing)'), { code: this.#down?.reason === 'timeout' ? '57014' : '08006' })
  }

  /** Rejects when the database is next found down: lets waiting queries give up together. */
  whenDown(): { promise: Promise<never>; cancel(): void } {
    let wake!: (error: Error) => void
    const promise = new Promise<never>((_, reject) => (wake = reject))
    promise.catch(() => undefined)
    this.#wakeDown.push(wake)
    return { promise, cancel: () => (this.#wakeDown = this.#wakeDown.filter((w) => w !== wake)) }
  }

  /** Every query's outcome passes here: a failure that looks like an outage is checked at once. */
  noteError(error: unknown): void {
    const kind = classifyDbFailure(error)
    if (kind === 'full') {
      this.#lastFullAt = Date.now()
      if (this.#fullSince === null) {
        this.#fullSince = new Date().toISOString()
        log('error', 'database storage full: saves refused, reads still served', { error })
      }
    } else if (kind !== null && !this.#down) {
      void this.check()
    }
  }

  /**
   * A small write may still fit on a full disk while a save does not: the mark is cleared only by
   * a write that succeeds a while after the last refusal.
   */
  noteWriteSucceeded(): void {
    if (this.#fullSince !== null && Date.now() - this.#lastFullAt >= FULL_CLEARS_AFTER_MS) {
      log('info', 'database storage writable again', { fullSince: this.#fullSince })
      this.#fullSince = null
    }
  }

  /** Probes now (one probe at a time; callers arriving meanwhile share its answer). */
  check(): Promise<HealthReport> {
    this.#inFlight ??= this.#probeOnce().finally(() => (this.#inFlight = null))
    return this.#inFlight
  }

  /**
   * A fresh probe while up (so a failure shows at once); while down, the background probes' last
   * answer if it is recent, so health checks during an outage answer at once too.
   */
  report(): Promise<HealthReport> {
    if (this.isDown && this.#last && Date.now() - this.#last.at <= 2000) return Promise.resolve(this.#withStorage(this.#last.report))
    return this.check()
  }

  /** Background probing: every interval while up, every second while down. */
  start(): void {
    if (this.#timer || this.#stopped) return
    const next = () => {
      if (this.#stopped) return
      this.#timer = setTimeout(() => void this.check().finally(next), this.isDown ? Math.min(1000, this.intervalMs) : this.intervalMs)
      this.#timer.unref()
    }
    next()
  }

  stop(): void {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.probe.close()
  }

  #withStorage(report: HealthReport): HealthReport {
    if (report.status === 'unavailable' || this.#fullSince === null) return { ...report, storage: this.#fullSince ? 'full' : 'ok' }
    return { ...report, status: 'degraded', storage: 'full', storageFullSince: this.#fullSince }
  }

  async #probeOnce(): Promise<HealthReport> {
    let report: HealthReport
    try {
      const latencyMs = await this.probe.run()
      if (this.#down) log('info', 'database available again', { downSince: this.#down.since })
      this.#down = null
      report = { status: 'ok', latencyMs, storage: 'ok' }
    } catch (error) {
      const reason = classifyDbFailure(error) ?? 'unavailable'
      // Closing the database ends the probe's connection too; that is no outage.
      if (this.#stopped) return { status: 'unavailable', reason, storage: 'ok' }
      if (!this.#down) {
        this.#down = { reason, since: new Date().toISOString() }
        log('error', 'database unavailable: answering 503 until it is back', { reason, error })
        const waiting = this.#wakeDown
        this.#wakeDown = []
        for (const wake of waiting) wake(this.unavailableError())
      }
      report = { status: 'unavailable', reason, storage: 'ok' }
    }
    this.#last = { report, at: Date.now() }
    return this.#withStorage(report)
  }
}

/** Runs `promise`, but gives up with the timeout's error after ms. */
function withTimeout<T>(promise: Promise<T>, ms: number, onLate: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(() => {
      settled = true
      reject(Object.assign(new Error('Query read timeout (health probe)'), { code: '57014' }))
    }, ms)
    promise.then(
      (value) => (settled ? onLate(value) : (clearTimeout(timer), resolve(value))),
      (error: unknown) => (settled ? undefined : (clearTimeout(timer), reject(error as Error))),
    )
  })
}

/**
 * PostgreSQL: `select 1` on one client kept for the purpose, reconnected after any failure. The
 * connect and the query each have the probe's timeout; a client that timed out is thrown away
 * (its socket destroyed: a frozen server would never finish a polite goodbye).
 */
export function postgresProbe(options: { url: string; timeoutMs: number }): Probe {
  let client: pg.Client | null = null
  const discard = (c: pg.Client) => {
    if (client === c) client = null
    c.end().catch(() => undefined)
    ;(c as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy()
  }
  return {
    async run() {
      const started = performance.now()
      let current = client
      if (!current) {
        const fresh = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: options.timeoutMs, keepAlive: true })
        fresh.on('error', () => discard(fresh))
        try {
          await withTimeout(fresh.connect(), options.timeoutMs + 100, () => undefined)
        } catch (error) {
          discard(fresh)
          throw error
        }
        client = current = fresh
      }
      const probing = current
      try {
        await withTimeout(probing.query('select 1'), options.timeoutMs, () => undefined)
      } catch (error) {
        discard(probing)
        throw error
      }
      return Math.round((performance.now() - started) * 10) / 10
    },
    close() {
      if (client) discard(client)
    },
  }
}
