import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useRouteLoaderData } from '@remix-run/react'
import { HydratedContext, Link } from '#app/components/link'
import { getSessionUser } from '#app/auth/session.server'
import { useT, useUiLang } from '#app/components/i18n'
import { LanguageSwitcher } from '#app/components/language-switcher'
import { useNonce } from '#app/components/nonce'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { can } from '#app/core/permissions'
import { getUiLang } from '#app/http/lang.server'
import { getDb } from '#app/models/db.server'
import { countUnread } from '#app/models/notifications.server'
import { shouldHydrate } from '#app/components/hydration'
import { userToolsHtml } from '#app/components/user-tools'
import enhanceJs from '#app/enhance/reader.js?url&no-inline'
import appCss from '#app/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appCss },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSessionUser(request)
  const user = session?.user ?? null
  return {
    lang: getUiLang(request),
    user: user ? { username: user.username, role: user.role } : null,
    unread: user ? await countUnread(getDb(), user.id) : 0,
    abilities: { moderate: can(user, 'revision.review'), manageUsers: can(user, 'user.list') },
  }
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  const t = useT()
  const lang = useUiLang()
  const location = useLocation()
  const hydrate = shouldHydrate(useMatches())
  const here = location.pathname + location.search
  const nav = (
    <>
      <NavLink to="/pages">{t('nav.pages')}</NavLink>
      <NavLink to="/products">{t('nav.products')}</NavLink>
      <NavLink to="/sources">{t('nav.sources')}</NavLink>
      <NavLink to="/recent-changes">{t('nav.recentChanges')}</NavLink>
      <NavLink to="/search">{t('nav.search')}</NavLink>
      {data?.abilities.moderate ? <NavLink to="/moderation">{t('nav.moderation')}</NavLink> : null}
      {data?.abilities.manageUsers ? <NavLink to="/admin/users">{t('userAdmin.title')}</NavLink> : null}
      {data?.user ? null : (
        <NavLink to="/signup" className="phone-only">
          {t('nav.signup')}
        </NavLink>
      )}
    </>
  )
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <Meta />
        <Links />
      </head>
      <body>
        <HydratedContext.Provider value={hydrate}>
          <a className="skip-link" href="#main">
            {t('nav.skip')}
          </a>
          <header className="site-header">
            <div className="site-header__inner">
              <Link to="/" className="brand">
                {t('site.name')}
              </Link>
              {/* One list of links: a row on a wide screen, a menu behind a button on a phone (CSS). */}
              <details className="site-menu" data-menu>
                <summary>{t('nav.menu')}</summary>
                <nav aria-label={t('nav.main')} className="site-nav">
                  {nav}
                </nav>
              </details>
              <div className="site-header__tools">
                <LanguageSwitcher current={lang} redirectTo={here} />
                {data?.user ? (
                  // Built as a string: the one part a signed-in read builds per request (user-tools.ts).
                  <div className="user-tools" dangerouslySetInnerHTML={{ __html: userToolsHtml({ username: data.user.username, unread: data.unread }, t) }} />
                ) : (
                  <>
                    <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('nav.login')}</Link>
                    <Link to="/signup" className="site-header__signup">
                      {t('nav.signup')}
                    </Link>
                  </>
                )}
              </div>
            </div>
          </header>
          <main id="main" tabIndex={-1}>
            {children}
          </main>
          <footer className="site-footer">
            <p>{t('footer.about')}</p>
            <p>
              <Link to="/moderation/log">{t('footer.log')}</Link> · <a href="/api/v1/pages">{t('footer.api')}</a>
            </p>
          </footer>
          {hydrate ? (
            <>
              <ScrollRestoration nonce={nonce} />
              <Scripts nonce={nonce} />
            </>
          ) : (
            // Reading pages work as plain HTML; this small script only adds previews and menu comfort.
            <script src={enhanceJs} defer nonce={nonce} />
          )}
        </HydratedContext.Provider>
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
