import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { loadCatalogue } from '#app/core/i18n/index'
import { isLang } from '#app/core/lang'

// Only the page's own language is downloaded (decision 035); it must be there before the first
// render, which has to match the server's HTML.
const lang = document.documentElement.lang
void loadCatalogue(isLang(lang) ? lang : 'en').then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
})
