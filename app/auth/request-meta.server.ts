/** Set by the HTTP server from the connection (or the trusted proxy's X-Forwarded-For). */
export function clientIp(request: Request): string | null {
  return request.headers.get('x-client-ip')
}

/** The browser's own description, cut to a length worth storing and showing. */
export function userAgent(request: Request): string | null {
  return request.headers.get('user-agent')?.slice(0, 300) ?? null
}
