import { useEffect, useRef, type ReactNode, type RefObject } from 'react'

/**
 * A modal `<dialog>`: the browser keeps focus inside it, makes the page behind it inert and
 * closes it on Escape. Its content mounts only while it is open, so every opening starts fresh;
 * `initialFocus` names the field that gets focus (else the browser's choice, the first one).
 */
export function Modal({
  open,
  onClose,
  titleId,
  describedBy,
  initialFocus,
  className,
  children,
}: {
  open: boolean
  onClose: () => void
  titleId: string
  describedBy?: string
  initialFocus?: RefObject<HTMLElement | null>
  className?: string
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      initialFocus?.current?.focus()
    } else if (!open && dialog.open) dialog.close()
  }, [open, initialFocus])

  useEffect(() => {
    const dialog = ref.current
    // Escape and dialog.close() both end here, so the owner's state always follows the dialog.
    const closed = () => onCloseRef.current()
    dialog?.addEventListener('close', closed)
    return () => dialog?.removeEventListener('close', closed)
  }, [])

  return (
    <dialog ref={ref} aria-labelledby={titleId} aria-describedby={describedBy} className={['modal', className].filter(Boolean).join(' ')}>
      {open ? children : null}
    </dialog>
  )
}
