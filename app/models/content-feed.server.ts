import pg from 'pg'
import { contentVersion } from './content-version.server'
import type { DB } from './db.server'

/**
 * Tells the HTTP server when anything an anonymous reader sees may have changed, so that its page
 * cache needs no query per request (server/change-feed.ts).
 *
 * - PostgreSQL: LISTEN on a dedicated connection to the notifications the 0040 triggers send at
 *   each commit. The connection is checked every second; when it closes, errors or stops
 *   answering, the feed reports itself down (the server then asks the database on every request)
 *   and reconnects with backoff; once listening again it reports a change, covering whatever was
 *   written while it was not listening.
 * - SQLite: the content version is read every POLL_MS, off the request path (a local index probe
 *   per table). This sees writes of every process on the file — other workers, the CLI — which an
 *   in-process hook could not.
 */
export interface ContentFeedHandlers {
  changed(): void
  /** Whether changes are being reported; while false, nothing can be trusted to be fresh. */
  live(up: boolean): void
}

export interface ContentFeed {
  /** A write was just made by this process: look now rather than at the next tick. */
  poke(): void
  stop(): Promise<void>
}

const POLL_MS = 250
const HEARTBEAT_MS = 1000
const CHANNEL = 'sourced_content'

export function watchByPolling(db: DB, handlers: ContentFeedHandlers, intervalMs = POLL_MS): ContentFeed {
  let last: string | undefined
  let running: Promise<void> | undefined
  const tick = () => {
    running ??= contentVersion(db)
      .then((version) => {
        if (last !== undefined && version !== last) handlers.changed()
        if (last === undefined) handlers.live(true)
        last = version
      })
      .catch(() => {
        last = undefined
        handlers.live(false)
      })
      .finally(() => (running = undefined))
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  tick()
  return {
    poke: tick,
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}

export function watchPostgres(url: string, handlers: ContentFeedHandlers, log: (message: string, fields: Record<string, unknown>) => void): ContentFeed {
  let stopped = false
  let client: pg.Client | undefined
  let heartbeat: NodeJS.Timeout | undefined
  let retry: NodeJS.Timeout | undefined
  let backoff = 250
  // Named with the pid, so an operator (or a test) can tell which server's feed a backend is; in
  // the URL, because pg lets the connection string's (absent) name override the config's.
  const withName = new URL(url)
  withName.searchParams.set('application_name', `sourced-content-feed-${process.pid}`)
  const named = withName.toString()

  const lost = (lostClient: pg.Client, reason: string) => {
    if (client !== lostClient) return
    client = undefined
    clearInterval(heartbeat)
    handlers.live(false)
    lostClient.removeAllListeners('end')
    lostClient.end().catch(() => {})
    if (stopped) return
    log('content feed lost; reading the content version per request until it is back', { reason, retryMs: backoff })
    retry = setTimeout(() => void connect(), backoff)
    backoff = Math.min(backoff * 2, 5000)
  }

  const connect = async () => {
    const next = new pg.Client({ connectionString: named, keepAlive: true })
    client = next
    // Without a listener, an 'error' on an idle client is thrown and ends the process.
    next.on('error', (error) => lost(next, error.message))
    next.on('end', () => lost(next, 'connection ended'))
    let schema = ''
    next.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload === schema) handlers.changed()
    })
    try {
      await next.connect()
      schema = (await next.query<{ schema: string }>('select current_schema() as schema')).rows[0]!.schema
      await next.query(`listen ${CHANNEL}`)
    } catch (error) {
      lost(next, (error as Error).message)
      return
    }
    if (client !== next) return
    backoff = 250
    handlers.live(true)
    let answered = true
    heartbeat = setInterval(() => {
      // A connection that hangs without closing delivers nothing: unanswered for a whole
      // interval, it is given up.
      if (!answered) return lost(next, 'heartbeat unanswered')
      answered = false
      next.query('select 1').then(() => (answered = true), (error: Error) => lost(next, error.message))
    }, HEARTBEAT_MS)
    heartbeat.unref()
  }

  void connect()
  return {
    poke: () => {},
    stop: async () => {
      stopped = true
      clearTimeout(retry)
      clearInterval(heartbeat)
      const current = client
      client = undefined
      current?.removeAllListeners('end')
      await current?.end().catch(() => {})
    },
  }
}
