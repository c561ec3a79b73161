import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { documentLang, routesNeedEditorStrings } from '#app/components/editor/editor-route'
import { loadEditorMessages } from '#app/core/i18n/editor-messages'
import { loadCatalogue } from '#app/core/i18n/index'

// Only the page's own language is downloaded (decision 035); it must be there before the first
// render, which has to match the server's HTML. An edit route also needs the editor's strings.
const lang = documentLang()
const routeModules = (window as unknown as { __remixRouteModules?: Record<string, { handle?: unknown }> }).__remixRouteModules ?? {}
void Promise.all([loadCatalogue(lang), routesNeedEditorStrings(routeModules) ? loadEditorMessages(lang) : null]).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
})
