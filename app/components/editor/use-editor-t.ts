import { useMemo } from 'react'
import { useUiLang } from '#app/components/i18n'
import { editorTranslator, type EditorTranslate } from '#app/core/i18n/editor-messages'

/** The editor's strings: loaded with the editor only, so the reader's pages do not carry them. */
export function useEditorT(): EditorTranslate {
  const lang = useUiLang()
  return useMemo(() => editorTranslator(lang), [lang])
}
