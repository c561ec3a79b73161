import { escapeHtml } from '#app/core/html'
import type { Translate } from '#app/core/i18n/index'

// lucide's "bell" (lucide-react renders the same markup), written out: this block is built as a
// string, so that the server can build it without React (below).
const BELL =
  '<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" class="lucide lucide-bell" aria-hidden="true"><path d="M10.268 21a2 2 0 0 0 3.464 0"></path><path d="M3.262 15.326A1 1 0 0 0 4 17h16a1 1 0 0 0 .74-1.673C19.41 13.956 18 12.499 18 8A6 6 0 0 0 6 8c0 4.499-1.411 5.956-2.738 7.326"></path></svg>'

/**
 * The one personal part of a reading page's document: a signed-in person's notifications link and
 * account menu. It is HTML built here rather than JSX so that the server can answer a signed-in
 * read from a document rendered once for everyone of the same role, with only this block built
 * per request (server/signed-in-pages.ts, decision 036); the layout inserts the same string, so
 * both ways give the same bytes. Plain links and a plain form: the page works without JavaScript,
 * and on a hydrated page they navigate as a full load.
 */
export function userToolsHtml(user: { username: string; unread: number }, t: Translate): string {
  const name = escapeHtml(user.username)
  const badge = user.unread > 0 ? `<span class="badge badge--count">${user.unread}</span>` : ''
  return (
    `<a class="notifications-link" aria-label="${escapeHtml(t('notifications.link', { count: user.unread }))}" href="/notifications">${BELL}` +
    `<span class="notifications-link__label">${escapeHtml(t('notifications.title'))}</span>${badge}</a>` +
    `<details class="user-menu" data-menu="true"><summary aria-label="${escapeHtml(t('nav.userMenu', { name: user.username }))}">${name}</summary>` +
    `<div class="user-menu__items"><a class="user-link" href="/users/${escapeHtml(encodeURIComponent(user.username))}">${name}</a>` +
    `<a href="/watchlist">${escapeHtml(t('watchlist.title'))}</a><a href="/account">${escapeHtml(t('nav.account'))}</a>` +
    `<form method="post" action="/logout"><button type="submit" class="button-link">${escapeHtml(t('nav.logout'))}</button></form></div></details>`
  )
}
