import { isLang, LANGS, type Lang } from '../lang'
import type { Messages } from './catalogue.en'
import { fetchCatalogue, PRELOADED } from './catalogues'
import { catalogueRegistry } from './registry'

/**
 * All UI strings: per language, the base catalogue (en.ts, de.ts, fr.ts) plus one module per
 * feature under features/, each giving English, German and French for the same keys (the types
 * enforce it), merged in catalogue.<lang>.ts. The server has every language from the start; the
 * browser loads only the page's own (loadCatalogue, decision 035).
 */
export type MessageKey = keyof Messages
/** The keys whose text takes no parameters: what a form schema may name as an error. */
export type PlainMessageKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey]
type ParamsOf<K extends MessageKey> = Messages[K] extends (params: infer P) => string ? [params: P] : []

const registry = catalogueRegistry(PRELOADED, fetchCatalogue, 'UI')

/** Makes a language's catalogue available to translator(); in the browser, one chunk per language. */
export const loadCatalogue = registry.load
export const hasCatalogue = registry.has
/** Calls back when a catalogue arrives (useT re-renders with it). */
export const onCatalogueLoaded = registry.subscribe

export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string

/**
 * The one localisation layer: every UI string goes through a translator made here. In the
 * browser, a language whose catalogue has not arrived yet is served from one that has (useT
 * asks for the missing one and re-renders when it comes); on the server every language is there.
 */
export function translator(lang: Lang): Translate {
  const messages = registry.get(lang)
  return (key, ...params) => {
    const message = messages[key] as string | ((p: unknown) => string)
    return typeof message === 'function' ? message(params[0]) : message
  }
}

export function catalogue(lang: Lang): Readonly<Record<string, unknown>> {
  return registry.get(lang)
}

/**
 * The UI language: an explicit choice (the `lang` cookie) wins; otherwise the best match in
 * Accept-Language by quality; otherwise English.
 */
export function negotiateLang(cookieLang: string | null | undefined, acceptLanguage: string | null | undefined): Lang {
  if (isLang(cookieLang)) return cookieLang
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean)
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return (ranked.find((entry) => isLang(entry.base))?.base as Lang | undefined) ?? 'en'
}

export const LANG_NAMES: Record<Lang, string> = { en: 'English', de: 'Deutsch', fr: 'Français' }
export { LANGS }
