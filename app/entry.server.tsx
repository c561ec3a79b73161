import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from '#app/components/nonce'
import { RequestIdProvider } from '#app/components/request-id'
import { log } from '#app/infra/logger.server'
import { retryAfterSeconds } from '#app/core/db-failure'

export { bootstrap, currentContentVersion, shutdown, watchContent } from '#app/services/bootstrap.server'
export { getUiLang as uiLang, uiLangFromHeaders } from '#app/http/lang.server'
export { guardRoutes } from '#app/http/db-failure-response.server'
export { personalPart } from '#app/views/personal-part.server'

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.nonce || undefined
  // A database failure thrown by a loader or action (db-failure-response.server.ts) renders the
  // error page with its status; a page's headers come from the route modules, not the thrown
  // answer, so its Retry-After is restored here.
  if ((responseStatusCode === 503 || responseStatusCode === 507) && !responseHeaders.has('Retry-After')) {
    responseHeaders.set('Retry-After', String(retryAfterSeconds(responseStatusCode === 507 ? 'full' : 'unavailable')))
    responseHeaders.set('Cache-Control', 'no-store')
  }
  // Every client gets the whole document at once: loaders defer nothing, so streaming the shell
  // gains no time, and one rendering mode keeps the bytes — and so the ETag and the anonymous page
  // cache — the same for a browser and a bot.
  const readyEvent = 'onAllReady'
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestIdProvider value={loadContext?.requestId}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestIdProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) log('error', 'render error', { requestId: loadContext?.requestId, error })
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/** Errors thrown by loaders and actions: logged with the request id; the page shows no details. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  // Remix's own answers to a wrong request (405 for a POST to a route without an action, 404 for
  // a path no route matches): the client's mistake, answered as such, not an error of the app.
  if (isRouteErrorResponse(error) && error.status < 500) return
  log('error', 'unhandled error', { requestId: context?.requestId, method: request.method, url: new URL(request.url).pathname, error })
}
