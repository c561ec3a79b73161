import { isWebUrl } from './safe-url'

// Parameters that track a click, not identify a document.
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ref_src|xtor)$/i

/**
 * The de-duplication key of a source URL: the same document cited twice must be one source.
 * Scheme, default port, fragment, tracking parameters, "www." and a trailing slash do not tell
 * documents apart; everything else (path case, other parameters) might, so it is kept.
 */
export function sourceUrlKey(raw: string): string | null {
  if (!isWebUrl(raw.trim())) return null
  const url = new URL(raw.trim())
  const host = url.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '')
  const params = [...url.searchParams].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = params.length > 0 ? '?' + new URLSearchParams(params).toString() : ''
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : ''
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : ''
  return `${host}${port}${path}${query}`
}

/** The host a reader sees next to a source ("heise.de"). */
export function sourceDomain(raw: string): string {
  try {
    return new URL(raw).hostname.replace(/^www\./, '')
  } catch {
    return ''
  }
}
