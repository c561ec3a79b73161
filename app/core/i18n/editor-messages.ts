import type { Lang } from '../lang'
import { fetchCatalogue, PRELOADED } from './editor-catalogues'
import type { EditorMessages } from './editor-strings'
import { catalogueRegistry } from './registry'

/**
 * The editor's translator. Its strings (editor-strings.ts) are kept out of the shared catalogue
 * on purpose: only the editor and the edit routes use them. The server has every language; the
 * browser loads the page's own (loadEditorMessages), like the shared catalogue (decision 035).
 */
const registry = catalogueRegistry(PRELOADED, fetchCatalogue, 'editor')

export const loadEditorMessages = registry.load
export const hasEditorMessages = registry.has
export const onEditorMessagesLoaded = registry.subscribe

/** Every editor string of a language (tests check them all). */
export function editorMessages(lang: Lang): Readonly<Record<string, unknown>> {
  return registry.get(lang)
}

export type EditorMessageKey = keyof EditorMessages
type ParamsOf<K extends EditorMessageKey> = EditorMessages[K] extends (params: infer P) => string ? [params: P] : []
export type EditorTranslate = <K extends EditorMessageKey>(key: K, ...params: ParamsOf<K>) => string

export function editorTranslator(lang: Lang): EditorTranslate {
  const messages = registry.get(lang)
  return (key, ...params) => {
    const message = messages[key] as string | ((p: unknown) => string)
    return typeof message === 'function' ? message(params[0]) : message
  }
}
