import { config } from '#app/config.server'

/**
 * The public origin (ORIGIN, default http://localhost:$PORT) and the origins a browser may post
 * from, as the configuration resolved them at start-up.
 */
export function getOrigins(): { origin: string; allowed: string[] } {
  return { origin: config.origin, allowed: config.allowedOrigins }
}
