import type { Lang } from '../lang'
import { de, en, fr, type EditorMessages } from './editor-strings'

/** The editor's strings at hand from the start: every language (catalogues.ts explains). */
export const PRELOADED: Partial<Record<Lang, EditorMessages>> = { en, de, fr }

export async function fetchCatalogue(lang: Lang): Promise<EditorMessages> {
  return { en, de, fr }[lang]
}
