import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { hasCatalogue, loadCatalogue, onCatalogueLoaded, translator, type Translate } from '#app/core/i18n/index'
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

/**
 * A translator for the UI language. The browser holds only the catalogue it hydrated with; should
 * the language change without a new document (the cookie was changed in another tab, then this
 * one revalidated), the new catalogue is fetched and every user of this hook re-renders with it.
 */
export function useT(): Translate {
  const lang = useUiLang()
  const ready = useSyncExternalStore(onCatalogueLoaded, () => hasCatalogue(lang), () => true)
  useEffect(() => {
    if (!ready) void loadCatalogue(lang)
  }, [lang, ready])
  return useMemo(() => translator(lang), [lang, ready]) // eslint-disable-line react-hooks/exhaustive-deps -- `ready` changes what translator(lang) returns
}
