import { config } from '#app/infra/config.server'

/** The public origin and the origins a browser may post from (ORIGIN; see config.server.ts). */
export function getOrigins(): { origin: string; allowed: string[] } {
  return config.origins
}
