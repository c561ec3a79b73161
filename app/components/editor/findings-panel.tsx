import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { findingsOf, type EditorFinding } from './findings-extension'
import type { CheckStatus } from './use-live-findings'
import { useEditorT } from './use-editor-t'

/**
 * The findings of the live check beside the editor: each uncited figure with a "Cite" action
 * (selects it and opens the source picker), each promotional phrase with what to write instead.
 * The underlines in the text are the same findings; this list is how a screen reader gets them.
 */
export function FindingsPanel({ editor, status, onCite }: { editor: Editor; status: CheckStatus; onCite: (finding: EditorFinding) => void }) {
  const t = useEditorT()
  const findings = useEditorState({ editor, selector: ({ editor: e }) => findingsOf(e.state), equalityFn: (a, b) => a === b })
  const uncited = findings.filter((f) => f.kind === 'uncited')
  const marketing = findings.filter((f) => f.kind === 'marketing')
  const metrics = findings.filter((f) => f.kind === 'metric')
  const show = (f: EditorFinding) => editor.chain().focus().setTextSelection({ from: f.from, to: f.to }).scrollIntoView().run()
  const summary =
    status === 'unavailable'
      ? t('editor.findings.unavailable')
      : status === 'idle' || (status === 'checking' && findings.length === 0)
        ? t('editor.findings.checking')
        : uncited.length + marketing.length + metrics.length === 0
          ? t('editor.findings.none')
          : [
              uncited.length > 0 ? t('editor.findings.uncitedCount', { count: uncited.length }) : null,
              marketing.length > 0 ? t('editor.findings.marketingCount', { count: marketing.length }) : null,
              metrics.length > 0 ? t('editor.findings.metricCount', { count: metrics.length }) : null,
            ].filter(Boolean).join(' · ')
  return (
    <section className="findings" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('editor.findings.title')}</h2>
      <p role="status" className="findings__summary" data-testid="findings-summary">
        {summary}
      </p>
      {uncited.length > 0 ? (
        <>
          <h3>{t('editor.findings.uncitedTitle')}</h3>
          <p className="muted findings__why">{t('editor.findings.uncitedWhy')}</p>
          <ul className="findings__list">
            {uncited.map((f) => (
              <li key={f.id} className="findings__item findings__item--uncited">
                <q>{f.text}</q>
                {f.suggestion ? <p className="findings__suggestion">{f.suggestion}</p> : null}
                <button
                  type="button"
                  onClick={() => {
                    show(f)
                    onCite(f)
                  }}
                >
                  {t('editor.findings.cite', { text: f.text })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {marketing.length > 0 ? (
        <>
          <h3>{t('editor.findings.marketingTitle')}</h3>
          <ul className="findings__list">
            {marketing.map((f) => (
              <li key={f.id} className="findings__item findings__item--marketing">
                <q>{f.text}</q> <span className="muted">({categoryLabel(t, f.category)})</span>
                {f.suggestion ? <p className="findings__suggestion">{f.suggestion}</p> : null}
                <button type="button" onClick={() => show(f)}>
                  {t('editor.findings.show', { text: f.text })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {metrics.length > 0 ? (
        <>
          <h3>{t('editor.findings.metricTitle')}</h3>
          <ul className="findings__list">
            {metrics.map((f) => (
              <li key={f.id} className={`findings__item findings__item--metric findings__item--${f.finding}`}>
                <q>{f.text}</q>
                {f.suggestion ? <p className="findings__suggestion">{f.suggestion}</p> : null}
                <button
                  type="button"
                  onClick={() => {
                    show(f)
                    onCite(f)
                  }}
                >
                  {t('editor.findings.editFigure', { text: f.text })}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

function categoryLabel(t: ReturnType<typeof useEditorT>, category: string | null): string {
  switch (category) {
    case 'peacock':
    case 'weasel':
    case 'buzzword':
    case 'editorial':
    case 'time-relative':
    case 'doubt':
      return t(`editor.findings.category.${category}`)
    default:
      return t('editor.findings.category.other')
  }
}
