import { useRef, useState } from 'react'
import { useT } from '#app/components/i18n'
import { MetaChangesSection } from '#app/components/revision-diff'
import type { PageContent } from '#app/core/content'
import { diffRevisions, metaUnchanged, renderBodyDiff, type DiffLabels } from '#app/core/revision-diff'
import type { Translate } from '#app/core/i18n/index'
import type { SourceView } from '#app/presenters/source'
import { useEditorT } from './use-editor-t'

/** The same labels the history's diff page uses, in the interface language. */
function labels(t: Translate, sources: Record<string, SourceView>): DiffLabels {
  return {
    added: t('diff.block.added'),
    removed: t('diff.block.removed'),
    changed: t('diff.block.changed'),
    addedStart: t('diff.addedStart'),
    addedEnd: t('diff.addedEnd'),
    removedStart: t('diff.removedStart'),
    removedEnd: t('diff.removedEnd'),
    formattingOnly: t('diff.formattingOnly'),
    skipped: (count) => t('diff.skipped', { count }),
    table: (n) => t('page.tableLabel', { n }),
    citation: (id) => t('diff.citation', { source: (id && sources[id]?.title) || t('diff.unknownSource') }),
  }
}

/**
 * "Show changes": the diff between the revision being edited and the editor's text, before
 * saving, computed in the browser with the same rules as the history's diff page.
 */
export function ShowChanges({ base, current, sources }: { base: PageContent | null; current: () => PageContent | null; sources: Record<string, SourceView> }) {
  const t = useT()
  const et = useEditorT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [view, setView] = useState<{ html: string; meta: ReturnType<typeof diffRevisions>['meta']; unchanged: boolean; metaSame: boolean } | null>(null)
  const open = () => {
    const now = current()
    if (!now) return
    const diff = diffRevisions(base, now)
    setView({ html: renderBodyDiff(diff.body, labels(t, sources)), meta: diff.meta, unchanged: diff.bodyUnchanged && metaUnchanged(diff.meta), metaSame: metaUnchanged(diff.meta) })
    dialog.current?.showModal()
  }
  return (
    <>
      <button type="button" onClick={open}>
        {et('editor.changes.show')}
      </button>
      <dialog ref={dialog} className="changes-dialog" aria-labelledby="changes-title" onClose={() => setView(null)}>
        <h2 id="changes-title">{et('editor.changes.title')}</h2>
        {view === null ? null : view.unchanged ? (
          <p>{et('editor.changes.none')}</p>
        ) : (
          <>
            {view.metaSame ? null : <MetaChangesSection meta={view.meta} unchanged={false} />}
            <div className="diff-body" dangerouslySetInnerHTML={{ __html: view.html }} />
          </>
        )}
        {/* A button, not <form method="dialog">: this dialog sits inside the editor's form. */}
        <button type="button" className="primary" onClick={() => dialog.current?.close()}>
          {et('editor.changes.close')}
        </button>
      </dialog>
    </>
  )
}
