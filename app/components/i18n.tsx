import { useRouteLoaderData } from '@remix-run/react'
import { useMemo } from 'react'
import { translator, type Translate } from '#app/core/i18n/index'
import { isLang, type Lang } from '#app/core/lang'

/** The UI language chosen by the root loader. */
export function useUiLang(): Lang {
  const data = useRouteLoaderData('root') as { lang?: unknown } | undefined
  return isLang(data?.lang) ? data.lang : 'en'
}

export function useT(): Translate {
  const lang = useUiLang()
  return useMemo(() => translator(lang), [lang])
}
