const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery check (OWASP: verify the Origin header). A state-changing request
 * from a foreign Origin is refused outright; one without Origin is refused when it carries the
 * session cookie, because only a browser sends that cookie by itself. Bearer-token API calls
 * carry no cookie and need no Origin: the token is the proof.
 */
export function isCrossSiteWrite(
  request: { method: string; headers: Headers },
  allowedOrigins: readonly string[],
  sessionCookie: string,
): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false
  const origin = request.headers.get('origin')
  if (origin !== null) return !allowedOrigins.includes(origin)
  const cookies = request.headers.get('cookie') ?? ''
  return cookies.split(';').some((c) => c.trim().startsWith(`${sessionCookie}=`))
}
