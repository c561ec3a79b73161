import { LANG_COOKIE } from '#app/auth/cookie-names'
import { negotiateLang } from '#app/core/i18n/index'
import type { Lang } from '#app/core/lang'

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get('cookie')
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
  return negotiateLang(readCookie(request, LANG_COOKIE), request.headers.get('accept-language'))
}

export function langCookieHeader(lang: Lang, secure: boolean): string {
  return `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`
}
