import { useLocation, useNavigate } from '@remix-run/react'
import { useEffect } from 'react'
import { useUiLang } from '#app/components/i18n'
import type { PageContent } from '#app/core/content'
import type { SourceView } from '#app/presenters/source'
import { PageEditor } from './page-editor'
import type { ConflictView, EditorActionData } from '../../core/editor/types'
import { useEditorT } from './use-editor-t'

export interface EditorScreenData {
  slug: string | null
  pageTitle: string
  content: PageContent
  baseRevisionId: string | null
  idempotencyKey: string
  sources: Record<string, SourceView>
  conflict: ConflictView | null
}

/**
 * The whole edit screen of /pages/new and /pages/:slug/edit. After a 409 edit conflict the merge
 * view shows at once, and the address becomes ?conflict=<id> so a reload or a shared link opens
 * the same merge view.
 */
export function EditorScreen({ data, actionData }: { data: EditorScreenData; actionData: EditorActionData | undefined }) {
  const t = useEditorT()
  const uiLang = useUiLang()
  const navigate = useNavigate()
  const location = useLocation()
  const problem = actionData?.problem ?? null
  const conflict = problem?.kind === 'conflict' ? problem.conflict : data.conflict

  useEffect(() => {
    if (problem?.kind === 'conflict' && data.conflict?.revisionId !== problem.conflict.revisionId) {
      navigate(`${location.pathname}?conflict=${encodeURIComponent(problem.conflict.revisionId)}`, { replace: true, preventScrollReset: true })
    }
  }, [problem, data.conflict, location.pathname, navigate])

  const title = data.pageTitle || data.content.title
  return (
    <div className="editor-page">
      <h1 id="editor-heading">{conflict ? t('editor.page.conflictTitle', { title }) : data.slug ? t('editor.page.editTitle', { title }) : t('editor.page.newTitle')}</h1>
      <p className="muted editor-page__intro">{t('editor.page.intro')}</p>
      <PageEditor
        // A conflict starts a new editing session: its own content, base and idempotency key.
        key={conflict?.revisionId ?? 'editor'}
        slug={data.slug}
        initialContent={actionData?.content ?? data.content}
        baseContent={data.baseRevisionId ? data.content : null}
        initialSummary={actionData?.summary ?? ''}
        baseRevisionId={data.baseRevisionId}
        idempotencyKey={actionData?.idempotencyKey ?? data.idempotencyKey}
        sources={data.sources}
        uiLang={uiLang}
        problem={problem}
        conflict={conflict}
      />
    </div>
  )
}
