/**
 * Link URLs allowed in page content: http, https and mailto only (DESIGN.md, "document").
 * Relative URLs are refused too: a comparison links out to evidence, and a relative href would
 * resolve differently in feeds, the API and the page.
 */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

export function isSafeUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return false
  // Browsers strip these before parsing a scheme ("java\tscript:"), so refuse them outright.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) return false
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false
  if (url.protocol !== 'mailto:' && url.hostname === '') return false
  return true
}

/** Only http and https: what a source URL may be. */
export function isWebUrl(value: unknown): value is string {
  return isSafeUrl(value) && /^https?:/i.test(value)
}
