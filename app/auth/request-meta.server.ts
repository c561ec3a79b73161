/** Set by the HTTP server from the connection (or the trusted proxy's X-Forwarded-For). */
export function clientIp(request: Request): string | null {
  return request.headers.get('x-client-ip')
}
