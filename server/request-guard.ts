import type http from 'node:http'
import type { ServerBuild } from '@remix-run/node'
import { LIMITS } from '../app/core/limits'
import { applySecurityHeaders } from './security-headers'

/**
 * Checks made on the raw request before the fetch adapter and Remix see it, so that nothing a
 * client can send is answered as a server error:
 * - the request target: origin-form passes; absolute-form (`GET http://host/pages`, RFC 9112
 *   §3.2.2) is served as its path when its authority is this server, else 400; `OPTIONS *` is a
 *   204 with the server's methods; anything else (authority-form, `*` with another method) 400.
 *   The adapter glued the target to the origin, so `http://hosthttp://…` threw and answered 500.
 * - the method, against the route that will answer: GET and HEAD where the route renders, POST
 *   where it has an action (or as a route's `handle.methods` says). Anything else is a 405 with
 *   `Allow`. Remix would run an action for PUT, PATCH and DELETE as if they were POST (and for a
 *   HEAD of a single-fetch `.data` URL), and the size check refused a bodiless OPTIONS or DELETE
 *   with a 411.
 * - an `/api/` path no API route claims is a JSON 404 in the API's error shape, not the HTML page.
 * - a `?_data=` request (Remix before single fetch) is a 400.
 */

interface RouteMethods {
  /** Path segments from the root: static names, `:param` or `*`. */
  segments: string[]
  index: boolean
  methods: string[]
  api: boolean
  score: number
}

export type RequestGuard = (req: http.IncomingMessage, res: http.ServerResponse) => boolean

/** Methods a route module can declare for itself in `export const handle = { methods: [...] }`. */
interface MethodsHandle {
  methods?: unknown
}

export function routeMethods(build: Pick<ServerBuild, 'routes'>): RouteMethods[] {
  const fullPath = (id: string | undefined): string[] => {
    const route = id ? build.routes[id] : undefined
    if (!route) return []
    return [...fullPath(route.parentId), ...(route.path ?? '').split('/').filter((s) => s !== '')]
  }
  return Object.values(build.routes).map((route) => {
    const segments = fullPath(route.id)
    const module = route.module as { action?: unknown; loader?: unknown; default?: unknown; handle?: MethodsHandle }
    const declared = Array.isArray(module.handle?.methods) ? module.handle.methods.filter((m): m is string => typeof m === 'string') : null
    const methods = declared ?? [...(module.loader || module.default ? ['GET', 'HEAD'] : []), ...(module.action ? ['POST'] : [])]
    if (methods.includes('GET') && !methods.includes('HEAD')) methods.splice(methods.indexOf('GET') + 1, 0, 'HEAD')
    return { segments, index: route.index === true, methods, api: segments[0] === 'api', score: scoreOf(segments, route.index === true) }
  })
}

/** React Router's ranking (computeScore): static beats dynamic beats splat; an index route wins its path. */
function scoreOf(segments: string[], index: boolean): number {
  let score = segments.length + (index ? 2 : 0)
  for (const segment of segments) score += segment === '*' ? -3 : segment.startsWith(':') ? 3 : 10
  return score
}

function matches(route: RouteMethods, path: string[]): boolean {
  for (let i = 0; i < route.segments.length; i++) {
    const segment = route.segments[i]!
    if (segment === '*') return true
    const part = path[i]
    if (part === undefined || part === '') return false
    if (!segment.startsWith(':') && segment.toLowerCase() !== part.toLowerCase()) return false
  }
  return path.length === route.segments.length
}

/** The routes that answer a path (a layout and its index share one), best first. */
export function matchRoutes(routes: RouteMethods[], pathname: string): RouteMethods[] {
  // Single fetch: `/x.data` is the data of `/x`, and `/_root.data` that of `/`.
  let path = pathname.endsWith('.data') ? pathname.slice(0, -'.data'.length) : pathname
  if (path === '/_root') path = '/'
  const parts = path.split('/').slice(1).map((part) => {
    try {
      return decodeURIComponent(part)
    } catch {
      return part
    }
  })
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  const found = routes.filter((route) => route.segments.length > 0 || route.index ? matches(route, parts) : false)
  found.sort((a, b) => b.score - a.score)
  const best = found[0]
  return best ? found.filter((route) => route.score === best.score || route.segments.join('/') === best.segments.join('/')) : []
}

export function createRequestGuard(build: Pick<ServerBuild, 'routes'>, options: { allowedOrigins: string[]; https: boolean }): RequestGuard {
  const routes = routeMethods(build)
  const ownHosts = new Set(options.allowedOrigins.map((origin) => new URL(origin).host.toLowerCase()))
  const serverMethods = [...new Set(routes.flatMap((route) => route.methods))]

  return (req, res) => {
    const target = req.url ?? '/'
    if (!target.startsWith('/')) {
      if (target === '*') {
        if (req.method === 'OPTIONS') return answer(req, res, options, 204, null, { Allow: serverMethods.join(', ') })
        return answer(req, res, options, 400, { code: 'bad_request_target', message: 'The target "*" is only for OPTIONS. Ask for a path, such as /pages.' })
      }
      const authority = absoluteAuthority(target)
      const hostHeader = (req.headers.host ?? '').toLowerCase()
      if (authority === null || (!ownHosts.has(authority.host) && authority.host !== hostHeader)) {
        return answer(req, res, options, 400, { code: 'bad_request_target', message: 'This server answers only for its own address. Send the path (such as /pages) as the request target.' })
      }
      req.url = authority.rest
    }
    // No path, name or search has a NUL in it, and PostgreSQL refuses one in any text parameter.
    if (/%00/.test(req.url ?? '')) {
      return answer(req, res, options, 400, { code: 'bad_request_target', message: 'The address contains a NUL character (%00). Remove it.' }, {}, (req.url ?? '').startsWith('/api/'))
    }
    const url = parseUrl(req.url ?? '/', 'http://placeholder')
    if (url === null) return answer(req, res, options, 400, { code: 'bad_request_target', message: 'The request target is not a valid path.' })
    const pathname = url.pathname
    const api = pathname.startsWith('/api/')
    // Remix's pre-single-fetch data requests: this app's client never makes them, and Remix
    // answers them by logging a warning as an error (and a POST to the root route's missing action).
    if (url.searchParams.has('_data')) {
      return answer(req, res, options, 400, { code: 'bad_request', message: 'The _data parameter is not supported. Ask for the page itself, or its .data URL.' }, {}, api)
    }
    const matched = matchRoutes(routes, pathname)
    if (api && matched.every((route) => !route.api)) {
      return answer(req, res, options, 404, { code: 'not_found', message: 'There is no such API endpoint. docs/api.md lists them.' }, {}, true)
    }
    // Remix answers a `.data` request that is not a GET as an action: a HEAD would run the
    // route's action, past the cross-site check (which lets HEAD through as a read).
    const allowed = [...new Set(matched.flatMap((route) => route.methods))].filter((m) => m !== 'HEAD' || !pathname.endsWith('.data'))
    const method = req.method ?? 'GET'
    if (allowed.length > 0 && !allowed.includes(method)) {
      return answer(
        req,
        res,
        options,
        405,
        { code: 'method_not_allowed', message: `${method} is not supported at this address; it accepts ${allowed.join(', ')}.` },
        { Allow: allowed.join(', ') },
        api,
      )
    }
    return false
  }
}

/** `http://host[:port]/path?query` → its lowercased host and the origin-form rest; null if not absolute-form http(s). */
function absoluteAuthority(target: string): { host: string; rest: string } | null {
  if (!/^https?:\/\//i.test(target)) return null
  const url = parseUrl(target)
  if (!url || url.username || url.password) return null
  return { host: url.host.toLowerCase(), rest: url.pathname + url.search }
}

function parseUrl(input: string, base?: string): URL | null {
  try {
    return new URL(input, base)
  } catch {
    return null
  }
}

function answer(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { https: boolean },
  status: number,
  error: { code: string; message: string } | null,
  extra: Record<string, string> = {},
  json = false,
): true {
  const headers = new Headers(extra)
  let body = ''
  if (error) {
    body = json ? JSON.stringify({ error }) : error.message
    headers.set('Content-Type', json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8')
  }
  headers.set('Cache-Control', 'no-store')
  applySecurityHeaders(headers, { nonce: '', https: options.https })
  const requestId = req.headers['x-request-id']
  if (typeof requestId === 'string') headers.set('X-Request-Id', requestId)
  for (const [name, value] of headers) res.setHeader(name, value)
  res.statusCode = status
  const send = once(() => res.end(req.method === 'HEAD' ? undefined : body))
  if (req.complete) send()
  else {
    // Let the client finish sending first (up to the size limit): closing the connection with
    // its body still arriving resets it, and a client that writes the whole request before
    // reading then loses this answer.
    let received = 0
    req.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received > LIMITS.maxRequestBytes) send()
    })
    req.on('end', send)
    req.on('error', send)
    req.on('aborted', send)
  }
  return true
}

function once(fn: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    fn()
  }
}
