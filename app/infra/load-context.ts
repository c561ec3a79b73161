// What the server (server/index.ts) hands every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Nonce for this response's inline scripts; the Content-Security-Policy names it. */
    nonce: string
    /** Correlates this request's log lines and its error page. */
    requestId: string
  }
}

export {}
