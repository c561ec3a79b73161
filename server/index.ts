import { randomBytes, randomUUID } from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { createRequestListener } from '@remix-run/node-fetch-server'
import sirv from 'sirv'
import type { Config } from '../app/config.server'
import type { logger as appLogger } from '../app/infra/logger.server'
import { SESSION_COOKIE } from '../app/auth/cookie-names'
import { isCrossSiteWrite } from '../app/auth/csrf'
import { LIMITS } from '../app/core/limits'
import { conditionalAnswer, tagAnswer } from './conditional'
import { noncePositions, PageCache, withNonce } from './page-cache'
import { applySecurityHeaders, STATIC_HEADERS } from './security-headers'

/**
 * The production HTTP server: node:http, the Remix handler, static files, request log lines with
 * a request id (through the app's logger), security headers, request size limits and conditional GETs.
 */

interface AppEntry {
  config: Config
  logger: typeof appLogger
  bootstrap(): Promise<void>
  shutdown(): Promise<void>
  currentContentVersion(): Promise<string>
  uiLang(request: Request): string
}

function fail(message: string): never {
  process.stderr.write(`sourced: ${message}\n`)
  process.exit(1)
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

async function main(): Promise<void> {
  // The app build parses the configuration as it loads (app/config.server.ts) and hands it over
  // with its logger, so the whole process reads the environment once. BUILD_DIR says where that
  // build is, so it is read before any configuration exists.
  // eslint-disable-next-line no-restricted-properties
  const buildDir = path.resolve(process.env.BUILD_DIR || 'build')
  let build: ServerBuild
  try {
    build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
  } catch (error) {
    const problems = (error as { problems?: string[] }).problems
    fail(problems ? problems.join('\nsourced: ') : error instanceof Error ? error.message.split('\n')[0]! : String(error))
  }
  const app = build.entry.module as unknown as AppEntry
  const { config, logger } = app
  const port = config.port
  const origins = { origin: config.origin, allowed: config.allowedOrigins }
  const https = origins.origin.startsWith('https:')
  try {
    await app.bootstrap()
  } catch (error) {
    fail(error instanceof Error ? error.message.split('\n')[0]! : String(error))
  }

  const handle = createRequestHandler(build, config.nodeEnv === 'development' ? 'development' : 'production')
  const staticOptions = { setHeaders: (res: http.ServerResponse) => setAll(res, STATIC_HEADERS) }
  // Built assets have content hashes in their names, so they never change: cache them for a year.
  const assets = sirv(path.join(buildDir, 'client'), { immutable: true, maxAge: 31_536_000, etag: false, ...staticOptions })
  const publicFiles = sirv(path.join(buildDir, 'client'), { maxAge: 3600, etag: true, ...staticOptions })

  const pages = new PageCache(config.pageCacheEntries)

  const listener = createRequestListener(
    async (request: Request) => {
      const nonce = randomBytes(16).toString('base64')
      const requestId = request.headers.get('x-request-id') ?? randomUUID()
      const anonymous = !(request.headers.get('cookie') ?? '').includes(`${SESSION_COOKIE}=`) && !request.headers.has('authorization')
      const key = PageCache.keyOf(request, anonymous, app.uiLang(request))
      // Read before rendering: a write that lands during the render leaves this version behind,
      // so the page stored below is never served for the newer content.
      const version = key ? await app.currentContentVersion() : ''
      const hit = key ? pages.get(key, version) : undefined
      if (hit) {
        const headers = new Headers(hit.headers)
        applySecurityHeaders(headers, { nonce, https })
        headers.set('X-Request-Id', requestId)
        return conditionalAnswer(request, { ...hit, headers }, withNonce(hit, nonce))
      }
      const refused = isCrossSiteWrite(request, origins.allowed, SESSION_COOKIE) ? crossSiteRefusal(logger, request, requestId) : bodyTooLarge(request)
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
          logger.error({ requestId, error }, 'handler failed')
          response = new Response('Internal Server Error', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } })
        }
      }
      response = new Response(response.body, response)
      applySecurityHeaders(response.headers, { nonce, https })
      response.headers.set('X-Request-Id', requestId)
      const tagged = await tagAnswer(request, response, { nonce, anonymous })
      if (!tagged) return response
      if (key) {
        const headers = [...tagged.headers].filter(([name]) => name !== 'x-request-id' && name !== 'content-security-policy')
        pages.set(key, { version, status: tagged.status, headers, body: tagged.body, etag: tagged.etag, noncePositions: noncePositions(tagged.body, nonce) })
      }
      return conditionalAnswer(request, tagged)
    },
    {
      host: new URL(origins.origin).host,
      protocol: new URL(origins.origin).protocol,
      trustProxy: config.trustProxy,
    },
  )

  const server = http.createServer((req, res) => {
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
      logger.info({
        requestId,
        method: req.method,
        path: (req.url ?? '').split('?')[0],
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      }, 'request')
    })
    const url = req.url ?? '/'
    if (url.startsWith('/assets/')) {
      res.setHeader('X-Request-Id', requestId)
      return assets(req, res, () => listener(req, res))
    }
    if ((req.method === 'GET' || req.method === 'HEAD') && /^\/[\w.-]+\.(ico|png|svg|txt|webmanifest|xml)$/.test(url)) {
      res.setHeader('X-Request-Id', requestId)
      return publicFiles(req, res, () => listener(req, res))
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
    logger.info({ port: actual, origin: origins.origin }, 'listening')
  })

  const stop = () => {
    server.close(() => {
      void app.shutdown().finally(() => process.exit(0))
    })
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 10_000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
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

function crossSiteRefusal(logger: AppEntry['logger'], request: Request, requestId: string): Response {
  logger.warn({ requestId, method: request.method, path: new URL(request.url).pathname, origin: request.headers.get('origin') }, 'cross-site write refused')
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
