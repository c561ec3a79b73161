// The one place Remix's Link is imported (the lint rule points everyone else here).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { Link as RouterLink, useLocation } from '@remix-run/react'
import { createContext, useContext, type AnchorHTMLAttributes } from 'react'

/** Whether the page in view runs React in the browser (decision 024); the root layout provides it. */
export const HydratedContext = createContext(true)

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string }

/**
 * The app's link. On a hydrated page it is Remix's, for client-side navigation. On a reading page,
 * which has no router in the browser, it is a plain anchor with the same address: Remix's resolves
 * its path against the route tree on every server render (about 25 µs a link), which was most of
 * the render of a list page of a hundred rows (decision 037).
 */
export function Link({ to, ...anchor }: LinkProps) {
  const hydrated = useContext(HydratedContext)
  const { pathname } = useLocation()
  if (hydrated) return <RouterLink to={to} {...anchor} />
  // Remix resolves a search-only address ("?", "?cursor=…") against the current path; so does this.
  return <a href={to.startsWith('?') ? `${pathname}${to === '?' ? '' : to}` : to} {...anchor} />
}
