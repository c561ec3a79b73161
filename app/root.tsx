import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from '@remix-run/react'
import { getSessionUser } from '#app/auth/session.server'
import { useT } from '#app/components/i18n'
import { LanguageSwitcher } from '#app/components/language-switcher'
import { useNonce } from '#app/components/nonce'
import { GeneralErrorBoundary } from '#app/components/error-boundary'
import { can } from '#app/core/permissions'
import { getUiLang } from '#app/http/lang.server'
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
    abilities: { moderate: can(user, 'revision.review'), manageUsers: can(user, 'user.list') },
  }
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const nonce = useNonce()
  const t = useT()
  const location = useLocation()
  const here = location.pathname + location.search
  return (
    <html lang={data?.lang ?? 'en'} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link to="/" className="brand">
              {t('site.name')}
            </Link>
            <nav aria-label={t('nav.main')} className="site-nav">
              <NavLink to="/pages">{t('nav.pages')}</NavLink>
              <NavLink to="/sources">{t('nav.sources')}</NavLink>
              <NavLink to="/recent-changes">{t('nav.recentChanges')}</NavLink>
              <NavLink to="/search">{t('nav.search')}</NavLink>
              {data?.abilities.moderate ? <NavLink to="/moderation">{t('nav.moderation')}</NavLink> : null}
              {data?.abilities.manageUsers ? <NavLink to="/admin/users">{t('userAdmin.title')}</NavLink> : null}
            </nav>
            <div className="site-header__tools">
              <LanguageSwitcher current={data?.lang ?? 'en'} redirectTo={here} />
              {data?.user ? (
                <>
                  <Link to={`/users/${encodeURIComponent(data.user.username)}`} className="user-link">
                    {data.user.username}
                  </Link>
                  <Link to="/account">{t('nav.account')}</Link>
                  <Form method="post" action="/logout">
                    <button type="submit" className="button-link">
                      {t('nav.logout')}
                    </button>
                  </Form>
                </>
              ) : (
                <>
                  <Link to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t('nav.login')}</Link>
                  <Link to="/signup">{t('nav.signup')}</Link>
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
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
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
