import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DocNode, PageContent } from '#app/core/content'

/** What is kept in the browser between two visits of the editor. */
interface StoredDraft {
  savedAt: string
  baseRevisionId: string | null
  content: PageContent
  summary: string
}

const PREFIX = 'sourced.draft.'
const SAVE_AFTER_MS = 600

function read(key: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(key)
    const draft = raw ? (JSON.parse(raw) as StoredDraft) : null
    return draft && typeof draft.savedAt === 'string' && typeof draft.content === 'object' ? draft : null
  } catch {
    return null
  }
}

/**
 * Keeps the text being edited in localStorage, so a crash, a closed tab or a reload loses
 * nothing: the next visit offers the draft back. A draft is offered only while the page is still
 * at the revision it was written on (after someone saves, it would undo their edit), and is
 * dropped when the form is sent.
 */
export function useDraft(options: { slug: string | null; baseRevisionId: string | null; editor: Editor | null; snapshot: () => { content: PageContent; summary: string } | null; initial: unknown }) {
  const key = PREFIX + (options.slug ?? 'new')
  const [offer, setOffer] = useState<StoredDraft | null>(null)
  const snapshot = useRef(options.snapshot)
  snapshot.current = options.snapshot
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  // On opening: a draft written on the same base, and different from what the editor shows.
  useEffect(() => {
    if (!options.editor) return
    const draft = read(key)
    if (!draft) return
    if (draft.baseRevisionId !== options.baseRevisionId) {
      window.localStorage.removeItem(key)
      return
    }
    if (JSON.stringify(draft.content) !== JSON.stringify(options.initial)) setOffer(draft)
    // Only once per editor: later changes are the person's own.
  }, [options.editor]) // eslint-disable-line react-hooks/exhaustive-deps

  const save = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const now = snapshot.current()
      if (!now) return
      const draft: StoredDraft = { savedAt: new Date().toISOString(), baseRevisionId: options.baseRevisionId, ...now }
      try {
        window.localStorage.setItem(key, JSON.stringify(draft))
      } catch {
        // Storage full or refused (private mode): the draft is a comfort, the editor works without it.
      }
    }, SAVE_AFTER_MS)
  }, [key, options.baseRevisionId])

  useEffect(() => {
    const editor = options.editor
    if (!editor) return
    editor.on('update', save)
    return () => {
      editor.off('update', save)
      clearTimeout(timer.current)
    }
  }, [options.editor, save])

  return {
    offer,
    /** Call after a metadata field changed. */
    changed: save,
    restore: (apply: (content: PageContent, summary: string) => void) => {
      if (!offer || !options.editor) return
      options.editor.commands.setContent(offer.content.body as DocNode, { emitUpdate: true })
      apply(offer.content, offer.summary)
      setOffer(null)
    },
    discard: () => {
      window.localStorage.removeItem(key)
      setOffer(null)
    },
    /** The form is being sent: what it holds is now the server's to keep. */
    sent: () => {
      clearTimeout(timer.current)
      window.localStorage.removeItem(key)
    },
  }
}
