import cluster from 'node:cluster'
import { randomBytes, randomUUID } from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { createRequestListener } from '@remix-run/node-fetch-server'
import sirv from 'sirv'
import { SESSION_COOKIE, WROTE_COOKIE } from '../app/auth/cookie-names'
import { isCrossSiteWrite } from '../app/auth/csrf'
import { LIMITS } from '../app/core/limits'
import { ContentVersion } from './change-feed'
import { runPrimary, workerListening } from './cluster'
import { compressResponse } from './compression'
import { conditionalAnswer, tagAnswer } from './conditional'
import { createRequestGuard } from './request-guard'
import { PageCache, pageCacheLimits, RenderFlights, sendStored, storablePage, storedResponse, type StoredPage } from './page-cache'
import { isShareableTarget, makeShell, sendShell, shellKeyOfTarget, shellResponse, type SignedInShell } from './signed-in-pages'
import { getConfig, type Config } from '../app/infra/config.server'
import { announce, log, logs } from '../app/infra/logger.server'
import { applySecurityHeaders, STATIC_HEADERS } from './security-headers'

/**
 * The production HTTP server: node:http, the Remix handler, static files, JSON request logs with
 * a request id, security headers, request size limits and conditional GETs.
 */

interface AppEntry {
  bootstrap(options: { backgroundJobs: boolean }): Promise<void>
  shutdown(): Promise<void>
  currentContentVersion(): Promise<string>
  watchContent(handlers: { changed(): void; live(up: boolean): void }): { poke(): void; stop(): Promise<void> }
  uiLang(request: Request): string
  uiLangFromHeaders(cookie: string | null, acceptLanguage: string | null): string
  guardRoutes(build: ServerBuild): ServerBuild
  personalPart(cookie: string | null, clientIp: string | null, lang: string): Promise<PersonalPart | null>
}

/** What the app tells the server about a signed-in reader (app/views/personal-part.server.ts). */
interface PersonalPart {
  audience: string
  username: string
  html: string
}

function fail(message: string): never {
  process.stderr.write(`sourced: ${message}\n`)
  process.exit(1)
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/
/** How long after a write its author's reads are rendered: past the feed's staleness bound (1 s, decision 023). */
const WROTE_SECONDS = 3

async function main(): Promise<void> {
  // Every variable is checked here, before anything starts: one line per bad one, then exit 1.
  let config: Config
  try {
    config = getConfig()
  } catch (error) {
    fail((error as Error).message.replaceAll('\n', '\nsourced: '))
  }
  const { port, origins, workers } = config
  const https = origins.origin.startsWith('https:')
  // One process per core: the primary only starts, restarts and stops the workers.
  if (cluster.isPrimary && workers > 1) return runPrimary(workers, origins.origin, config.backgroundJobs)

  const buildDir = path.resolve(config.buildDir)
  const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
  const app = build.entry.module as unknown as AppEntry
  try {
    // Workers other than the one the primary designates leave the background jobs to it.
    await app.bootstrap({ backgroundJobs: config.backgroundJobs })
  } catch (error) {
    fail(error instanceof Error ? error.message.split('\n')[0]! : String(error))
  }

  const handle = createRequestHandler(app.guardRoutes(build), config.nodeEnv === 'development' ? 'development' : 'production')
  const staticOptions = { setHeaders: (res: http.ServerResponse) => setAll(res, STATIC_HEADERS) }
  // Built assets have content hashes in their names, so they never change: cache them for a year.
  // brotli/gzip: sirv sends the .br/.gz written next to each asset at build (scripts/compress-assets.mjs).
  const assets = sirv(path.join(buildDir, 'client'), { immutable: true, maxAge: 31_536_000, etag: false, brotli: true, gzip: true, ...staticOptions })
  const publicFiles = sirv(path.join(buildDir, 'client'), { maxAge: 3600, etag: true, brotli: true, gzip: true, ...staticOptions })

  const guard = createRequestGuard(build, { allowedOrigins: origins.allowed, https })
  // Stored anonymous pages and the shared documents of signed-in reads, under one memory bound.
  const pages = new PageCache<StoredPage | SignedInShell>(pageCacheLimits())
  const flights = new RenderFlights()
  const version = new ContentVersion(() => app.currentContentVersion())
  const feed = app.watchContent({ changed: () => version.changed(), live: (up) => version.live(up) })

  /**
   * The stored page for a request the cache may answer: one stored under the current version, or
   * the one a render of the same page under that version, already under way, is about to store.
   */
  const storedFor = async (key: string | null): Promise<StoredPage | null | undefined> => {
    if (!key) return undefined
    const current = version.current()
    const known = typeof current === 'string' ? current : await current
    const page = pages.get(key, known)
    return page?.kind === 'page' ? page : flights.join(key, known)
  }

  /**
   * The signed-in reader's personal part and the key their audience's document of `target` is kept
   * under; null when the request carries no valid session or the target is not shared. A session
   * that cannot be checked (the database is out) counts as none: the handler answers the outage.
   */
  const sharedRead = async (cookie: string | null, clientIp: string | null, target: string, lang: string): Promise<{ person: PersonalPart; key: string } | null> => {
    const person = await app.personalPart(cookie, clientIp, lang).catch(() => null)
    const key = person ? shellKeyOfTarget(target, lang, person.audience) : null
    return person && key ? { person, key } : null
  }

  /** A signed-in read answered from the shared document of its audience, if one is kept: true if answered. */
  const answerSignedIn = async (req: http.IncomingMessage, res: http.ServerResponse, requestId: string, lang: string): Promise<boolean> => {
    // Only a live version, as for anonymous pages.
    const current = version.liveVersion()
    if (current === null || (req.headers.cookie ?? '').includes(`${WROTE_COOKIE}=`)) return false
    const read = await sharedRead(req.headers.cookie ?? null, header(req, 'x-client-ip'), req.url ?? '/', lang)
    const shell = read ? pages.get(read.key, current) : undefined
    if (shell?.kind !== 'shell') return false
    sendShell(req, res, shell, read!.person.html, requestId)
    return true
  }

  /** Renders a request through Remix; for a cacheable answer, also the page stored from it. */
  const render = async (request: Request, requestId: string, anonymous: boolean, key: string | null, current: string | null, shareable: boolean): Promise<{ response: Response; stored: StoredPage | null }> => {
    const nonce = randomBytes(16).toString('base64')
    const refused = isCrossSiteWrite(request, origins.allowed, SESSION_COOKIE) ? crossSiteRefusal(request, requestId) : bodyTooLarge(request)
    let response: Response
    if (refused) response = refused
    else {
      // Remix runs its own, weaker check on actions: Origin against Host (or X-Forwarded-Host),
      // throwing on a mismatch — so behind a proxy that rewrites Host (nginx by default) every
      // form post was a 500. The check above has matched Origin against the configured origins.
      const origin = request.headers.get('origin')
      if (origin !== null && origins.allowed.includes(origin)) request.headers.set('x-forwarded-host', new URL(origin).host)
      try {
        response = await handle(request, { nonce, requestId })
      } catch (error) {
        log('error', 'handler failed', { requestId, error })
        response = new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } })
      }
    }
    response = new Response(response.body, response)
    applySecurityHeaders(response.headers, { nonce, https })
    response.headers.set('X-Request-Id', requestId)
    if (request.method !== 'GET' && request.method !== 'HEAD' && !refused && response.status < 400) {
      // A write has committed before its answer leaves: nothing this process kept before it is
      // served after it, though the feed has not reported it yet. (Refusals and errors wrote
      // nothing, and must not let anyone empty the cache at will.)
      version.changed()
      if ((request.headers.get('cookie') ?? '').includes(`${SESSION_COOKIE}=`)) response.headers.append('Set-Cookie', `${WROTE_COOKIE}=1; Max-Age=${WROTE_SECONDS}; Path=/; HttpOnly; SameSite=Lax${https ? '; Secure' : ''}`)
    }
    if (shareable && current !== null && response.status === 200) return { response: await keepShared(request, response, requestId, nonce, current), stored: null }
    const tagged = await tagAnswer(request, response, { nonce, anonymous })
    if (!tagged) return { response: compressResponse(request, response), stored: null }
    const page = key && current !== null ? await storablePage(tagged, { nonce, https, version: current }) : null
    if (key && page) {
      pages.set(key, page)
      return { response: storedResponse(request, page, requestId), stored: page }
    }
    return { response: compressResponse(request, conditionalAnswer(request, tagged)), stored: null }
  }

  /** A signed-in read just rendered: its document kept for its audience, and the read answered from it. */
  const keepShared = async (request: Request, response: Response, requestId: string, nonce: string, current: string): Promise<Response> => {
    const body = Buffer.from(await response.arrayBuffer())
    const target = new URL(request.url)
    const read = await sharedRead(request.headers.get('cookie'), request.headers.get('x-client-ip'), target.pathname + target.search, app.uiLang(request))
    const shell = read ? makeShell({ status: response.status, headers: response.headers, body }, read.person, { nonce, https, version: current }) : null
    if (!shell) return compressResponse(request, new Response(body, response))
    pages.set(read!.key, shell)
    return shellResponse(request, shell, read!.person.html, requestId)
  }

  const listener = createRequestListener(
    async (request: Request) => {
      const requestId = request.headers.get('x-request-id') ?? randomUUID()
      const anonymous = PageCache.isAnonymous(request.headers.get('cookie'), request.headers.has('authorization'), SESSION_COOKIE)
      const url = new URL(request.url)
      const key = PageCache.keyOf(request.method, url, anonymous, app.uiLang(request))
      const shareable = !anonymous && (request.method === 'GET' || request.method === 'HEAD') && isShareableTarget(url.pathname)
      // Read before rendering: a write that lands during the render leaves this version behind,
      // so the page stored below is never served for the newer content.
      const now = key || shareable ? version.current() : null
      // While the feed is live the version is at hand, and the render is registered before anything
      // awaits: every reader of this page whom the node:http handler looks up after this point
      // waits for this render instead of starting its own.
      const finish = key && typeof now === 'string' ? flights.start(key, now) : undefined
      // Without a version (the database is down), the request goes uncached to the handler, which
      // answers the outage.
      const current = now === null ? null : await Promise.resolve(now).catch(() => null)
      let stored: StoredPage | null = null
      try {
        const rendered = await render(request, requestId, anonymous, key, current, shareable)
        stored = rendered.stored
        return rendered.response
      } finally {
        finish?.(stored)
      }
    },
    {
      host: new URL(origins.origin).host,
      protocol: new URL(origins.origin).protocol,
      trustProxy: config.trustProxy,
    },
  )

  const server = http.createServer(async (req, res) => {
    const started = process.hrtime.bigint()
    const incoming = req.headers['x-request-id']
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID()
    req.headers['x-request-id'] = requestId
    // The app reads the client address from this header, which is always overwritten here so a
    // client cannot choose its own address (and with it, its own rate-limit bucket).
    req.headers['x-client-ip'] = clientAddress(req, config.trustProxy)
    res.on('finish', () => {
      // An answer given without reading the whole body (a 413, a 401 before the body): the
      // fetch adapter stopped pulling it off the socket, so the client could neither finish
      // sending nor reuse the connection. Discard the rest (requestTimeout bounds how long).
      if (!req.complete) {
        req.removeAllListeners('data')
        req.resume()
      }
      if (logs('info')) log('info', 'request', {
        requestId,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      })
      // Whatever this process just wrote is looked for now, not at the feed's next tick.
      if (req.method !== 'GET' && req.method !== 'HEAD') feed.poke()
    })
    const url = req.url ?? '/'
    // (Not a single-fetch `.data` URL: the guard refuses HEAD there, which a stored GET must not undo.)
    if ((req.method === 'GET' || req.method === 'HEAD') && url.startsWith('/') && !url.includes('%00') && !url.includes('.data')) {
      // A stored page goes from its bytes to the socket: no fetch Request or Response, no render,
      // and no request guard — the page was stored from an answer to this very path and query,
      // which passed the guard then. Synchronous while the feed is live (the usual case).
      const anonymous = PageCache.isAnonymous(req.headers.cookie, req.headers.authorization !== undefined, SESSION_COOKIE)
      const key = anonymous ? PageCache.keyOfTarget(url, app.uiLangFromHeaders(req.headers.cookie ?? null, header(req, 'accept-language'))) : null
      // Only a live version: a query here would be a promise nobody awaits, and while the database
      // is out its rejection would end the process.
      const current = key ? version.liveVersion() : null
      const page = current !== null ? pages.get(key!, current) : undefined
      if (page?.kind === 'page') return sendStored(req, res, page, requestId)
      // A signed-in read of a comparison: from its audience's shared document, past the guard for
      // the same reason (the document was kept from an answer to this path and query).
      if (!anonymous && isShareableTarget(url)) {
        const lang = app.uiLangFromHeaders(req.headers.cookie ?? null, header(req, 'accept-language'))
        if (await answerSignedIn(req, res, requestId, lang)) return
      }
    }
    if (guard(req, res)) return
    if (url.startsWith('/assets/')) {
      res.setHeader('X-Request-Id', requestId)
      return assets(req, res, () => listener(req, res))
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && /^\/[\w.-]+\.(ico|png|svg|txt|webmanifest|xml)$/.test(url)) {
      res.setHeader('X-Request-Id', requestId)
      return publicFiles(req, res, () => listener(req, res))
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      // Not stored under a live version: the version still loading (the feed is down), or a
      // render of this page under way whose bytes this request can wait for.
      const anonymous = PageCache.isAnonymous(req.headers.cookie, req.headers.authorization !== undefined, SESSION_COOKIE)
      const key = anonymous ? PageCache.keyOfTarget(req.url ?? '/', app.uiLangFromHeaders(req.headers.cookie ?? null, header(req, 'accept-language'))) : null
      // A database that cannot answer the version query fails the render below too, with a 500.
      const page = await storedFor(key).catch(() => undefined)
      if (page) return sendStored(req, res, page, requestId)
    }
    listener(req, res)
  })
  // Behind a load balancer, keep idle connections open longer than it does, so it never reuses
  // a connection this server has just closed.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.requestTimeout = 60_000

  server.listen(port, config.host, () => {
    const address = server.address()
    const actual = typeof address === 'object' && address ? address.port : port
    // A worker tells the primary, which says "listening" once all of them are.
    if (cluster.isWorker) return workerListening(actual)
    announce('listening', { port: actual, origin: origins.origin })
  })

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close(() => {
      void feed
        .stop()
        .then(() => app.shutdown())
        .finally(() => process.exit(0))
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 10_000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  // The primary is gone (killed, crashed): a worker must not outlive it.
  if (cluster.isWorker) process.on('disconnect', stop)
}

function header(req: http.IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  return (Array.isArray(value) ? value.join(', ') : value) ?? null
}

function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
    if (first) return first
  }
  return req.socket.remoteAddress ?? 'unknown'
}

function setAll(res: http.ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
}

function crossSiteRefusal(request: Request, requestId: string): Response {
  log('warn', 'cross-site write refused', { requestId, method: request.method, path: new URL(request.url).pathname, origin: request.headers.get('origin') })
  return errorAnswer(request, 403, 'cross_site_request', 'This request came from another site (or without an Origin header) and was refused. Submit the form from Sourced itself.')
}

/**
 * A refusal sent before the request body is read. The connection stays open and the unread rest
 * of the body is discarded once the answer is out (see the 'finish' handler): closing it instead
 * resets a client still sending, which then never reads the answer (EPIPE).
 */
function errorAnswer(request: Request, status: number, code: string, message: string): Response {
  return new URL(request.url).pathname.startsWith('/api/')
    ? Response.json({ error: { code, message } }, { status })
    : new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

/** 413 before anything reads a body over the limit; 411 for a streamed body of unknown size. */
function bodyTooLarge(request: Request): Response | null {
  if (request.method === 'GET' || request.method === 'HEAD') return null
  const length = request.headers.get('content-length')
  const answer = (status: number, code: string, message: string) => errorAnswer(request, status, code, message)
  if (length === null) {
    return request.body ? answer(411, 'length_required', 'Send a Content-Length header with the request body.') : null
  }
  if (Number(length) > LIMITS.maxRequestBytes) {
    return answer(413, 'payload_too_large', `The request body is larger than ${LIMITS.maxRequestBytes / 1024 / 1024} MiB; split the page or shorten it.`)
  }
  return null
}

void main()
