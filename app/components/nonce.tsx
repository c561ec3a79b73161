import { createContext, useContext } from 'react'

// Browsers hide the nonce attribute from scripts after load, so on the client the nonce is ''
// and React keeps the server's markup as it is.
const NonceContext = createContext<string | undefined>(undefined)

export const NonceProvider = NonceContext.Provider

export function useNonce(): string | undefined {
  return useContext(NonceContext)
}
