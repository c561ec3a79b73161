import type { Lang } from '../lang'

/**
 * The catalogues of one set of strings (the shared UI strings, the editor's) that are at hand, by
 * language. The server starts with every language; the browser with none and loads the page's
 * own, each language a chunk of its own (decision 035).
 */
export interface CatalogueRegistry<M> {
  /** Makes a language available; resolves at once when it already is. */
  load(lang: Lang): Promise<void>
  has(lang: Lang): boolean
  /** The language's catalogue, else (in the browser, while it is on its way) one that is loaded. */
  get(lang: Lang): M
  /** Calls back when a catalogue arrives, so that what rendered with a stand-in renders again. */
  subscribe(listener: () => void): () => void
}

export function catalogueRegistry<M>(preloaded: Partial<Record<Lang, M>>, fetch: (lang: Lang) => Promise<M>, name: string): CatalogueRegistry<M> {
  const catalogues: Partial<Record<Lang, M>> = { ...preloaded }
  const listeners = new Set<() => void>()
  return {
    async load(lang) {
      if (catalogues[lang]) return
      catalogues[lang] = await fetch(lang)
      for (const listener of listeners) listener()
    },
    has: (lang) => catalogues[lang] !== undefined,
    get(lang) {
      const messages = catalogues[lang] ?? Object.values(catalogues)[0]
      if (!messages) throw new Error(`No ${name} catalogue is loaded (wanted ${lang}): load it first`)
      return messages
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
