import type { Lang } from '../lang'
import { messages as de } from './catalogue.de'
import { messages as en } from './catalogue.en'
import type { Messages } from './catalogue.en'
import { messages as fr } from './catalogue.fr'

/**
 * The catalogues present from the start. On the server (and under tests and scripts) that is every
 * language, synchronously. The browser build swaps this module for catalogues.browser.ts, which
 * has none and fetches each language as a chunk of its own (decision 035).
 */
export const PRELOADED: Partial<Record<Lang, Messages>> = { en, de, fr }

export async function fetchCatalogue(lang: Lang): Promise<Messages> {
  return { en, de, fr }[lang]
}
