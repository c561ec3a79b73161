/**
 * Response headers every answer carries. HTML gets a Content-Security-Policy whose only inline
 * script allowance is this response's nonce (Remix's inline scripts carry it) or, for a page
 * stored and sent many times, the hashes of exactly its inline scripts (server/page-cache.ts);
 * everything else gets a policy that allows nothing, so a JSON or text answer opened as a page
 * cannot run anything.
 */
function contentSecurityPolicy(scripts: { nonce: string } | { hashes: string[] }, options: { dev?: boolean } = {}): string {
  const inline = 'nonce' in scripts ? `'nonce-${scripts.nonce}'` : scripts.hashes.map((h) => `'sha256-${h}'`).join(' ')
  return [
    "default-src 'self'",
    `script-src 'self'${inline ? ` ${inline}` : ''}${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function applySecurityHeaders(headers: Headers, options: { nonce: string; https: boolean; scriptHashes?: string[] }): void {
  const type = headers.get('content-type') ?? ''
  const scripts = options.scriptHashes ? { hashes: options.scriptHashes } : { nonce: options.nonce }
  headers.set('Content-Security-Policy', type.startsWith('text/html') ? contentSecurityPolicy(scripts) : "default-src 'none'; frame-ancestors 'none'")
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin')
  headers.set('X-Frame-Options', 'DENY')
  headers.set('Cross-Origin-Opener-Policy', 'same-origin')
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()')
  if (options.https) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
}

/** Headers for files served from disk (assets): no policy needed beyond sniffing and framing. */
export const STATIC_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
}
