import { LANG_COOKIE } from '#app/auth/cookie-names'
import { negotiateLang } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'

/** One cookie's value from a Cookie header; null when absent or not decodable (never a throw). */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return null
      }
    }
  }
  return null
}

/** The reader's UI language: their explicit choice, else Accept-Language, else English. */
export function getUiLang(request: Request): Lang {
  return uiLangFromHeaders(request.headers.get('cookie'), request.headers.get('accept-language'))
}

/** The same from the raw headers: the HTTP server's page cache asks before any Request exists. */
export function uiLangFromHeaders(cookie: string | null, acceptLanguage: string | null): Lang {
  return negotiateLang(cookieValue(cookie, LANG_COOKIE), acceptLanguage)
}

export function langCookieHeader(lang: Lang, secure: boolean): string {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`
}
