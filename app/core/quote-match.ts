/**
 * Does a cited quote still appear in a source's text? Both sides are normalised the same way, so
 * that what differs only in typography is not reported as a changed source:
 *  - Unicode compatibility forms (NFKC: no-break and narrow spaces, ligatures, "…" → "..."),
 *  - case, whitespace, soft hyphens and zero-width characters,
 *  - quotation marks and apostrophes of every kind (« », “ ”, „ “, ’ …),
 *  - dashes and minus signs,
 *  - spaces before punctuation (French "inscrits :" against "inscrits:"),
 *  - numbers, as quoteShowsFigure reads them: thousands separators dropped ("220 000",
 *    "220,000", "220.000" and "220’000" are all "220000"), a decimal comma read as a point
 *    ("2,5" is "2.5"), no space between a number and its sign ("40 %" is "40%").
 * An ellipsis in the quote ("...", "[...]", "(...)") marks an omission: the parts around it
 * must appear in that order.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
const QUOTE_MARKS = /["'`´‘’‚‛“”„‟«»‹›′″]/g
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g
const SPACE_BEFORE_PUNCTUATION = / ([:;!?,.)\]])/g
const SPACE_AFTER_OPENING = /([([]) /g
/** A thousands separator: between a digit and a group of exactly three digits. */
const GROUP_SEPARATOR = /(\d)[ .,'](?=\d{3}(?!\d))/g
const DECIMAL_COMMA = /(\d),(\d)/g
/** "40 %" and "40%", "€ 5" and "€5": the space between a number and its sign is typography. */
const SPACE_BEFORE_SIGN = /(\d) ([%€$£])/g
const SPACE_AFTER_SIGN = /([€$£]) (\d)/g
const OMISSION = /\s*(?:\[\.\.\.\]|\(\.\.\.\)|\.\.\.)\s*/

export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(QUOTE_MARKS, ' ')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .replace(SPACE_BEFORE_PUNCTUATION, '$1')
    .replace(SPACE_AFTER_OPENING, '$1')
    .replace(GROUP_SEPARATOR, '$1')
    .replace(DECIMAL_COMMA, '$1.$2')
    .replace(SPACE_BEFORE_SIGN, '$1$2')
    .replace(SPACE_AFTER_SIGN, '$1$2')
    .trim()
}

/** The identity of a quote across checks and revisions: two quotes that match alike are one. */
export function quoteKey(quote: string): string {
  return normaliseForMatch(quote)
}

/**
 * True when `quote` appears in `text` after normalisation. `normalisedText` may be passed
 * pre-normalised (with `normaliseForMatch`) when many quotes are looked up in one page.
 */
export function quoteAppears(quote: string, normalisedText: string): boolean {
  const fragments = normaliseForMatch(quote)
    .split(OMISSION)
    .map((f) => f.trim())
    .filter((f) => f.length > 0)
  if (fragments.length === 0) return false
  let from = 0
  for (const fragment of fragments) {
    const at = normalisedText.indexOf(fragment, from)
    if (at < 0) return false
    from = at + fragment.length
  }
  return true
}
