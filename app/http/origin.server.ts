/**
 * The public origin (ORIGIN, default http://localhost:$PORT) and the origins a browser may post
 * from. Without ORIGIN the loopback spellings of the default are accepted too, so the quick start
 * works at http://127.0.0.1:3000 as well as at http://localhost:3000.
 */
export function resolveOrigins(env: NodeJS.ProcessEnv): { origin: string; allowed: string[] } {
  const port = env.PORT ?? '3000'
  if (env.ORIGIN) {
    let url: URL
    try {
      url = new URL(env.ORIGIN)
    } catch {
      throw new Error(`ORIGIN is not a valid URL: expected something like https://sourced.example`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('ORIGIN must start with http:// or https://')
    return { origin: url.origin, allowed: [url.origin] }
  }
  const origin = `http://localhost:${port}`
  return { origin, allowed: [origin, `http://127.0.0.1:${port}`, `http://[::1]:${port}`] }
}

let cached: ReturnType<typeof resolveOrigins> | undefined

/** The configured origins, read once; start-up has already stopped on a malformed ORIGIN. */
export function getOrigins(): ReturnType<typeof resolveOrigins> {
  return (cached ??= resolveOrigins(process.env))
}
