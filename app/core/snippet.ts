import { escapeHtml } from './html'

/** A search snippet (matches between \u0001 and \u0002) as safe HTML with <mark>ed matches. */
export function snippetHtml(snippet: string): string {
  return escapeHtml(snippet.replace(/[\u0003-\u001f]/g, ' ')).replace(/\u0001/g, '<mark>').replace(/\u0002/g, '</mark>')
}
