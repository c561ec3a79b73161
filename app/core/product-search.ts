import { nameKey } from './product'

/**
 * "alternatives to Teams", "Teams alternatives", "Alternativen zu Teams", "alternatives à Teams":
 * the product a reader wants alternatives to, or null when the query asks something else.
 */
export function alternativesIntent(query: string): string | null {
  const q = query.normalize('NFC').trim().replace(/\s+/g, ' ')
  const patterns = [
    /^(?:open[- ]source |free |libre )?alternatives? (?:to|for) (.+)$/i,
    /^(?:open[- ]source )?alternativen? (?:zu|für|fuer) (.+)$/i,
    /^(?:les )?alternatives? (?:libres? )?(?:à|a|au|aux|de) (.+)$/i,
    /^(.+?) (?:open[- ]source )?alternatives?$/i,
    /^(.+?) alternativen$/i,
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(q)
    const name = match?.[1]?.replace(/^(?:the|die|der|la|le|les|l')\s*/i, '').replace(/[?!.]+$/, '').trim()
    if (name) return name
  }
  return null
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      best = Math.min(best, current[j]!)
    }
    if (best > max) return max + 1
    previous = current
  }
  return previous[b.length]!
}

/**
 * The product a typed name means: an exact name or alias first, then a name that starts with
 * it ("Teams" → "Microsoft Teams" only through its alias; "Micro Teams" → none), then the
 * closest name within a small edit distance (one typo per four letters, at most two).
 */
export function closestProduct<T extends { slug: string; name: string; aliases: readonly string[] }>(typed: string, products: readonly T[]): T | null {
  const key = nameKey(typed)
  if (key === '') return null
  const names = products.flatMap((p) => [p.name, p.slug, ...p.aliases].map((n) => ({ key: nameKey(n), product: p })))
  const exact = names.find((n) => n.key === key)
  if (exact) return exact.product
  const prefixed = names.filter((n) => key.length >= 4 && n.key.startsWith(key))
  if (prefixed.length === 1) return prefixed[0]!.product
  const max = Math.min(2, Math.floor(key.length / 4))
  let best: { d: number; product: T } | null = null
  for (const n of names) {
    const d = distance(key, n.key, max)
    if (d <= max && (!best || d < best.d)) best = { d, product: n.product }
  }
  return best?.product ?? null
}

// A number written with group separators: "200,000", "200.000", "200 000" (also no-break spaces).
const GROUPED = /\d{1,3}(?:[,.\u0020\u00a0\u202f]\d{3})+(?![\d])/g

/**
 * Numbers of a text written without group separators, so that a search for "200000" finds a
 * figure however it was written. Search indexes these next to the text.
 */
export function compactNumbers(text: string): string[] {
  return [...new Set([...text.matchAll(GROUPED)].map((m) => m[0].replace(/\D/g, '')))]
}

/** The query with its grouped numbers written as digits only, as the index holds them. */
export function compactQueryNumbers(query: string): string {
  return query.replace(GROUPED, (m) => m.replace(/\D/g, ''))
}
