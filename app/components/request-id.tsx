import { createContext, useContext, useState } from 'react'

/**
 * The id the server logged this request under (X-Request-Id), for the error page's reference.
 * Rendered by the server; on the client, hydration takes it from the element the server wrote,
 * and an error after a client-side navigation has none to show (its request id is not known here).
 */
const RequestIdContext = createContext<string | undefined>(undefined)

export const RequestIdProvider = RequestIdContext.Provider

export function useRequestId(): string | null {
  const fromServer = useContext(RequestIdContext)
  const [id] = useState(() => fromServer ?? (typeof document === 'undefined' ? null : document.querySelector('[data-request-id]')?.getAttribute('data-request-id') ?? null))
  return id
}
