import type { Lang } from '../lang'
import type { EditorMessages } from './editor-strings'

/**
 * In the browser the editor's strings are loaded per language: before hydration on an edit route
 * (entry.client.tsx), before a client-side navigation to one (its clientLoader).
 * scripts/vite-catalogue-plugin.ts puts this module in place of editor-catalogues.ts.
 */
export const PRELOADED: Partial<Record<Lang, EditorMessages>> = {}

const CHUNKS: Record<Lang, () => Promise<{ messages: EditorMessages }>> = {
  en: () => import('./editor-catalogue.en'),
  de: () => import('./editor-catalogue.de'),
  fr: () => import('./editor-catalogue.fr'),
}

export async function fetchCatalogue(lang: Lang): Promise<EditorMessages> {
  return (await CHUNKS[lang]()).messages
}
