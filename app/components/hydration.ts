import type { UIMatch } from '@remix-run/react'

/**
 * A route that reads well as plain HTML declares `handle = { hydrate: false }`; the root then
 * renders no React scripts for it (no framework, no translations, no loader data in the page) and
 * loads only the small vanilla enhancement script instead. See docs/decisions/024-light-reader-pages.md.
 */
export const NO_HYDRATION = { hydrate: false } as const

export function shouldHydrate(matches: readonly UIMatch[]): boolean {
  return !matches.some((match) => (match.handle as { hydrate?: unknown } | undefined)?.hydrate === false)
}
