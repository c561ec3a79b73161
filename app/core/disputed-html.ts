/**
 * Marks disputed figures and citations in a rendered body. The body HTML is cached per revision
 * (it never changes), but reports come and go, so the marks are added per response by rewriting
 * the exact opening tags `renderBody` emits. The attribute changes the response body, and with it
 * the ETag of anonymous reads: a cached copy cannot hide a new report.
 */
export function markDisputed(html: string, disputed: { figures: ReadonlySet<number>; citations: ReadonlySet<number> }): string {
  if (disputed.figures.size === 0 && disputed.citations.size === 0) return html
  let out = html
  for (const n of disputed.figures) {
    if (!Number.isInteger(n)) continue
    out = out.replace(`<button type="button" class="fig" id="fig-${n}" `, `<button type="button" class="fig" id="fig-${n}" data-disputed="true" `)
  }
  // Citations are numbered from 1 in the body (cite-ref-1 is the citation with ordinal 0).
  for (const ordinal of disputed.citations) {
    if (!Number.isInteger(ordinal)) continue
    const n = ordinal + 1
    out = out.replace(`<sup class="cite" id="cite-ref-${n}">`, `<sup class="cite" id="cite-ref-${n}" data-disputed="true">`)
  }
  return out
}
