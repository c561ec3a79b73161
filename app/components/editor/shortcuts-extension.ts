import { Extension } from '@tiptap/core'
import { Plugin } from '@tiptap/pm/state'
import { takeSelectionFromDom } from './dom-selection'

/** What the editor's own shortcuts do. */
export interface ShortcutHandlers {
  citeFigure(): void
  addFootnote(): void
  editLink(): void
  focusToolbar(): void
}

export const SHORTCUTS = {
  citeFigure: 'Mod-Shift-f',
  addFootnote: 'Mod-Alt-f',
  editLink: 'Mod-k',
  focusToolbar: 'Alt-F10',
} as const

/** The same shortcuts as `aria-keyshortcuts` values, for the toolbar buttons that do the same. */
export function ariaShortcut(shortcut: string, mac: boolean): string {
  return shortcut
    .split('-')
    .map((part) => (part === 'Mod' ? (mac ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
    .join('+')
}

/**
 * The editor's own shortcuts. The handlers come through a getter, read at key time, so the editor
 * need not be rebuilt when they change (an object would be deep-copied by configure()).
 */
export const EditorShortcuts = Extension.create<{ handlers: () => ShortcutHandlers | null }>({
  name: 'editorShortcuts',
  addOptions() {
    return { handlers: () => null }
  },
  addProseMirrorPlugins() {
    return [
      // ProseMirror handles arrow keys itself when a node (a footnote) is selected, from its own
      // idea of the selection: take the caret the browser moved (a click, Home) first.
      new Plugin({
        props: {
          handleKeyDown: (view) => {
            takeSelectionFromDom(view)
            return false
          },
        },
      }),
    ]
  },
  addKeyboardShortcuts() {
    const run = (name: keyof ShortcutHandlers) => () => {
      const handlers = this.options.handlers()
      if (!handlers) return false
      takeSelectionFromDom(this.editor.view)
      handlers[name]()
      return true
    }
    return {
      [SHORTCUTS.citeFigure]: run('citeFigure'),
      [SHORTCUTS.addFootnote]: run('addFootnote'),
      [SHORTCUTS.editLink]: run('editLink'),
      [SHORTCUTS.focusToolbar]: run('focusToolbar'),
    }
  },
})
