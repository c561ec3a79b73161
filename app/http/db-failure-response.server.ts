import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from '@remix-run/node'
import { classifyDbFailure, failureApiError, failureStatus, retryAfterSeconds, type DbFailure } from '#app/core/db-failure'
import { apiError } from '#app/http/responses.server'
import { getUiLang } from '#app/http/lang.server'
import { log } from '#app/infra/logger.server'
import { asReader } from '#app/models/db.server'
import { followMoves } from '#app/http/moved-response.server'

/**
 * The one place a database failure becomes an answer: 503 (unavailable, too slow) or 507 (disk
 * full) with Retry-After — the JSON error shape under /api/, elsewhere an error response the root
 * error boundary shows in the reader's language. The route modules stay unaware: every loader and
 * action is wrapped once, when the server loads the build.
 */
function failureResponse(kind: DbFailure, request: Request): Response {
  const status = failureStatus(kind)
  const headers = { 'Retry-After': String(retryAfterSeconds(kind)), 'Cache-Control': 'no-store' }
  if (new URL(request.url).pathname.startsWith('/api/')) {
    const { code, message } = failureApiError(kind)
    const response = apiError(status, code, message)
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
    return response
  }
  // What the error boundary needs: which failure, and the reader's language (the root loader,
  // which would have told it, may be the one that failed).
  return Response.json({ failure: kind, lang: getUiLang(request), message: failureApiError(kind).message }, { status, headers })
}


type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown

function guard(handler: Handler): Handler {
  return async (args) => {
    try {
      return await handler(args)
    } catch (error) {
      const kind = classifyDbFailure(error)
      if (kind === null) throw error
      // The outage and the full disk are logged once, when they begin (db-health.server.ts); a
      // timeout while the database is up is worth a line of its own.
      log(kind === 'timeout' ? 'warn' : 'debug', 'request failed: database ' + kind, {
        requestId: (args.context as { requestId?: string } | undefined)?.requestId,
        method: args.request.method,
        path: new URL(args.request.url).pathname,
        error,
      })
      throw failureResponse(kind, args.request)
    }
  }
}

/**
 * The build with every route's loader and action guarded (and every loader following moves). Loaders also run as readers, so their
 * queries take the read pool's connections and never those kept for writes.
 */
export function guardRoutes(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module
    // A page path that finds nothing asks once whether the page moved or was deleted.
    const guardedLoader = loader ? guard(followMoves(loader as Handler)) : undefined
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(guardedLoader ? { loader: (args: LoaderFunctionArgs) => asReader(() => guardedLoader(args)) } : {}),
        ...(action ? { action: guard(action as Handler) } : {}),
      } as typeof route.module,
    }
  }
  return { ...build, routes }
}
