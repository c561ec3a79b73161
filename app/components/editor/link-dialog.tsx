import { useId, useRef, useState, type FormEvent } from 'react'
import { isSafeUrl } from '#app/core/safe-url'
import { normaliseLinkInput } from '#app/core/editor/link-input'
import { Modal } from './modal'
import { useEditorT } from './use-editor-t'

/** Adds, changes or removes the link on the selected text; replaces window.prompt. */
export function LinkDialog({
  open,
  initialUrl,
  hasLink,
  onApply,
  onRemove,
  onClose,
}: {
  open: boolean
  initialUrl: string
  hasLink: boolean
  onApply: (url: string) => void
  onRemove: () => void
  onClose: () => void
}) {
  const t = useEditorT()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  return (
    <Modal open={open} onClose={onClose} titleId={`${id}-title`} initialFocus={input} className="modal--small">
      <LinkForm id={id} input={input} initialUrl={initialUrl} hasLink={hasLink} onApply={onApply} onRemove={onRemove} onClose={onClose} t={t} />
    </Modal>
  )
}

function LinkForm({
  id,
  input,
  initialUrl,
  hasLink,
  onApply,
  onRemove,
  onClose,
  t,
}: {
  id: string
  input: React.RefObject<HTMLInputElement>
  initialUrl: string
  hasLink: boolean
  onApply: (url: string) => void
  onRemove: () => void
  onClose: () => void
  t: ReturnType<typeof useEditorT>
}) {
  const [url, setUrl] = useState(initialUrl)
  const [error, setError] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const value = normaliseLinkInput(url)
    if (!isSafeUrl(value)) {
      setError(t('editor.link.invalid'))
      input.current?.focus()
      return
    }
    onApply(value)
  }
  return (
    <form onSubmit={submit} className="modal__form" noValidate>
      <h2 id={`${id}-title`}>{hasLink ? t('editor.link.editTitle') : t('editor.link.addTitle')}</h2>
      <label htmlFor={`${id}-url`}>{t('editor.link.url')}</label>
      <input
        ref={input}
        id={`${id}-url`}
        type="text"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        value={url}
        onChange={(event) => {
          setUrl(event.target.value)
          setError(null)
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="hint">
        {t('editor.link.hint')}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="modal__actions">
        <button type="submit" className="primary">
          {t('editor.link.apply')}
        </button>
        {hasLink ? (
          <button type="button" onClick={onRemove}>
            {t('editor.link.remove')}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  )
}
