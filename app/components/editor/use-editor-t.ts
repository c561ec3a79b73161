import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { useUiLang } from '#app/components/i18n'
import { editorTranslator, hasEditorMessages, loadEditorMessages, onEditorMessagesLoaded, type EditorTranslate } from '#app/core/i18n/editor-messages'

/**
 * The editor's strings: loaded with the editor only, so the reader's pages do not carry them, and
 * in the browser only the page's language (editor-route.ts loads it before the editor renders).
 * Should the UI language change without a new document, the new language is fetched and the
 * editor re-renders with it (as useT does).
 */
export function useEditorT(): EditorTranslate {
  const lang = useUiLang()
  const ready = useSyncExternalStore(onEditorMessagesLoaded, () => hasEditorMessages(lang), () => true)
  useEffect(() => {
    if (!ready) void loadEditorMessages(lang)
  }, [lang, ready])
  return useMemo(() => editorTranslator(lang), [lang, ready]) // eslint-disable-line react-hooks/exhaustive-deps -- `ready` changes what editorTranslator(lang) returns
}
