import { createContext, useContext } from 'react'

/**
 * The id the server logged this request under, for the error page's "reference". The server
 * provides it while rendering; in the browser it is read back from the page the server sent (the
 * error page carries it in data-request-id), so hydration keeps the same text. Pages other than
 * error pages never show it, so they stay identical across requests (ETags, the page cache).
 */
const RequestIdContext = createContext<string | undefined>(undefined)

export const RequestIdProvider = RequestIdContext.Provider

export function useRequestId(): string | undefined {
  return useContext(RequestIdContext)
}

export const REQUEST_ID_ATTRIBUTE = 'data-request-id'
