import { config } from '#app/infra/config.server'

/**
 * Rendered HTML of immutable things — a revision's body, a diff between two revision ids — by id
 * (and UI language, which names the tables). They never change, so an entry never goes stale; the
 * map only bounds memory, by RENDER_CACHE_BYTES (counted as two bytes a character, V8's most for a
 * string), and by RENDER_CACHE_ENTRIES when that is set. Each process keeps its own: nothing
 * another instance or worker needs lives here.
 */
const { bytes: BYTES, entries: ENTRIES } = config.renderCache
const cache = new Map<string, string>()
let bytes = 0

const sizeOf = (key: string, html: string) => 2 * (key.length + html.length)

export function cachedRender(key: string, render: () => string): string {
  const hit = cache.get(key)
  if (hit !== undefined) {
    // Re-insert to keep the most recently used entries at the end of the map.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const html = render()
  const size = sizeOf(key, html)
  if (size > BYTES / 4) return html
  while (cache.size > 0 && (bytes + size > BYTES || cache.size >= ENTRIES)) {
    const [oldKey, oldHtml] = cache.entries().next().value as [string, string]
    cache.delete(oldKey)
    bytes -= sizeOf(oldKey, oldHtml)
  }
  cache.set(key, html)
  bytes += size
  return html
}
