/**
 * The licence of the wiki's content (README "Content licence"): what people may do with what they
 * download, and whom to name. Exports state it with every row, because rows travel alone.
 */
export const CONTENT_LICENCE = {
  id: 'CC-BY-SA-4.0',
  name: 'Creative Commons Attribution-ShareAlike 4.0 International',
  url: 'https://creativecommons.org/licenses/by-sa/4.0/',
} as const

/** Whom to credit for a page's content: its contributors, with where their names are listed. */
export function attributionOf(pageUrl: string): string {
  return `Sourced contributors, ${pageUrl} (authors listed at ${pageUrl}/history)`
}
