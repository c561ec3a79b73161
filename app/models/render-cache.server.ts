import { config } from '#app/config.server'

/**
 * Rendered HTML of a revision, by revision id (and UI language, which names the tables).
 * Revisions never change, so an entry never goes stale; the map only bounds memory. Each
 * instance keeps its own: nothing another instance needs lives here.
 */
const LIMIT = config.renderCacheEntries
const cache = new Map<string, string>()

export function cachedRender(key: string, render: () => string): string {
  const hit = cache.get(key)
  if (hit !== undefined) {
    // Re-insert to keep the most recently used entries at the end of the map.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const html = render()
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string)
  cache.set(key, html)
  return html
}
