import type { Lang } from '../lang'
import type { Messages } from './catalogue.en'

/**
 * In the browser no catalogue is there from the start: entry.client.tsx loads the document's
 * language (loadCatalogue) before it hydrates, each language a chunk of its own.
 * scripts/vite-catalogue-plugin.ts puts this module in place of catalogues.ts in the client build.
 */
export const PRELOADED: Partial<Record<Lang, Messages>> = {}

const CHUNKS: Record<Lang, () => Promise<{ messages: Messages }>> = {
  en: () => import('./catalogue.en'),
  de: () => import('./catalogue.de'),
  fr: () => import('./catalogue.fr'),
}

export async function fetchCatalogue(lang: Lang): Promise<Messages> {
  return (await CHUNKS[lang]()).messages
}
