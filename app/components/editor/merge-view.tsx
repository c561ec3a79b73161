import { SubjectsBox } from '#app/components/subjects'
import { useUiLang } from '#app/components/i18n'
import { formatDateTime } from '#app/core/format'
import { LANG_NAMES } from '#app/core/i18n/index'
import type { ConflictView } from '../../core/editor/types'
import { useEditorT } from './use-editor-t'

/**
 * The left side of the merge view: the page as it is now (read-only), beside one's own version in
 * the editor. The body HTML comes from the server's renderer, the one that renders pages.
 */
export function MergeView({ conflict }: { conflict: ConflictView }) {
  const t = useEditorT()
  const lang = useUiLang()
  const { latest } = conflict
  return (
    <section className="merge-theirs" aria-labelledby="merge-theirs-title">
      <h2 id="merge-theirs-title">{t('editor.conflict.current')}</h2>
      <p className="muted">
        {t('editor.conflict.byline', { author: latest.authorName, date: formatDateTime(lang, latest.createdAt) })}
        {latest.summary ? <> — <q>{latest.summary}</q></> : null}
      </p>
      <dl className="merge-theirs__meta">
        <dt>{t('editor.meta.title')}</dt>
        <dd lang={latest.content.lang}>{latest.content.title}</dd>
        <dt>{t('editor.meta.summary')}</dt>
        <dd lang={latest.content.lang}>{latest.content.summary || '—'}</dd>
        <dt>{t('editor.meta.lang')}</dt>
        <dd>{LANG_NAMES[latest.content.lang]}</dd>
      </dl>
      <SubjectsBox subjects={latest.content.subjects} categories={latest.content.categories} />
      <div className="prose merge-theirs__body" lang={latest.content.lang} dangerouslySetInnerHTML={{ __html: latest.bodyHtml }} />
    </section>
  )
}
