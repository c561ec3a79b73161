/**
 * The content version the page cache compares stored pages against, without a query per request.
 *
 * While the app's change feed is live (PostgreSQL LISTEN/NOTIFY, or SQLite polling — see
 * app/models/content-feed.server.ts), the version is a counter that every reported change moves;
 * a stored page is served only under the counter value read before it was rendered, so a write
 * that lands during a render retires that page too. While the feed is down, the version is read
 * from the database on every request, as before the feed existed: slower, never stale. Every
 * switch between the two moves the counter, so nothing stored before an outage is served after it.
 *
 * Staleness: with the feed live, a write is seen once its notification arrives (PostgreSQL:
 * delivered at commit, milliseconds) or at the next poll (SQLite: POLL_MS, 250 ms) — bounded by
 * 1 s (docs/decisions/023-serving-bytes-and-workers.md).
 */
export class ContentVersion {
  #counter = 0
  #live = false

  constructor(private readonly query: () => Promise<string>) {}

  changed(): void {
    this.#counter++
  }

  live(up: boolean): void {
    if (up === this.#live) return
    this.#live = up
    this.#counter++
  }

  get isLive(): boolean {
    return this.#live
  }

  /** The version while the feed is live; null (and no query) while it is down. */
  liveVersion(): string | null {
    return this.#live ? `feed:${this.#counter}` : null
  }

  /** A string while the feed is live (no waiting), else the database's answer. */
  current(): string | Promise<string> {
    return this.#live ? `feed:${this.#counter}` : this.query().then((version) => `db:${version}`)
  }
}
