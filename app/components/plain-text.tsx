import { linkify, type TextSegment } from '#app/core/talk'

/**
 * Plain text from people (talk posts, reasons) with its http(s) links clickable: React text
 * nodes and anchors only, so markup in the text is shown, never run. Paragraph breaks are kept
 * by CSS (white-space: pre-wrap).
 */
export function PlainText({ text, segments }: { text?: string; segments?: TextSegment[] }) {
  const parts = segments ?? linkify(text ?? '')
  return (
    <span className="plain-text">
      {parts.map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} rel="nofollow ugc noopener" className="external">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </span>
  )
}
