import type { Editor } from '@tiptap/core'
import { getMarkRange } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { useEditorState } from '@tiptap/react'
import type { SourceView } from '#app/presenters/source'
import { useEditorT } from './use-editor-t'

type Here =
  | { kind: 'figure'; text: string; sourceId: string | null; quote: string | null; asOf: string | null; metric: string | null }
  | { kind: 'citation'; sourceId: string | null; locator: string | null }
  | null

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null)

function evidenceHere(editor: Editor): Here {
  const { selection, doc, schema } = editor.state
  if (selection instanceof NodeSelection && selection.node.type.name === 'citation') {
    return { kind: 'citation', sourceId: str(selection.node.attrs.sourceId), locator: str(selection.node.attrs.locator) }
  }
  const figure = schema.marks.figure!
  const range = getMarkRange(selection.$from, figure)
  if (!range || selection.to > range.to) return null
  const mark = doc.nodeAt(range.from)?.marks.find((m) => m.type === figure)
  if (!mark) return null
  return { kind: 'figure', text: doc.textBetween(range.from, range.to), sourceId: str(mark.attrs.sourceId), quote: str(mark.attrs.quote), asOf: str(mark.attrs.asOf), metric: str(mark.attrs.metric) }
}

/**
 * What the cursor stands on — a figure with its evidence or a footnote — with the actions to edit
 * or remove it; so clicking a figure (or arriving at it with the keyboard) shows what backs it.
 */
export function EvidenceBar({
  editor,
  sources,
  onEdit,
  onRemove,
}: {
  editor: Editor
  sources: Record<string, SourceView>
  onEdit: (kind: 'figure' | 'citation') => void
  onRemove: (kind: 'figure' | 'citation') => void
}) {
  const t = useEditorT()
  const here = useEditorState({ editor, selector: ({ editor: e }) => evidenceHere(e) })
  if (!here) return null
  const source = here.sourceId ? sources[here.sourceId] : undefined
  const sourceLabel = source ? source.title : here.sourceId ? t('editor.bar.sourceLoading') : t('editor.bar.noSource')
  const missing = here.kind === 'figure' ? [!here.sourceId && t('editor.bar.missingSource'), !here.quote && t('editor.bar.missingQuote'), !here.asOf && t('editor.bar.missingAsOf')].filter((x): x is string => Boolean(x)) : []
  return (
    <div className="evidence-bar" role="group" aria-label={here.kind === 'figure' ? t('editor.bar.figureLabel', { text: here.text }) : t('editor.bar.footnoteLabel')}>
      <p className="evidence-bar__summary">
        <strong>{here.kind === 'figure' ? t('editor.bar.figure', { text: here.text }) : t('editor.bar.footnote')}</strong>{' '}
        <span>{t('editor.bar.source', { title: sourceLabel })}</span>
        {source?.selfReported ? <span className="badge badge--vendor">{t('editor.bar.selfReported')}</span> : null}
        {here.kind === 'figure' && here.asOf ? <span> · {t('editor.bar.asOf', { date: here.asOf })}</span> : null}
        {here.kind === 'figure' && here.metric ? <span> · {here.metric}</span> : null}
        {here.kind === 'citation' && here.locator ? <span> · {here.locator}</span> : null}
      </p>
      {missing.length > 0 ? <p className="evidence-bar__missing">{t('editor.bar.incomplete', { missing: missing.join(', ') })}</p> : null}
      <div className="evidence-bar__actions">
        <button type="button" onClick={() => onEdit(here.kind)}>
          {here.kind === 'figure' ? t('editor.bar.editFigure') : t('editor.bar.editFootnote')}
        </button>
        <button type="button" onClick={() => onRemove(here.kind)}>
          {here.kind === 'figure' ? t('editor.bar.removeFigure') : t('editor.bar.removeFootnote')}
        </button>
      </div>
    </div>
  )
}
