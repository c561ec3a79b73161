/**
 * Sliding-window rate limiting from two fixed-window counters (the approximation Cloudflare
 * describes): the previous window's count weighs in proportion to how much of it still overlaps
 * the last `windowSeconds`. Unlike a bare fixed window, this never lets a burst of 2 × max
 * through across a window edge, and a limit that has engaged stays engaged when the edge passes.
 */
export interface RateLimit {
  /** At most this many hits in any span of `windowSeconds`. */
  max: number
  windowSeconds: number
}

export interface WindowPosition {
  /** Start of the current fixed window (ISO-8601). */
  start: string
  /** Start of the previous fixed window (ISO-8601). */
  previousStart: string
  /** How far into the current window `now` is, 0 ≤ elapsed < 1. */
  elapsed: number
  /** Milliseconds left in the current window. */
  remainingMs: number
}

export function windowPosition(now: Date, windowSeconds: number): WindowPosition {
  const size = windowSeconds * 1000
  const start = Math.floor(now.getTime() / size) * size
  return {
    start: new Date(start).toISOString(),
    previousStart: new Date(start - size).toISOString(),
    elapsed: (now.getTime() - start) / size,
    remainingMs: start + size - now.getTime(),
  }
}

/**
 * Hits counted in the last window. Rounded up, so the previous window's weight never rounds a
 * limit that has engaged back to "allowed".
 */
export function estimateCount(current: number, previous: number, elapsed: number): number {
  // The epsilon keeps floating-point dust (3.0000000000000004) from counting as a whole hit.
  return current + Math.ceil(previous * (1 - elapsed) - 1e-9)
}

/**
 * Whole seconds until one more hit would be within the limit (0 when it already is). The
 * previous window's weight falls linearly, so the moment is found by solving for it.
 */
export function secondsUntilAllowed(limit: RateLimit, current: number, previous: number, elapsed: number): number {
  const windowMs = limit.windowSeconds * 1000
  if (limit.max <= 0) return limit.windowSeconds
  // Room left for the previous window's weight once this window's hits are counted.
  const room = limit.max - 1 - current
  let waitMs: number
  if (room >= 0) {
    if (estimateCount(current, previous, elapsed) < limit.max) return 0
    // ceil(previous × (1 − t)) ≤ room  ⇔  t ≥ 1 − room / previous
    waitMs = (1 - room / previous - elapsed) * windowMs
  } else {
    // This window alone is over the limit: wait for it to end, then for its weight to fall.
    waitMs = (1 - elapsed) * windowMs + (1 - (limit.max - 1) / current) * windowMs
  }
  // Whole milliseconds first, so floating-point dust (330.00000000000006 s) does not add a second.
  return Math.max(1, Math.ceil(Math.round(waitMs) / 1000))
}
