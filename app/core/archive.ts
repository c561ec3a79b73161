/**
 * Where a reader can look for an archived copy of a source when none is on record: the Internet
 * Archive's Wayback Machine answers `/web/<timestamp>/<url>` with the snapshot nearest that
 * time. Asking for the figure's as-of date ("2024-03" → 202403) shows the page as it read when
 * the figure was taken — what a skeptical reader wants when the live page has changed or gone.
 * Without a date, `/web/*` lists every snapshot.
 */
export function waybackLookupUrl(sourceUrl: string, asOf: string | null): string {
  const stamp = asOf && /^\d{4}(-\d{2}){0,2}$/.test(asOf) ? asOf.replaceAll('-', '') : '*'
  return `https://web.archive.org/web/${stamp}/${sourceUrl}`
}
