import { Form, useNavigation } from '@remix-run/react'
import { Link } from '#app/components/link'
import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { EditorContent, useEditor } from '@tiptap/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { DocNode } from '#app/core/content'
import { editorExtensions, editorSchema } from '#app/core/editor-schema'
import type { Lang } from '#app/core/lang'
import type { PassageRun } from '#app/core/merge'
import type { SourceView } from '#app/presenters/source'
import { EvidenceBar } from './evidence-bar'
import { figureContext, figureTarget } from './figure-selection'
import { LiveFindings } from './findings-extension'
import { FindingsPanel } from './findings-panel'
import { LinkDialog } from './link-dialog'
import { MergeView } from './merge-view'
import { MetadataForm } from './metadata-form'
import { contentFromForm, emptyBody, errorsFromIssues, formFromContent, issueField, type PageForm } from '../../core/editor/page-form'
import { ariaShortcut, EditorShortcuts, SHORTCUTS, type ShortcutHandlers } from './shortcuts-extension'
import { ShowChanges } from './show-changes'
import { SourcePicker, type Evidence, type PickerRequest } from './source-picker'
import { Toolbar, type ToolbarHandle } from './toolbar'
import type { ConflictView, EditorProblem } from '../../core/editor/types'
import { useEditorT } from './use-editor-t'
import { useLiveFindings } from './use-live-findings'
import { useUnsavedWarning } from './use-unsaved-warning'
import { useDraft } from './use-draft'
import type { PageContent } from '#app/core/content'

export interface PageEditorProps {
  slug: string | null
  /** The snapshot to start from: the base revision, a conflict revision, or what was submitted. */
  initialContent: unknown
  /** The revision being edited, for "show changes" (null for a new page). */
  baseContent: PageContent | null
  initialSummary: string
  baseRevisionId: string | null
  idempotencyKey: string
  sources: Record<string, SourceView>
  uiLang: Lang
  problem: EditorProblem | null
  conflict: ConflictView | null
}

/** The body to edit: the one given when the schema accepts it (even over the size limits), else an empty one. */
function editableBody(content: unknown): DocNode {
  const body = typeof content === 'object' && content !== null ? (content as { body?: unknown }).body : undefined
  try {
    const node = editorSchema.nodeFromJSON(body)
    node.check()
    return node.toJSON() as DocNode
  } catch {
    return emptyBody()
  }
}

type PickerTarget = { kind: 'figure'; from: number; to: number; editing: boolean } | { kind: 'citation'; pos: number; editing: boolean }

/**
 * The page editor: metadata, the Tiptap body with its toolbar, the evidence tools (figure marks
 * and footnotes through the source picker), the live check, and the save form. The body and the
 * metadata go to the server as one JSON snapshot in the hidden `content` field.
 */
export function PageEditor(props: PageEditorProps) {
  const t = useEditorT()
  const navigation = useNavigation()
  const submitting = navigation.state === 'submitting' && navigation.formMethod?.toLowerCase() === 'post'
  const [form, setForm] = useState<PageForm>(() => formFromContent(props.initialContent, props.uiLang))
  const [sources, setSources] = useState(props.sources)
  const [picker, setPicker] = useState<PickerRequest | null>(null)
  const pickerTarget = useRef<PickerTarget | null>(null)
  const [link, setLink] = useState<{ url: string; hasLink: boolean } | null>(null)
  const [hint, setHint] = useState('')
  const toolbar = useRef<ToolbarHandle>(null)
  const handlers = useRef<ShortcutHandlers | null>(null)
  const contentField = useRef<HTMLInputElement>(null)
  const problemBox = useRef<HTMLDivElement>(null)
  const sent = useRef(false)
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

  const editor = useEditor({
    immediatelyRender: false,
    // Tiptap would add a <style> element, which the Content-Security-Policy refuses; editor.css has the rules.
    injectCSS: false,
    extensions: [...editorExtensions, LiveFindings, EditorShortcuts.configure({ handlers: () => handlers.current })],
    content: editableBody(props.initialContent),
    editorProps: { attributes: bodyAttributes(props.uiLang) },
  })

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.setOptions({ editorProps: { attributes: bodyAttributes(form.lang) } })
  }, [editor, form.lang])

  const status = useLiveFindings(editor, form.lang)

  // Changed since the editor opened (and not being saved): leaving asks first.
  const changed = useRef(false)
  const summaryField = useRef<HTMLInputElement>(null)
  const snapshot = () => (editor ? contentFromForm(form, editor.getJSON() as DocNode) : null)
  const draft = useDraft({
    slug: props.slug,
    baseRevisionId: props.conflict ? props.conflict.latestRevisionId : props.baseRevisionId,
    editor,
    initial: props.initialContent,
    snapshot: () => {
      const content = snapshot()
      return content ? { content, summary: summaryField.current?.value ?? '' } : null
    },
  })
  const changeForm = (next: PageForm) => {
    changed.current = true
    setForm(next)
  }
  // The draft is written after the state holding the new metadata has rendered.
  useEffect(() => {
    if (changed.current) draft.changed()
  }, [form]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!editor) return
    const onUpdate = () => {
      changed.current = true
    }
    const clearHint = () => setHint('')
    editor.on('update', onUpdate)
    editor.on('selectionUpdate', clearHint)
    return () => {
      editor.off('update', onUpdate)
      editor.off('selectionUpdate', clearHint)
    }
  }, [editor])
  useUnsavedWarning(
    useCallback(() => changed.current && !sent.current, []),
    t('editor.leave.confirm'),
  )

  const onSourceKnown = useCallback((source: SourceView) => setSources((known) => (known[source.id] === source ? known : { ...known, [source.id]: source })), [])

  const citeFigure = useCallback(
    (ed: Editor) => {
      const target = figureTarget(ed.state, form.lang)
      if (!target) {
        setHint(t('editor.cite.selectFirst'))
        return
      }
      setHint('')
      pickerTarget.current = { kind: 'figure', from: target.from, to: target.to, editing: target.existing !== null }
      setPicker({ mode: 'figure', subject: target.text, initial: target.existing, editing: target.existing !== null, context: figureContext(ed.state, target.from) })
    },
    [form.lang, t],
  )

  const footnote = useCallback((ed: Editor) => {
    const { selection } = ed.state
    if (selection instanceof NodeSelection && selection.node.type.name === 'citation') {
      const a = selection.node.attrs
      pickerTarget.current = { kind: 'citation', pos: selection.from, editing: true }
      setPicker({ mode: 'citation', subject: '', initial: { sourceId: a.sourceId, quote: a.quote, locator: a.locator }, editing: true })
      return
    }
    setHint('')
    pickerTarget.current = { kind: 'citation', pos: selection.to, editing: false }
    setPicker({ mode: 'citation', subject: '', initial: null, editing: false })
  }, [])

  const editLink = useCallback((ed: Editor) => {
    const href = ed.getAttributes('link').href
    setLink({ url: typeof href === 'string' ? href : '', hasLink: ed.isActive('link') })
  }, [])

  handlers.current = editor
    ? { citeFigure: () => citeFigure(editor), addFootnote: () => footnote(editor), editLink: () => editLink(editor), focusToolbar: () => toolbar.current?.focus() }
    : null

  const applyEvidence = (evidence: Evidence) => {
    const target = pickerTarget.current
    if (!editor || !target) return
    if (target.kind === 'figure') {
      const attrs = { sourceId: evidence.sourceId, quote: evidence.quote, asOf: evidence.asOf, metric: evidence.metric, metricDefinition: evidence.metricDefinition, product: evidence.product }
      editor.chain().setTextSelection({ from: target.from, to: target.to }).setMark('figure', attrs).setTextSelection(target.to).run()
    } else {
      const attrs = { sourceId: evidence.sourceId, quote: evidence.quote, locator: evidence.locator }
      if (target.editing) editor.chain().setNodeSelection(target.pos).updateAttributes('citation', attrs).run()
      else editor.chain().insertContentAt(target.pos, { type: 'citation', attrs }).run()
    }
    setPicker(null)
  }

  const removeEvidence = () => {
    const target = pickerTarget.current
    if (!editor || !target) return
    if (target.kind === 'figure') editor.chain().setTextSelection({ from: target.from, to: target.to }).unsetMark('figure').setTextSelection(target.to).run()
    else editor.chain().deleteRange({ from: target.pos, to: target.pos + 1 }).run()
    setPicker(null)
  }

  const closePicker = () => {
    setPicker(null)
    pickerTarget.current = null
    editor?.commands.focus()
  }

  // A new problem takes focus, so it is heard and seen before anything else.
  useEffect(() => {
    if (props.problem) problemBox.current?.focus()
  }, [props.problem])

  useEffect(() => {
    if (navigation.state === 'idle') sent.current = false
  }, [navigation.state])

  const errors = useMemo(() => (props.problem?.kind === 'invalid' ? errorsFromIssues(props.problem.issues, form) : {}), [props.problem, form])
  const baseRevisionId = props.conflict ? props.conflict.latestRevisionId : props.baseRevisionId

  return (
    <div className={props.conflict ? 'editor-layout editor-layout--conflict' : 'editor-layout'}>
      {props.problem && props.problem.kind !== 'conflict' ? (
        <div className="form-error editor-problem" role="alert" tabIndex={-1} ref={problemBox}>
          <ProblemMessage problem={props.problem} />
        </div>
      ) : null}
      {props.conflict && props.slug ? (
        <div className="banner editor-problem" role="alert" tabIndex={-1} ref={props.problem?.kind === 'conflict' ? problemBox : undefined}>
          <ConflictIntro conflict={props.conflict} slug={props.slug} />
        </div>
      ) : null}
      {props.conflict ? <MergeView conflict={props.conflict} /> : null}
      {draft.offer ? (
        <div className="banner editor-draft" role="status">
          <p>{t('editor.draft.found', { time: new Date(draft.offer.savedAt).toLocaleString(props.uiLang, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
          <button
            type="button"
            className="primary"
            onClick={() =>
              draft.restore((content, summary) => {
                changed.current = true
                setForm(formFromContent(content, props.uiLang))
                if (summaryField.current) summaryField.current.value = summary
              })
            }
          >
            {t('editor.draft.restore')}
          </button>
          <button type="button" onClick={draft.discard}>
            {t('editor.draft.discard')}
          </button>
        </div>
      ) : null}

      <Form
        method="post"
        className="editor-form"
        aria-labelledby="editor-heading"
        onSubmit={(event) => {
          // One submit at a time; the idempotency key covers what still slips through (a retry).
          if (!editor || sent.current) {
            event.preventDefault()
            return
          }
          sent.current = true
          draft.sent()
          contentField.current!.value = JSON.stringify(contentFromForm(form, editor.getJSON() as DocNode))
        }}
      >
        {props.conflict ? <h2 className="merge-mine__title">{t('editor.conflict.yours')}</h2> : null}
        <input type="hidden" name="content" ref={contentField} defaultValue="" />
        <input type="hidden" name="baseRevisionId" value={baseRevisionId ?? ''} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <MetadataForm form={form} onChange={changeForm} errors={errors} />

        <section className="editor-body" aria-labelledby="body-label">
          <h2 id="body-label" className="editor-body__label">
            {t('editor.body.label')}
          </h2>
          <p id="body-hint" className="hint">
            {t('editor.body.hint', { cite: ariaShortcut(SHORTCUTS.citeFigure, mac).replaceAll('+', ' + '), toolbar: 'Alt + F10' })}
          </p>
          {errors.body ? <p className="field-error">{errors.body}</p> : null}
          <noscript>
            <p className="form-error">{t('editor.body.noscript')}</p>
          </noscript>
          {editor ? (
            <>
              <Toolbar ref={toolbar} editor={editor} editLink={() => editLink(editor)} citeFigure={() => citeFigure(editor)} addFootnote={() => footnote(editor)} />
              <EvidenceBar
                editor={editor}
                sources={sources}
                onEdit={(kind) => (kind === 'figure' ? citeFigure(editor) : footnote(editor))}
                onRemove={(kind) =>
                  kind === 'figure' ? editor.chain().focus().extendMarkRange('figure').unsetMark('figure').run() : editor.chain().focus().deleteSelection().run()
                }
              />
            </>
          ) : (
            <p className="muted editor-loading">{t('editor.body.loading')}</p>
          )}
          <p role="status" className="editor-hint">
            {hint}
          </p>
          <EditorContent editor={editor} className="editor-surface" />
        </section>

        <div className="field editor-form__summary">
          <label htmlFor="edit-summary">{t('editor.save.summary')}</label>
          <input id="edit-summary" ref={summaryField} name="summary" type="text" maxLength={500} defaultValue={props.initialSummary} aria-describedby="edit-summary-hint" onChange={draft.changed} />
          <p id="edit-summary-hint" className="hint">
            {t('editor.save.summaryHint')}
          </p>
        </div>
        <div className="editor-form__actions">
          <button type="submit" className="primary" disabled={!editor || submitting} aria-describedby="save-hint">
            {submitting ? t('editor.save.saving') : props.conflict ? t('editor.save.submitMerged') : t('editor.save.submit')}
          </button>
          <ShowChanges base={props.baseContent} current={snapshot} sources={sources} />
          <p id="save-hint" className="hint">
            {t('editor.save.hint')}
          </p>
          {props.slug ? <Link to={`/pages/${props.slug}?revision=latest`}>{t('editor.save.cancel')}</Link> : <Link to="/pages">{t('editor.save.cancel')}</Link>}
        </div>
      </Form>

      {editor ? (
        <aside className="editor-aside" aria-label={t('editor.findings.region')}>
          <FindingsPanel
            editor={editor}
            status={status}
            onCite={() => {
              citeFigure(editor)
            }}
          />
        </aside>
      ) : null}

      <SourcePicker request={picker} contentLang={form.lang} sources={sources} onSourceKnown={onSourceKnown} onApply={applyEvidence} onRemove={removeEvidence} onClose={closePicker} />
      <LinkDialog
        open={link !== null}
        initialUrl={link?.url ?? ''}
        hasLink={link?.hasLink ?? false}
        onApply={(url) => {
          if (!editor) return
          const { empty } = editor.state.selection
          if (empty && !editor.isActive('link')) editor.chain().insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run()
          else editor.chain().extendMarkRange('link').setLink({ href: url }).run()
          setLink(null)
        }}
        onRemove={() => {
          editor?.chain().extendMarkRange('link').unsetLink().run()
          setLink(null)
        }}
        onClose={() => {
          setLink(null)
          editor?.commands.focus()
        }}
      />
    </div>
  )
}

function bodyAttributes(lang: Lang): Record<string, string> {
  return {
    id: 'page-body-editor',
    class: 'prose editor-body__text',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': 'body-label',
    'aria-describedby': 'body-hint',
    lang,
  }
}

function ProblemMessage({ problem }: { problem: Exclude<EditorProblem, { kind: 'conflict' }> }) {
  const t = useEditorT()
  if (problem.kind === 'invalid') {
    return (
      <>
        <p>
          <strong>{t('editor.problem.invalid')}</strong>
        </p>
        <ul>
          {problem.issues.map((issue, i) => (
            <li key={i}>
              {issueLabel(t, issue.path)}: {issue.message}
            </li>
          ))}
        </ul>
        <p>{t('editor.problem.kept')}</p>
      </>
    )
  }
  if (problem.kind === 'slug_taken') {
    return (
      <>
        <p>{problem.message}</p>
        <p>
          <Link to={`/pages/${problem.slug}`}>{t('editor.problem.openExisting')}</Link> · <Link to={`/pages/${problem.slug}/edit`}>{t('editor.problem.editExisting')}</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <p>{problem.message}</p>
      {problem.kind === 'signed_out' ? (
        <p>
          <a href="/login" target="_blank" rel="noopener">
            {t('editor.problem.loginNewTab')}
          </a>
        </p>
      ) : null}
      <p>{t('editor.problem.kept')}</p>
    </>
  )
}

function issueLabel(t: ReturnType<typeof useEditorT>, path: string): string {
  const at = issueField(path)
  switch (at.field) {
    case 'title':
      return t('editor.meta.title')
    case 'summary':
      return t('editor.meta.summary')
    case 'lang':
      return t('editor.meta.lang')
    case 'categories':
      return t('editor.meta.categories')
    case 'body':
      return t('editor.body.label')
    case 'proprietary':
      return t('editor.meta.productN', { n: at.row + 1 })
    case 'alternatives':
      return t('editor.meta.alternativeN', { n: at.row + 1 })
    default:
      return t('editor.problem.page')
  }
}

function ConflictIntro({ conflict, slug }: { conflict: ConflictView; slug: string }) {
  const t = useEditorT()
  // The body's clashing blocks are named once ("the text"); the passages below show their words.
  const fields = [...new Set(conflict.fields.map((field) => (/^body block \d+$/.test(field) ? 'body' : field)))]
  return (
    <div className="conflict-intro">
      <p>
        <strong>{t('editor.conflict.title')}</strong> {t('editor.conflict.explain')}
      </p>
      {fields.length > 0 ? (
        <p>
          {t('editor.conflict.fields')}{' '}
          {fields.map((field, i) => (
            <span key={field}>
              {i > 0 ? ', ' : ''}
              <strong>{fieldLabel(t, field)}</strong>
            </span>
          ))}
        </p>
      ) : (
        <p>{t('editor.conflict.noOverlapNow')}</p>
      )}
      {conflict.passages.length > 0 ? <ConflictPassages passages={conflict.passages} /> : null}
      <p>
        {t('editor.conflict.kept')} <Link to={`/pages/${slug}/revisions/${conflict.revisionId}`}>{t('editor.conflict.keptLink')}</Link>
      </p>
    </div>
  )
}

/** Both wordings of each clashing passage, the words only one side has marked (underlined, and named for screen readers). */
function ConflictPassages({ passages }: { passages: ConflictView['passages'] }) {
  const t = useEditorT()
  const side = (runs: PassageRun[], label: string) =>
    runs.length === 0 ? (
      <p className="muted">{t('editor.conflict.removed')}</p>
    ) : (
      <p className="conflict-passage__text">
        {runs.map((run, i) =>
          run.differs ? (
            <mark key={i} className="conflict-word">
              {run.text}
              <span className="visually-hidden"> ({label})</span>
            </mark>
          ) : (
            <span key={i}>{run.text}</span>
          ),
        )}
      </p>
    )
  return (
    <section className="conflict-passages" aria-labelledby="conflict-passages">
      <h2 id="conflict-passages">{t('editor.conflict.passages')}</h2>
      {passages.map((passage, i) => (
        <section key={i} className="conflict-passage" aria-label={t('editor.conflict.passage', { n: i + 1 })}>
          <h3>{t('editor.conflict.passage', { n: i + 1 })}</h3>
          <div className="conflict-passage__sides">
            <div>
              <h4>{t('editor.conflict.current')}</h4>
              {side(passage.current, t('editor.conflict.differsCurrent'))}
            </div>
            <div>
              <h4>{t('editor.conflict.yours')}</h4>
              {side(passage.yours, t('editor.conflict.differsYours'))}
            </div>
          </div>
        </section>
      ))}
    </section>
  )
}

function fieldLabel(t: ReturnType<typeof useEditorT>, field: string): string {
  switch (field) {
    case 'body':
      return t('editor.conflict.text')
    case 'title':
      return t('editor.meta.title')
    case 'summary':
      return t('editor.meta.summary')
    case 'lang':
      return t('editor.meta.lang')
    case 'subjects':
      return t('editor.conflict.subjects')
    case 'categories':
      return t('editor.meta.categories')
    default:
      return field
  }
}
