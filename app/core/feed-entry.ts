import { escapeHtml } from './html'
import { renderInlineDiff, type DiffLabels, type MetaDiff } from './revision-diff'

/** What a feed entry says about one revision, every text already in the reader's language. */
export interface FeedEntryParts {
  summary: string
  /** "Status: pending review", "Size change: +120 bytes", "Restores revision …". */
  facts: string[]
  meta: MetaDiff | null
  metaLabels: { title: string; summary: string }
  /** Rendered body diff (renderBodyDiff), or null when it was too large to include. */
  bodyDiffHtml: string | null
  tooLarge: string
  labels: DiffLabels
}

/**
 * The HTML content of a feed entry: the edit summary, the facts, title and summary changes and
 * the body diff. Every text is escaped here or by the diff renderer; feed readers get the same
 * inert markup as the site.
 */
export function feedEntryHtml(parts: FeedEntryParts): string {
  const out = [`<p>${escapeHtml(parts.summary)}</p>`]
  if (parts.facts.length > 0) out.push(`<p>${parts.facts.map(escapeHtml).join(' · ')}</p>`)
  if (parts.meta?.title) out.push(`<p><strong>${escapeHtml(parts.metaLabels.title)}</strong>: ${renderInlineDiff(parts.meta.title, parts.labels)}</p>`)
  if (parts.meta?.summary) out.push(`<p><strong>${escapeHtml(parts.metaLabels.summary)}</strong>: ${renderInlineDiff(parts.meta.summary, parts.labels)}</p>`)
  out.push(parts.bodyDiffHtml ?? `<p>${escapeHtml(parts.tooLarge)}</p>`)
  return out.join('')
}
