import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from '#app/components/nonce'
import { RequestIdProvider } from '#app/components/request-id'
import { log } from '#app/infra/logger.server'

export { bootstrap, currentContentVersion, shutdown } from '#app/services/bootstrap.server'
export { getUiLang as uiLang } from '#app/http/lang.server'
// The HTTP server (server/index.ts) takes both from the build, so the process has one of each.
export { config } from '#app/config.server'
export { logger } from '#app/infra/logger.server'

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.nonce || undefined
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
  log('error', 'unhandled error', { requestId: context?.requestId, method: request.method, url: new URL(request.url).pathname, error })
}
