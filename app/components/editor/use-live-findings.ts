import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useState } from 'react'
import type { Lang } from '#app/core/lang'
import { finishCheck, startCheck, type LintAnswer } from './findings-extension'
import { takeSelectionFromDom } from './dom-selection'

export type CheckStatus = 'idle' | 'checking' | 'done' | 'unavailable'

/** How long typing must pause before the text is checked. */
const CHECK_DELAY_MS = 400

/**
 * Checks the text while it is typed: after a pause, the document goes to the lint API (so the
 * server's rules and its knowledge of which sources exist apply) and the answer is handed to the
 * findings plugin. A newer check aborts the older one's request.
 */
export function useLiveFindings(editor: Editor | null, lang: Lang): CheckStatus {
  const [status, setStatus] = useState<CheckStatus>('idle')
  const sequence = useRef(0)

  useEffect(() => {
    if (!editor) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let controller: AbortController | undefined

    const check = async () => {
      if (editor.isDestroyed) return
      controller?.abort()
      controller = new AbortController()
      const id = ++sequence.current
      takeSelectionFromDom(editor.view)
      const doc = editor.state.doc
      editor.view.dispatch(startCheck(editor.state.tr, id))
      setStatus('checking')
      try {
        const response = await fetch('/api/v1/lint', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ doc: doc.toJSON(), lang }),
          signal: controller.signal,
        })
        if (!response.ok) throw new Error(`lint answered ${response.status}`)
        const answer = (await response.json()) as LintAnswer
        if (editor.isDestroyed || id !== sequence.current) return
        takeSelectionFromDom(editor.view)
        editor.view.dispatch(finishCheck(editor.state.tr, id, doc, answer))
        setStatus('done')
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return
        if (id === sequence.current) setStatus('unavailable')
      }
    }

    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(() => void check(), CHECK_DELAY_MS)
    }
    const onUpdate = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (transaction.docChanged) schedule()
    }
    editor.on('update', onUpdate)
    void check()
    return () => {
      editor.off('update', onUpdate)
      clearTimeout(timer)
      controller?.abort()
    }
  }, [editor, lang])

  return status
}
