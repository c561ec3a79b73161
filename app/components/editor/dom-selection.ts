import type { EditorView } from '@tiptap/pm/view'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'

/**
 * The browser moves the caret for clicks, arrow keys, Home and shift-selection itself, and
 * ProseMirror learns of it only on the next `selectionchange` event. Anything that acts on the
 * selection or redraws the text in between would act on the old caret — or put it back there: a
 * shortcut pressed right after an arrow key found no figure, a live-check answer arriving
 * mid-selection collapsed the reader's selection, and Shift+Arrow right after clicking into the
 * text from a selected footnote extended from the footnote. Call this first to take the caret
 * from the DOM.
 */
export function takeSelectionFromDom(view: EditorView): void {
  const { selection } = view.state
  const isNode = selection instanceof NodeSelection
  // Cell selections are ProseMirror's own: the browser did not move those.
  if (!(selection instanceof TextSelection || isNode) || !view.hasFocus()) return
  const dom = view.dom.ownerDocument.getSelection()
  if (!dom?.anchorNode || !dom.focusNode || !view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return
  const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset)
  const head = view.posAtDOM(dom.focusNode, dom.focusOffset)
  if (isNode) {
    // A selected footnote as ProseMirror draws it (around the node, or a caret inside it) stays
    // selected; a caret the browser put elsewhere (a click into the text) wins.
    if (Math.min(anchor, head) >= selection.from && Math.max(anchor, head) <= selection.to) return
  } else if (anchor === selection.anchor && head === selection.head) return
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)))
}
