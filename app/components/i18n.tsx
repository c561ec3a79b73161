import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { translator, type Translate } from '#app/core/i18n/index'
import { isLang, type Lang } from '#app/core/lang'

/**
 * The UI language chosen by the root loader; on an error page whose root loader failed (the
 * database is down), the language the error answer carries.
 */
export function useUiLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: unknown } | undefined
  const error = useRouteError()
  if (isLang(data?.lang)) return data.lang
  const errorLang = isRouteErrorResponse(error) ? (error.data as { lang?: unknown } | null)?.lang : undefined
  return isLang(errorLang) ? errorLang : 'en'
}

export function useT(): Translate {
  const lang = useUiLang()
  return useMemo(() => translator(lang), [lang])
}
